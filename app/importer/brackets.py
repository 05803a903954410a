"""Square brackets in an imported text: negotiation brackets become bracket data.

Negotiating texts write what is not agreed in square brackets: `[strengthen (FR, ES) /
promote (CELAC)]`, `[and of the rule of law] (HU)`, alternatives split by " / " or " OR ",
the proponents in parentheses after each (or after the bracket), one level of nesting. Each
such bracket leaves the block reading its first alternative, and becomes an
`app.model.brackets.Bracket` holding all of them: no word is lost, the markup goes into data.
Brackets that are not negotiation brackets stay as typed: an ellipsis "[…]", a reference "[1]",
"[sic]", and anything inside quotation marks. A "[" never closed in its paragraph stays as
typed and the report says so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from app.i18n import _
from app.model import Draft, new_id
from app.model import annotations as anchor_maps
from app.model.annotations import Anchor, span_words
from app.model.brackets import Alternative, Bracket
from app.model.inline import ANCHOR, anchored_text, normalise, split_at
from app.model.numbering import paragraph_labels
from app.model.parties import PartyRegistry

from .report import ImportReport, short_quote

_LITERAL = re.compile(r"\s*(?:…|\.\s?\.\s?\.|sic|\d+(?:\s*[,–-]\s*\d+)*|[a-z])\s*", re.IGNORECASE)
_SEPARATOR = re.compile(r"\s+/\s+|(?<=\))\s*/\s*|\s+OR\s+")
_PARTIES = re.compile(r"\s*\(([^()\[\]]{2,80})\)\s*$")
_AFTER = re.compile(r"\s*\(([^()\[\]]{2,80})\)")
_CODE = re.compile(r"[A-Z][A-Za-z]{1,9}")
_TYPED_CODE = re.compile(r"[^\W\d_]{2,10}")     # one word of letters, in any case
_DELETE = {"delete", "deletion", "delete.", "delete the passage", "suprimir"}
_OPEN_QUOTES, _CLOSE_QUOTES = "“«", "”»"


@dataclass
class Found:
    """One negotiation bracket found in a block's text (offsets in its anchored text)."""

    start: int                 # the "["
    end: int                   # just after the "]" and any proponents after it
    alt_start: int             # the first alternative's words
    alt_end: int
    alternatives: list[Alternative]
    nested: list[Found] = field(default_factory=list)

    def deletions(self) -> list[tuple[int, int]]:
        ranges = [(self.start, self.alt_start)]
        for inner in self.nested:
            ranges += inner.deletions()
        ranges.append((self.alt_end, self.end))
        return [(low, high) for low, high in ranges if high > low]


def _codes(text: str) -> list[str] | None:
    """Party codes in "(FR, ES)", or None when the parentheses hold something else."""
    tokens = [token.strip() for token in re.split(r"[,;/+]|\band\b", text) if token.strip()]
    if not tokens or not all(_CODE.fullmatch(token) for token in tokens):
        return None
    if not all(token.isupper() or token in ("Presidency", "Commission") for token in tokens):
        return None
    return tokens


def _pairs(text: str) -> tuple[list[tuple[int, int, int]], list[int]]:
    """(open, close, depth) of every matched pair, and the unmatched "[" / "]" offsets."""
    stack: list[int] = []
    pairs: list[tuple[int, int, int]] = []
    unmatched: list[int] = []
    for index, char in enumerate(text):
        if char == "[":
            stack.append(index)
        elif char == "]":
            if stack:
                opened = stack.pop()
                pairs.append((opened, index, len(stack) + 1))
            else:
                unmatched.append(index)
    return sorted(pairs), unmatched + stack


def _in_quotation(text: str, position: int) -> bool:
    before = text[:position]
    curly = sum(before.count(q) for q in _OPEN_QUOTES) > sum(before.count(q) for q in _CLOSE_QUOTES)
    return curly or before.count('"') % 2 == 1


