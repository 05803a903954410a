"""Checking and repairing a draft's square brackets, paragraph statuses and silence procedure.

Part of `app.model.integrity` (which calls `check_negotiation` and the two repair phases):
the same `Problem`s, one sentence each, and repairs that lose no words. A bracket is never
deleted: a span that can be clamped is clamped, else the bracket is marked orphaned and keeps
its quote and alternatives (the first alternative takes the quote's words, so `show` and the
pane still read them). Alternatives the store could not read as wordings (kept raw) are
rewritten with every word they hold. A party nobody registered is only reported: it may be
added. A status on a missing paragraph, or one that cannot be read, is removed (it holds no
words); so is a silence procedure that cannot be read, its raw value named in the sentence.

Two brackets cannot share an id (the file's primary key, the draft's dict), and the model
lets brackets overlap (AddBracket refuses neither crossing nor nesting), so neither is
reported. A bracket whose id is a comment's or reservation's is: anchors are remembered and
put back by id for undo (`annotations.snapshot`), so one of the two would lose its place.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import datetime

from app.i18n import _

from .annotations import Anchor
from .brackets import Alternative, Bracket
from .draft import Draft, new_id
from .inline import content_length
from .integrity import Problem, ProblemCode, fixed_anchor
from .parties import PartyRegistry, normalise_code
from .status import BlockStatus, Silence, StatusKind


def _snippet(value: object, limit: int = 40) -> str:
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _is_number(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _codes_sound(value: object) -> bool:
    return isinstance(value, list) and all(isinstance(code, str) for code in value)


def alternatives_sound(value: object) -> bool:
    """True for what the store reads from a well-formed row: a list of Alternative."""
    if not isinstance(value, list):
        return False
    for alt in value:       # a loop, not all(): this runs for every bracket at each opening
        if not (isinstance(alt, Alternative) and isinstance(alt.text, str)
                and _codes_sound(alt.parties)):
            return False
    return True


def status_sound(value: object) -> bool:
    return (isinstance(value, BlockStatus) and isinstance(value.kind, StatusKind)
            and _codes_sound(value.parties))


def silence_sound(value: object) -> bool:
    return value is None or (isinstance(value, Silence) and isinstance(value.deadline, datetime)
                             and _codes_sound(value.broken_by))


def _who(bracket: Bracket) -> str:
    return _("The square bracket {id} (“{words}”)").format(
        id=bracket.id, words=_snippet(bracket.quote or _first_words(bracket)))


def _first_words(bracket: Bracket) -> str:
    if alternatives_sound(bracket.alternatives) and bracket.alternatives:
        return bracket.alternatives[0].text
    return ""


def _written(alternatives: list[Alternative], quote: str) -> str:
    """"strengthen (FR) / promote (CELAC)", as a sentence quotes them; an empty first
    wording is the text's own (its span), shown by the words it had when placed."""
    return " / ".join(
        (alt.text or (quote if index == 0 else "") or _("delete"))
        + (f" ({', '.join(alt.parties)})" if alt.parties else "")
        for index, alt in enumerate(alternatives))


# -- checking -------------------------------------------------------------------------------

def check_negotiation(draft: Draft, label_of: Callable[[str, str], str]) -> list[Problem]:
    """What is wrong with the brackets, statuses and silence; `label_of(block_id, default)`
    names a paragraph ("¶ 3"). Runs at every opening: the sound case does no more than look."""
    problems: list[Problem] = []
    known = _KnownParties(draft)
    if draft.brackets:
        lengths = {block.id: content_length(block.content) for block in draft.blocks}
        others = set(draft.comments) | set(draft.reservations)
        for bracket in draft.brackets.values():
            sound = alternatives_sound(bracket.alternatives)
            problems += _check_bracket(bracket, sound, lengths, others, label_of)
            unknown = known.unknown(bracket.parties) if sound else []
            if unknown:
                problems.append(_unknown(bracket.id, unknown, _(
                    "{what} names {codes}, not a delegation of this draft; repair leaves it, "
                    "since the party may yet be added (`concordia party add`)."
                ).format(what=_who(bracket), codes=", ".join(unknown))))
        problems += _check_crossing(draft, lengths, label_of)
    if draft.statuses or draft.silence is not None:
        problems += _check_statuses(draft, label_of, known)
    return problems


def _check_crossing(draft: Draft, lengths: dict[str, int],
                    label_of: Callable[[str, str], str]) -> list[Problem]:
    """Brackets of one paragraph that overlap without one holding the other (made before the
    window and the CLI refused them): the export cannot write them, and would give one's
    proponents to the other. Reported, not repaired: which to redraw is the drafter's call."""
    by_block: dict[str, list[tuple[int, int, Bracket]]] = {}
    for bracket in draft.brackets.values():
        anchor = bracket.anchor
        if (anchor.orphaned or not _is_number(anchor.start) or not _is_number(anchor.end)
                or anchor.block_id not in lengths):
            continue
        by_block.setdefault(anchor.block_id, []).append((anchor.start, anchor.end, bracket))
    problems: list[Problem] = []
    for block_id, spans in by_block.items():
        if len(spans) < 2:
            continue
        spans.sort(key=lambda item: (item[0], -item[1]))
        for index, (start, end, bracket) in enumerate(spans):
            for other_start, other_end, other in spans[index + 1:]:
                if other_start >= end:
                    break
                if other_end > end and other_start > start:
                    problems.append(Problem(ProblemCode.CROSSING, bracket.id, _(
                        "{what} on {label} crosses {other}: neither holds the other, so the "
                        "export would give one's proponents to the other; resolve or redraw one "
                        "of them."
                    ).format(what=_who(bracket), label=label_of(block_id, block_id),
                             other=_("the square bracket {id} (“{words}”)").format(
                                 id=other.id, words=_snippet(other.quote or _first_words(other)))),
                        repairable=False, affects_text=False))
    return problems


