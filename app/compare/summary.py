"""Counting a comparison's changes and saying them in one line:
"3 paragraphs changed, 1 inserted, 1 deleted, 2 moved; 1 footnote reworded"."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from app.i18n import _, translator, ui_language

from .redline import Comparison, RowKind


@dataclass
class Counts:
    changed: int = 0
    inserted: int = 0
    deleted: int = 0
    moved: int = 0
    moved_and_changed: int = 0
    reformatted: int = 0            # same words, another kind or level (numbered → bullet)
    sentences_moved: int = 0        # inside changed paragraphs: told, not counted again
    spacing: int = 0
    renumbered: int = 0
    footnotes: Counter = field(default_factory=Counter)     # "added"/"removed"/"reworded"
    fields: int = 0
    items: Counter = field(default_factory=Counter)         # (section, kind) → n

    @property
    def total(self) -> int:
        return (self.changed + self.inserted + self.deleted + self.moved + self.reformatted
                + sum(self.footnotes.values()) + self.fields + sum(self.items.values()))

    def to_json(self) -> dict:
        return {
            "paragraphs_changed": self.changed,
            "paragraphs_inserted": self.inserted,
            "paragraphs_deleted": self.deleted,
            "paragraphs_moved": self.moved,
            "paragraphs_moved_and_changed": self.moved_and_changed,
            "paragraphs_reformatted": self.reformatted,
            "sentences_moved": self.sentences_moved,
            "spacing_only": self.spacing,
            "renumbered_only": self.renumbered,
            "footnotes": dict(self.footnotes),
            "cover_fields_changed": self.fields,
            "items": [{"section": s, "kind": k, "count": n} for (s, k), n in self.items.items()],
        }


def count(comparison: Comparison) -> Counts:
    counts = Counts()
    for row in comparison.rows:
        if row.kind == RowKind.CHANGED:
            counts.changed += 1
        elif row.kind in (RowKind.UNCHANGED, RowKind.SPACING) and row.format_changed:
            counts.reformatted += 1
            continue
        elif row.kind == RowKind.INSERTED:
            counts.inserted += 1
        elif row.kind == RowKind.DELETED:
            counts.deleted += 1
        elif row.kind == RowKind.MOVED_HERE:
            counts.moved += 1
            counts.moved_and_changed += row.words_changed
        elif row.kind == RowKind.SPACING:
            counts.spacing += 1
        if row.renumbered and row.kind in (RowKind.UNCHANGED, RowKind.SPACING):
            counts.renumbered += 1
    counts.footnotes.update(change.kind for change in comparison.footnotes)
    counts.fields = len(comparison.fields)
    counts.sentences_moved = len(comparison.sentence_moves)
    counts.items.update((item.section, item.kind) for item in comparison.items)
    return counts


def summary_line(comparison: Comparison) -> str:
    counts = count(comparison)
    catalog = translator(ui_language())

    def n(singular: str, plural: str, value: int) -> str:
        return catalog.ngettext(singular, plural, value).format(n=value)

    # The first figure names the paragraphs ("2 paragraphs changed"), the rest are short.
    figures = [
        (counts.changed, n("{n} paragraph changed", "{n} paragraphs changed", counts.changed),
         n("{n} changed", "{n} changed", counts.changed)),
        (counts.inserted, n("{n} paragraph inserted", "{n} paragraphs inserted",
                            counts.inserted), n("{n} inserted", "{n} inserted", counts.inserted)),
        (counts.deleted, n("{n} paragraph deleted", "{n} paragraphs deleted", counts.deleted),
         n("{n} deleted", "{n} deleted", counts.deleted)),
        (counts.moved, n("{n} paragraph moved", "{n} paragraphs moved", counts.moved),
         n("{n} moved", "{n} moved", counts.moved)),
        (counts.reformatted, n("{n} paragraph reformatted", "{n} paragraphs reformatted",
                               counts.reformatted),
         n("{n} reformatted", "{n} reformatted", counts.reformatted)),
    ]
    paragraphs = [full if not index else short
                  for index, (_value, full, short) in enumerate(f for f in figures if f[0])]
    groups = [", ".join(paragraphs)] if paragraphs else []
    if counts.sentences_moved:
        groups.append(n("{n} sentence moved", "{n} sentences moved", counts.sentences_moved))
    notes = [
        text.format(n=counts.footnotes[kind])
        for kind, text in (
            ("added", n("{n} footnote added", "{n} footnotes added", counts.footnotes["added"])),
            ("removed", n("{n} footnote removed", "{n} footnotes removed",
                          counts.footnotes["removed"])),
            ("reworded", n("{n} footnote reworded", "{n} footnotes reworded",
                           counts.footnotes["reworded"])),
        )
        if counts.footnotes[kind]
    ]
    if notes:
        groups.append(", ".join(notes))
    if counts.fields:
        groups.append(n("{n} cover field changed", "{n} cover fields changed", counts.fields))
    for (section, kind), value in sorted(counts.items.items()):
        noun = section[:-1] if value == 1 and section.endswith("s") else section
        groups.append(f"{value} {noun} {kind.replace('_', ' ')}")
    if not groups:
        return _("No changes.")
    return "; ".join(groups)
