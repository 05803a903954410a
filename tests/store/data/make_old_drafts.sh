#!/bin/sh
# How the drafts of older formats here were made, with the code of that time (kept for the
# record; the files are checked in and never remade by the tests):
#
#   git -C /work/main worktree add /tmp/round1 12ec3d9      # round 1: format 1
#   sh tests/store/data/make_old_drafts.sh /tmp/round1 round1
#   sh tests/store/data/make_old_drafts.sh /work/main main-format3   # main before issue 17
#
# Each: the English note, its Spanish text, two comments, two reservations, a party added by
# the user, "Rev 1", then a revised English text added as "Rev 2"; and what that code printed
# of it (expected JSON), for tests/store/test_old_formats.py to compare with.
set -e
TREE=$1
NAME=$2
HERE=$(cd "$(dirname "$0")" && pwd)
PYTHON=${PYTHON:-/work/main/.venv/bin/python}
run() { (cd "$TREE" && PYTHONPATH="$TREE" "$PYTHON" -m app "$@"); }
F="$HERE/$NAME.concordia"
rm -f "$F"
run import "$HERE/old_format_en.md" --out "$F"
run import "$HERE/old_format_es.md" --into "$F" --language es
BLOCKS=$(run show "$F" --json | "$PYTHON" -c "import json,sys; print(' '.join(b['id'] for b in json.load(sys.stdin)['blocks']))")
set -- $BLOCKS
run comment add "$F" --block "$3" --start 0 --end 8 --party HU --text "Prefer 'WE COMMIT'." --date 2024-03-13
run comment add "$F" --block "$4" --party ES --text "Añadir una referencia a Europol." --suggestion "y Europol" --date 2024-03-14
run reservation add "$F" --block "$5" --parties PL,HU --kind scrutiny --date 2024-03-14
run reservation add "$F" --whole --parties CELAC --kind position --text "CELAC recalls its position." --text-es "La CELAC recuerda su posición." --date 2024-03-15
run party add "$F" --code UA --name Ukraine --name-es Ucrania --kind state
run version save "$F" --name "Rev 1"
run import "$HERE/old_format_en_rev2.md" --into "$F" --as-version "Rev 2"
cd "$TREE" && PYTHONPATH="$TREE" "$PYTHON" - "$F" "$HERE/$NAME.expected.json" <<'PY'
import json, subprocess, sys
draft_path, out = sys.argv[1], sys.argv[2]
def cli(*args):
    return json.loads(subprocess.run([sys.executable, "-m", "app", *args], check=True,
                                     capture_output=True, text=True).stdout)
from app.store import load_draft
draft = load_draft(draft_path)
expected = {
    "show": cli("show", draft_path, "--json"),
    "versions": cli("version", "list", draft_path, "--json"),
    "version_texts": {v.name: cli("show", draft_path, "--json", "--version", v.name)
                      for v in draft.versions},
    "comments": cli("comment", "list", draft_path, "--json"),
    "reservations": cli("reservation", "list", draft_path, "--json", "--all"),
    "parties": cli("party", "list", draft_path, "--json"),
    "translations": {lang: tr.to_json() for lang, tr in draft.translations.items()},
    "version_translations": {v.name: json.loads(v.snapshot).get("translations", {})
                             for v in draft.versions},
}
with open(out, "w", encoding="utf-8") as handle:
    json.dump(expected, handle, ensure_ascii=False, indent=1, sort_keys=True)
PY