class _KnownParties:
    """The draft's registry, made only when a code is not a plain built-in one."""

    def __init__(self, draft: Draft) -> None:
        self._draft = draft
        self._codes: set[str] | None = None

    def unknown(self, codes: list[str]) -> list[str]:
        if self._codes is None:
            self._codes = {party.code for party in PartyRegistry.for_draft(self._draft)}
        if self._codes.issuperset(codes):
            return []
        return [code for code in codes if normalise_code(code) not in self._codes]


def _unknown(subject: str, codes: list[str], sentence: str) -> Problem:
    return Problem(ProblemCode.UNKNOWN_PARTY, subject, sentence, repairable=False,
                   affects_text=False)


def _check_bracket(bracket: Bracket, sound: bool, lengths: dict[str, int], others: set[str],
                   label_of: Callable[[str, str], str]) -> list[Problem]:
    problems: list[Problem] = []
    anchor = bracket.anchor
    found = fixed_anchor(anchor, lengths)
    if found is not None and not (anchor.orphaned and found[0] is ProblemCode.ANCHOR_OUT_OF_RANGE):
        # (an orphan's span is not read: only positions that are not numbers harm it)
        code, fixed = found
        label = label_of(anchor.block_id or "", _("the whole text"))
        if code is ProblemCode.ON_MISSING_BLOCK:
            sentence = _("{what} is on a paragraph that does not exist (“{block}”); repair keeps "
                         "it and its alternatives, marked orphaned.")
        elif code is ProblemCode.ANCHOR_NOT_NUMBER:
            sentence = _("{what} on {label} has a position that is missing or not a number; "
                         "repair keeps it and its alternatives, marked orphaned.")
        elif fixed.orphaned:
            sentence = _("{what} on {label} covers characters {start}–{end}, outside the "
                         "paragraph ({length} characters); repair moves it to {low}–{high} and "
                         "marks it orphaned, keeping its alternatives.")
        else:
            sentence = _("{what} on {label} ends before it starts (characters {start}–{end}); "
                         "repair puts it on characters {low}–{high}.")
        problems.append(Problem(ProblemCode.BRACKET_ANCHOR, bracket.id, sentence.format(
            what=_who(bracket), block=anchor.block_id, label=label, start=anchor.start,
            end=anchor.end, length=lengths.get(anchor.block_id or "", 0), low=fixed.start,
            high=fixed.end)))
    if not sound:
        problems.append(Problem(ProblemCode.ALTERNATIVES, bracket.id, _(
            "{what} has alternatives that are not well formed (“{value}”); repair rewrites "
            "them keeping every word: {result}."
        ).format(what=_who(bracket), value=_snippet(bracket.alternatives, 60),
                 result=_written(salvaged_alternatives(bracket.alternatives, bracket.quote),
                                bracket.quote))))
    if bracket.id in others:
        problems.append(Problem(ProblemCode.SHARED_ID, bracket.id, _(
            "{what} has the id of a comment or reservation; repair gives the bracket a new id."
        ).format(what=_who(bracket))))
    return problems


def _check_statuses(draft: Draft, label_of: Callable[[str, str], str],
                    known: _KnownParties) -> list[Problem]:
    problems: list[Problem] = []
    present = {block.id for block in draft.blocks}
    for block_id, status in draft.statuses.items():
        sound = status_sound(status)
        if block_id in present and sound:
            unknown = known.unknown(status.parties)
            if unknown:
                problems.append(_unknown(block_id, unknown, _(
                    "{label} is agreed ad referendum by {codes}, not a delegation of this draft; "
                    "repair leaves it, since the party may yet be added (`concordia party add`)."
                ).format(label=label_of(block_id, block_id), codes=", ".join(unknown))))
            continue
        shown = _snippet(status.to_json() if sound else status, 60)
        if block_id not in present:
            problems.append(Problem(ProblemCode.STATUS_ON_MISSING_BLOCK, block_id, _(
                "A paragraph status (“{status}”) is set on a paragraph that does not exist "
                "(“{block}”); repair removes it, since a status holds no words."
            ).format(status=shown, block=block_id)))
        else:
            problems.append(Problem(ProblemCode.STATUS_DAMAGED, block_id, _(
                "The status of {label} cannot be read (“{status}”); repair makes the paragraph "
                "pending again (a status holds no words: set it again if need be)."
            ).format(label=label_of(block_id, block_id), status=shown)))
    silence = draft.silence
    if not silence_sound(silence):
        problems.append(Problem(ProblemCode.SILENCE_DAMAGED, "silence", _(
            "The silence procedure cannot be read (“{value}”); repair ends it (it holds no "
            "words): start it again if it still runs."
        ).format(value=_snippet(silence, 60))))
    elif silence is not None:
        unknown = known.unknown(silence.broken_by)
        if unknown:
            problems.append(_unknown("silence", unknown, _(
                "The silence procedure was broken by {codes}, not a delegation of this draft; "
                "repair leaves it, since the party may yet be added (`concordia party add`)."
            ).format(codes=", ".join(unknown))))
    return problems


