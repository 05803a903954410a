"""The packaging metadata a fresh `pip install` reads: no deprecated forms, files that exist."""

from __future__ import annotations

import re

import pytest

from tests.conftest import REPO

tomllib = pytest.importorskip("tomllib")  # Python 3.11+


def pyproject() -> dict:
    return tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))


def test_licence_is_an_spdx_string_with_its_file():
    project = pyproject()["project"]
    assert project["license"] == "EUPL-1.2"  # a TOML table here is deprecated by setuptools
    assert not any(c.startswith("License ::") for c in project.get("classifiers", []))
    for pattern in project["license-files"]:
        matches = list(REPO.glob(pattern))
        assert matches, f"license-files pattern {pattern!r} matches no file"
    text = (REPO / "LICENSE").read_text(encoding="utf-8")
    assert text.lstrip().startswith("EUROPEAN UNION PUBLIC LICENCE v. 1.2")


def test_build_backend_is_new_enough_for_the_licence_fields():
    requires = pyproject()["build-system"]["requires"]
    setuptools = next(item for item in requires if item.startswith("setuptools"))
    minimum = re.search(r">=\s*(\d+)", setuptools)
    assert minimum and int(minimum.group(1)) >= 77
