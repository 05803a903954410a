"""List what the Spanish catalog still lacks: untranslated, half-translated plural and fuzzy entries.

Run by `make i18n` after the merge; prints one line per entry and a count, exit status 0 either way
(the test `tests/i18n/test_catalog.py` is what fails on gaps).
"""

from __future__ import annotations

import sys
from pathlib import Path

from babel.messages.pofile import read_po

CATALOG = Path(__file__).resolve().parent / "es" / "LC_MESSAGES" / "messages.po"


def gaps(po_file: Path = CATALOG) -> list[str]:
    with po_file.open("rb") as handle:
        catalog = read_po(handle, locale="es")
    found = []
    for message in catalog:
        if not message.id:
            continue
        strings = message.string if isinstance(message.string, (tuple, list)) else (message.string,)
        msgid = message.id[0] if isinstance(message.id, (tuple, list)) else message.id
        where = f"[{message.context}] " if message.context else ""
        if message.fuzzy:
            found.append(f"fuzzy:         {where}{msgid}")
        elif not all(strings):
            found.append(f"untranslated:  {where}{msgid}")
    return found


def main() -> int:
    found = gaps()
    for line in found:
        print(line)
    print(f"{len(found)} Spanish entries to translate or review in {CATALOG.relative_to(Path.cwd())}"
          if CATALOG.is_relative_to(Path.cwd()) else f"{len(found)} Spanish entries to do in {CATALOG}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
