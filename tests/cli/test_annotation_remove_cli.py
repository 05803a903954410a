"""`comment remove` and `reservation remove`: the named item goes, the others stay, and a
missing id is one sentence with the file untouched."""

from __future__ import annotations

import pytest

from app.store import load_draft
from tests.cli.test_annotations_cli import draft_path, paragraph, run  # noqa: F401 (fixture)


def _add_two(capsys, path, group: str) -> list[str]:
    block = paragraph(path, "WE RECOGNISE the value")
    if group == "comment":
        extra = ["--block", block["id"], "--party", "HU", "--text", "Delete."]
    else:
        extra = ["--block", block["id"], "--parties", "HU", "--kind", "scrutiny"]
    keys = []
    for _ in range(2):
        code, out, err = run(capsys, group, "add", path, *extra)
        assert code == 0, err
        keys.append(out.strip())
    return keys


@pytest.mark.parametrize("group, items", [("comment", "comments"), ("reservation", "reservations")])
def test_remove_takes_out_only_the_named_item(draft_path, capsys, group, items):  # noqa: F811
    first, second = _add_two(capsys, draft_path, group)
    code, _out, err = run(capsys, group, "remove", draft_path, "--id", first)
    assert code == 0, err
    assert list(getattr(load_draft(draft_path), items)) == [second]

    before = draft_path.read_bytes()
    code, _out, err = run(capsys, group, "remove", draft_path, "--id", first)
    assert code == 1 and f"no {group} with id" in err and "Traceback" not in err
    assert draft_path.read_bytes() == before
