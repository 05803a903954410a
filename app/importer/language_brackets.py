"""Square brackets typed in an imported language version become the main brackets' counterparts.

A Spanish text imported as the Spanish version may carry the negotiation brackets as typed,
`[reforzar (FR, ES) / promover (CELAC)]`. They are read as the draft's own brackets are
(app.importer.brackets.find_brackets), paragraph by paragraph once the Spanish paragraphs are
paired with the draft's: when a Spanish paragraph has as many brackets as the draft's
paragraph of the same id, each with as many alternatives, the k-th pairs with the k-th (in
reading order, an outer bracket before the one nested in it), the markup leaves the Spanish
text and each becomes an `app.model.counterparts.Counterpart`. The parties typed in Spanish
are not kept: the main bracket's are the negotiation's. Otherwise the Spanish words stay as
typed, markup included, and one sentence names the paragraphs whose brackets could not be
paired; no Spanish word is dropped.
"""

from __future__ import annotations

from app.i18n import _
from app.model import Draft, LanguageVersion
from app.model.annotations import span_words
from app.model.brackets import brackets_in_block
from app.model.counterparts import Counterpart
from app.model.inline import ANCHOR, anchored_text, normalise, split_at
from app.model.numbering import paragraph_labels

from .brackets import Found, _mapped, find_brackets
from .report import ImportReport


def _in_reading_order(found: list[Found]) -> list[Found]:
    flat = [item for outer in found for item in (outer, *outer.nested)]
    return sorted(flat, key=lambda item: (item.alt_start, -item.alt_end))


def _pairs_with(found: list[Found], main: list) -> bool:
    return len(found) == len(main) and all(
        len(item.alternatives) == max(1, len(bracket.alternatives))
        for item, bracket in zip(found, main, strict=True))


def pair_version_brackets(draft: Draft, version: LanguageVersion, report: ImportReport) -> int:
    """Turn the typed brackets of each paired paragraph into counterparts; returns how many.
    Call it before the pairs are recorded as confirmed (the Spanish text changes here)."""
    labels = dict(zip((b.id for b in draft.blocks), paragraph_labels(draft.blocks), strict=True))
    left_as_typed: list[str] = []
    count = 0
    for block in draft.blocks:
        content = version.blocks.get(block.id)
        if content is None:
            continue
        text = anchored_text(content)
        if "[" not in text and "]" not in text:
            continue
        found, unmatched = find_brackets(text)
        if not found and not unmatched:
            continue                            # only literal brackets: "[…]", "[1]"
        ordered = _in_reading_order(found)
        main = brackets_in_block(draft, block.id)
        deletions = sorted(d for outer in found for d in outer.deletions())
        if unmatched or not _pairs_with(ordered, main) or any(
                ANCHOR in text[low:high] for low, high in deletions):
            left_as_typed.append(labels[block.id])
            continue
        for low, high in reversed(deletions):
            left, rest = split_at(content, low)
            _gone, right = split_at(rest, high - low)
            content = normalise(left + right)
        version.blocks[block.id] = content
        for item, bracket in zip(ordered, main, strict=True):
            start, end = _mapped(item.alt_start, deletions), _mapped(item.alt_end, deletions)
            version.brackets[bracket.id] = Counterpart(
                block.id, start, end, [alt.text for alt in item.alternatives[1:]],
                span_words(content, start, end))
            count += 1
    if left_as_typed:
        report.warn(_("The square brackets of {paragraphs} could not be paired with the "
                      "draft's (not as many brackets or alternatives, or not closed); their "
                      "words were kept as typed.").format(paragraphs=", ".join(left_as_typed)))
    return count