# -- repairing ------------------------------------------------------------------------------

def _text(value: object) -> str:
    if value is None:
        return ""
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def _salvaged_codes(value: object) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):          # "FR, ES" written where a list belongs
        codes = value.replace(";", ",").split(",")
    elif isinstance(value, list):
        codes = [_text(code) for code in value if code is not None]
    else:
        codes = [_text(value)]
    return [normalise_code(code) for code in codes if code.strip()]


def _salvaged(item: object) -> Alternative:
    if isinstance(item, Alternative):
        return Alternative(_text(item.text), _salvaged_codes(item.parties))
    if isinstance(item, dict):
        return Alternative(_text(item.get("text")), _salvaged_codes(item.get("parties")))
    return Alternative(_text(item))


def salvaged_alternatives(value: object, quote: str = "") -> list[Alternative]:
    """Alternatives holding every word of `value`, whatever its shape. The first is the
    text's own wording (its words are read from the span): a first item that says something
    else than `quote`, the words when the bracket was placed, is kept after it, so the words
    it holds are never hidden behind the span's."""
    items = value if isinstance(value, list) else [] if value in (None, "") else [value]
    alternatives = [_salvaged(item) for item in items]
    if not alternatives or alternatives[0].text.strip() not in ("", quote.strip()):
        alternatives.insert(0, Alternative(quote))
    return alternatives


def repair_positions(draft: Draft, subjects: set[str]) -> None:
    """First phase: a bracket whose positions are not numbers becomes an orphan, before any
    other repair moves anchors (moving needs numbers)."""
    present = {block.id: 0 for block in draft.blocks}   # (whether numbers: no length needed)
    for bracket in draft.brackets.values():
        if bracket.id not in subjects:
            continue
        found = fixed_anchor(bracket.anchor, present)
        if found and found[0] is ProblemCode.ANCHOR_NOT_NUMBER:
            _orphan(bracket, Anchor(bracket.anchor.block_id, 0, 0, True))


def _orphan(bracket: Bracket, anchor: Anchor) -> None:
    if anchor.orphaned:     # a span is saved as numbers, even one no longer read
        anchor = Anchor(anchor.block_id, *(value if _is_number(value) else 0
                                           for value in (anchor.start, anchor.end)), True)
    bracket.anchor = anchor
    if not anchor.orphaned:
        return
    # an orphan reads its first wording from the bracket, no longer from the text
    if not alternatives_sound(bracket.alternatives):
        bracket.alternatives = salvaged_alternatives(bracket.alternatives, bracket.quote)
    if not bracket.alternatives:
        bracket.alternatives = [Alternative(bracket.quote)]
    elif not bracket.alternatives[0].text.strip() and bracket.quote:
        bracket.alternatives[0].text = bracket.quote


def repair_negotiation(draft: Draft, problems: list[Problem]) -> None:
    """Second phase: spans, alternatives, ids, statuses and the silence procedure."""
    wanted = {(problem.code, problem.subject) for problem in problems if problem.repairable}
    if not wanted:
        return
    lengths = {block.id: content_length(block.content) for block in draft.blocks}
    renamed: dict[str, str] = {}
    for bracket in draft.brackets.values():
        if (ProblemCode.ALTERNATIVES, bracket.id) in wanted:
            bracket.alternatives = salvaged_alternatives(bracket.alternatives, bracket.quote)
        found = fixed_anchor(bracket.anchor, lengths)
        if (ProblemCode.BRACKET_ANCHOR, bracket.id) in wanted and found is not None:
            _orphan(bracket, found[1])
        if (ProblemCode.SHARED_ID, bracket.id) in wanted:
            renamed[bracket.id] = new_id()
    if renamed:
        pairs = [(renamed.get(key, key), bracket) for key, bracket in draft.brackets.items()]
        draft.brackets.clear()
        for key, bracket in pairs:
            bracket.id = key
            draft.brackets[key] = bracket
    present = {block.id for block in draft.blocks}
    for block_id in list(draft.statuses):
        if ((ProblemCode.STATUS_ON_MISSING_BLOCK, block_id) in wanted and block_id not in present
                or (ProblemCode.STATUS_DAMAGED, block_id) in wanted
                and not status_sound(draft.statuses[block_id])):
            del draft.statuses[block_id]
    if (ProblemCode.SILENCE_DAMAGED, "silence") in wanted and not silence_sound(draft.silence):
        draft.silence = None
