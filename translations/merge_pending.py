"""Fill the Spanish catalog from fragments in translations/pending/*.po.

Several people add strings at once; each writes the Spanish of their new strings into a
fragment instead of editing messages.po. After `make i18n`, this copies each fragment's
translation (and its translator comments, e.g. UNVERIFIED notes) into the entries still
empty, reports fragment entries the code no longer uses, and leaves filled entries alone.
"""

from __future__ import annotations

import sys
from pathlib import Path

from babel.messages.pofile import read_po, write_po

HERE = Path(__file__).resolve().parent
CATALOG = HERE / "es" / "LC_MESSAGES" / "messages.po"


def merge(catalog_path: Path = CATALOG, pending: Path = HERE / "pending") -> int:
    with catalog_path.open("rb") as handle:
        catalog = read_po(handle, locale="es")
    unused = 0
    for fragment in sorted(pending.glob("*.po")):
        with fragment.open("rb") as handle:
            entries = read_po(handle, locale="es")
        for entry in entries:
            if not entry.id:
                continue
            target = catalog.get(entry.id, context=entry.context)
            if target is None:
                unused += 1
                print(f"{fragment.name}: not in the code: {entry.id!r}")
                continue
            empty = not all(target.string) if isinstance(target.string, (tuple, list)) else not target.string
            if empty:
                target.string = entry.string
                for comment in entry.auto_comments:
                    if comment not in target.auto_comments:
                        target.auto_comments.append(comment)
    with catalog_path.open("wb") as handle:
        write_po(handle, catalog, width=76, include_lineno=False)
    return unused


if __name__ == "__main__":
    merge()
    sys.exit(0)
