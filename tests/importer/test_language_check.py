"""A text that is not Spanish, given as Spanish, is refused with one sentence; --force imports it."""

from __future__ import annotations

import subprocess
import sys

import pytest

from app.importer import import_text_file
from app.importer.language import WrongLanguageError
from app.importer.pairing import prepare_language_version
from app.store import load_draft
from tests.conftest import REPO
from tests.importer.test_pairing_shifts import UDHR_EN, UDHR_ES

GERMAN = ("Alle Menschen sind frei und gleich an Würde und Rechten geboren. Sie sind mit Vernunft "
          "und Gewissen begabt und sollen einander im Geist der Brüderlichkeit begegnen. Jeder hat "
          "Anspruch auf die in dieser Erklärung verkündeten Rechte und Freiheiten, und zwar ohne "
          "irgendeinen Unterschied, etwa nach Rasse, Hautfarbe, Geschlecht oder Sprache.")
ARABIC = ("يولد جميع الناس أحرارًا متساوين في الكرامة والحقوق. وقد وهبوا عقلاً وضميرًا وعليهم أن "
          "يعامل بعضهم بعضًا بروح الإخاء.")


def _concordia(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "app", *args], cwd=REPO, capture_output=True,
                          text=True, timeout=120)


@pytest.fixture
def english():
    return import_text_file(UDHR_EN)[0]


@pytest.mark.parametrize(("text", "named"), [(GERMAN, "German"), (ARABIC, "another language")])
def test_german_or_arabic_given_as_spanish_is_refused(english, tmp_path, text, named):
    source = tmp_path / "other.txt"
    source.write_text(text + "\n", encoding="utf-8")
    with pytest.raises(WrongLanguageError) as caught:
        prepare_language_version(english, source, "es")
    assert str(caught.value) == f"This text reads as {named}, not Spanish."


def test_the_real_spanish_text_passes(english):
    assert prepare_language_version(english, UDHR_ES, "es").paired == 92


def test_english_text_as_spanish_on_the_command_line(tmp_path):
    draft = tmp_path / "udhr.concordia"
    assert _concordia("import", str(UDHR_EN), "--out", str(draft)).returncode == 0
    refused = _concordia("import", str(UDHR_EN), "--into", str(draft), "--language", "es")
    assert refused.returncode == 1
    *progress, message = refused.stderr.strip().splitlines()     # progress lines, then it
    assert all("%" in line for line in progress) and "Traceback" not in refused.stderr
    assert "reads as English, not Spanish" in message and "--force" in message
    assert load_draft(draft).translations == {}
    forced = _concordia("import", str(UDHR_EN), "--into", str(draft), "--language", "es",
                        "--force")
    assert forced.returncode == 0, forced.stderr
    assert "es" in load_draft(draft).translations