def _is_literal(text: str, opened: int, closed: int) -> bool:
    inner = text[opened + 1:closed]
    return not inner.strip() or bool(_LITERAL.fullmatch(inner)) or _in_quotation(text, opened)


def _split(inner: str, offset: int, masked: str) -> list[tuple[int, int]]:
    """(start, end) of each alternative in `inner` (absolute), cutting only outside nesting."""
    cuts, position = [], 0
    for match in _SEPARATOR.finditer(masked):
        cuts.append((offset + position, offset + match.start()))
        position = match.end()
    cuts.append((offset + position, offset + len(inner)))
    return cuts


def _alternative(text: str, start: int, end: int) -> tuple[Alternative, int, int]:
    """The alternative in text[start:end], and where its words are (without proponents)."""
    piece = text[start:end]
    parties: list[str] = []
    match = _PARTIES.search(piece)
    if match and (codes := _codes(match.group(1))) is not None:
        parties, piece = codes, piece[:match.start()]
    lead = len(piece) - len(piece.lstrip())
    words = piece.strip()
    word_start = start + lead
    word_end = word_start + len(words)
    if words.lower() in _DELETE:
        words, word_end = "", word_start
    return Alternative(words, parties), word_start, word_end


def _parse(text: str, opened: int, closed: int, inner_pairs: list[tuple[int, int]]) -> Found:
    inner = text[opened + 1:closed]
    masked = list(inner)
    for low, high in inner_pairs:          # separators inside a nested bracket do not cut
        for index in range(low - opened - 1, high - opened):
            masked[index] = "x"
    spans = _split(inner, opened + 1, "".join(masked))
    alternatives, first = [], (opened + 1, opened + 1)
    for number, (low, high) in enumerate(spans):
        alternative, word_start, word_end = _alternative(text, low, high)
        alternatives.append(alternative)
        if number == 0:
            first = (word_start, word_end)
    end = closed + 1
    after = _AFTER.match(text, end)
    if after and (codes := _codes(after.group(1))) is not None:
        target = alternatives[0] if len(alternatives) == 1 else alternatives[-1]
        target.parties = list(dict.fromkeys(target.parties + codes))
        end = after.end()
    start = opened
    if first[0] == first[1] and opened > 0 and text[opened - 1] == " " and (
            end == len(text) or text[end] in " ,.;:"):
        start = opened - 1                  # a passage proposed for deletion: one space goes
        first = (start, start)
    return Found(start, end, first[0], first[1], alternatives)


def find_brackets(text: str) -> tuple[list[Found], list[int]]:
    """Negotiation brackets of a block's text (outermost, each with its nested ones), and the
    offsets of brackets left as typed because they are unbalanced."""
    pairs, unmatched = _pairs(text)
    if unmatched:
        return [], unmatched
    found: list[Found] = []
    for opened, closed, depth in pairs:
        if depth != 1 or _is_literal(text, opened, closed):
            continue
        inside = [(low, high) for low, high, level in pairs if opened < low and high < closed]
        if any(level > 2 for low, high, level in pairs if opened < low and high < closed):
            continue                        # deeper than one level: left as typed
        outer = _parse(text, opened, closed, inside)
        for low, high in inside:
            within_first = outer.alt_start <= low and high < outer.alt_end
            if within_first and not _is_literal(text, low, high):
                inner = _parse(text, low, high, [])
                if inner.end <= outer.alt_end:
                    outer.nested.append(inner)
        found.append(outer)
    return found, []


def _mapped(position: int, deletions: list[tuple[int, int]]) -> int:
    shift = 0
    for low, high in deletions:
        if high <= position:
            shift += high - low
        elif low < position:
            shift += position - low
    return position - shift


