"""Pairing footnote markers in the text with footnote texts, wherever each was written.

Markers (`<sup>3</sup>`, `[^3]`, `³`) and texts (`<sup>3</sup> …`, `**3** …`, `³ …`,
`[^3]: …`) are collected in reading order. A marker takes the first unused text with its
label that comes after it (texts sit at the foot of the page), else the nearest unused one
before it (markdown definitions may come first). What does not pair is reported, never lost.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from app.i18n import _
from app.model import Footnote, new_id

from .inline_md import Marker
from .report import ImportReport


@dataclass
class FootnoteText:
    label: str
    text: str
    line: int
    position: int
    footnote_id: str = field(default_factory=new_id)
    used: bool = False


@dataclass
class MarkerPlace:
    marker: Marker
    line: int
    quote: str
    position: int


@dataclass(frozen=True)
class MarkerSlot:
    """Stands in a block's content for a marker until the footnotes are resolved."""

    slot: int
    marker: Marker


class FootnoteCollector:
    def __init__(self) -> None:
        self.texts: list[FootnoteText] = []
        self.markers: list[MarkerPlace] = []

    def add_text(self, label: str, text: str, line: int, position: int) -> None:
        self.texts.append(FootnoteText(label, text, line, position))

    def add_marker(self, marker: Marker, line: int, quote: str, position: int) -> MarkerSlot:
        self.markers.append(MarkerPlace(marker, line, quote, position))
        return MarkerSlot(len(self.markers) - 1, marker)

    def pending_labels(self) -> set[str]:
        """Labels of markers seen so far that outnumber the texts seen so far."""
        counts: dict[str, int] = {}
        for place in self.markers:
            counts[place.marker.label] = counts.get(place.marker.label, 0) + 1
        for text in self.texts:
            counts[text.label] = counts.get(text.label, 0) - 1
        return {label for label, count in counts.items() if count > 0}

    def resolve(self, report: ImportReport) -> tuple[list[str | None], list[Footnote]]:
        """Footnote id per marker slot (None: not a footnote, keep the text) and all footnotes."""
        with_text = {text.label for text in self.texts}
        by_slot: list[str | None] = []
        footnotes: list[Footnote] = []
        for place in self.markers:
            marker = place.marker
            if marker.style == "unicode" and marker.label not in with_text:
                by_slot.append(None)       # "km²": a superscript digit, not a footnote
                continue
            text = self._take(marker.label, place.position)
            if text is None:
                footnote = Footnote("")
                report.warn(
                    _("footnote marker {label} has no footnote text; an empty footnote was "
                      "made there").format(label=marker.label),
                    place.line, place.quote,
                )
            else:
                footnote = Footnote(text.text, text.footnote_id)
            footnotes.append(footnote)
            by_slot.append(footnote.id)
        for text in self.texts:
            if not text.used:
                report.warn(
                    _("footnote text {label} has no marker in the text; it was kept as a "
                      "footnote without reference").format(label=text.label),
                    text.line, text.text,
                )
                footnotes.append(Footnote(text.text, text.footnote_id))
        return by_slot, footnotes

    def _take(self, label: str, position: int) -> FootnoteText | None:
        before: FootnoteText | None = None
        for text in self.texts:
            if text.used or text.label != label:
                continue
            if text.position > position:
                text.used = True
                return text
            before = text
        if before is not None:
            before.used = True
        return before