def recognise_brackets(draft: Draft, report: ImportReport) -> int:
    """Turn the negotiation brackets of every block into bracket data; returns how many."""
    labels = paragraph_labels(draft.blocks)
    count = 0
    for index, block in enumerate(draft.blocks):
        text = anchored_text(block.content)
        if "[" not in text and "]" not in text:
            continue
        line = report.block_lines.get(block.id)
        found, unmatched = find_brackets(text)
        if unmatched:
            report.warn(_("{paragraph}: a square bracket is not closed in its paragraph; it "
                          "was left as typed.").format(paragraph=labels[index]), line,
                        block.text)
            continue
        if not found:
            continue
        cut = sorted(d for outer in found for d in outer.deletions())
        if any(ANCHOR in text[low:high] for low, high in cut):
            # a footnote mark inside the markup (in another alternative, say) has no place
            # once the markup is data: the paragraph stays as typed rather than lose it
            report.warn(_("{paragraph}: a footnote mark sits inside a square bracket's "
                          "alternatives; the brackets were left as typed.").format(
                              paragraph=labels[index]), line, block.text)
            continue
        items = [(outer, None) for outer in found]
        items += [(inner, outer) for outer in found for inner in outer.nested]
        deletions = sorted(d for outer in found for d in outer.deletions())
        # the markup goes (anchors of comments on the block move as with any edit); this is
        # the import itself, not an undoable step, so the operations' checks are not repeated
        for low, high in reversed(deletions):
            left, rest = split_at(block.content, low)
            _gone, right = split_at(rest, high - low)
            block.content = normalise(left + right)
            anchor_maps.map_replace(draft, block.id, low, high, 0)
        for item, _outer in items:
            start, end = _mapped(item.alt_start, deletions), _mapped(item.alt_end, deletions)
            alternatives = [Alternative(alt.text, alt.parties) for alt in item.alternatives]
            alternatives[0].text = span_words(block.content, start, end)
            bracket = Bracket(new_id(), Anchor(block.id, start, end), alternatives,
                              quote=alternatives[0].text)
            draft.brackets[bracket.id] = bracket
            count += 1
            report.brackets.append(_("{paragraph}: square bracket “{text}”").format(
                paragraph=labels[index], text=short_quote(describe(alternatives))))
    return count


def parse_alternative(text: str) -> Alternative:
    """An alternative typed as negotiators write it: "promote (CELAC)", "delete (HU)"."""
    return _alternative(text, 0, len(text))[0]


def typed_alternative(registry: PartyRegistry, text: str) -> tuple[Alternative, list[str]]:
    """An alternative typed in a dialog or on the command line, read against the draft's
    parties, and what in its parentheses names no party (as typed, for one sentence).

    The parentheses at its end name its proponents when each piece is a known party (a code
    in any case, a full name: "(fr, Hungary)" is FR, HU) or looks like a code (one word of
    letters: "(XX)" is an unknown party, never words); other parentheses are words ("the rule
    of law (and order)"), read as `parse_alternative` reads them."""
    match = _PARTIES.search(text)
    if match:
        pieces = [piece.strip() for piece in re.split(r"[,;/+]", match.group(1)) if piece.strip()]
        codes = [registry.resolve(piece) for piece in pieces]
        if pieces and all(code or _TYPED_CODE.fullmatch(piece)
                          for piece, code in zip(pieces, codes, strict=True)):
            words = text[:match.start()].strip()
            return (Alternative("" if words.lower() in _DELETE else words,
                                list(dict.fromkeys(code for code in codes if code))),
                    [piece for piece, code in zip(pieces, codes, strict=True) if code is None])
    alternative = parse_alternative(text)
    known = [registry.resolve(code) for code in alternative.parties]
    unknown = [code for code, found in zip(alternative.parties, known, strict=True) if not found]
    alternative.parties = list(dict.fromkeys(code for code in known if code))
    return alternative, unknown


def describe(alternatives: list[Alternative]) -> str:
    """[strengthen (FR, ES) / promote (CELAC)] as the negotiators write it."""
    parts = []
    for alt in alternatives:
        words = alt.text or _("delete")
        parts.append(f"{words} ({', '.join(alt.parties)})" if alt.parties else words)
    return "[" + " / ".join(parts) + "]"
