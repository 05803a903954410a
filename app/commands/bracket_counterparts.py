"""`concordia bracket place …`: a bracket's counterpart in a language version.

    concordia bracket place DRAFT --id ID --words "desestabilizan" [--alt "socavan"] [--lang es]
    concordia bracket place DRAFT --id ID --clear [--lang es]

The Spanish words are quoted, not counted: they must occur once in the Spanish paragraph of
the bracket's block. One --alt per other alternative of the bracket, in its order (or one per
alternative that is not a deletion: a deletion needs no wording); an unplaced counterpart
placed again keeps its wording when no --alt is given. The parties are the
bracket's own; any typed in an --alt are ignored.
"""

from __future__ import annotations

import argparse

from app.i18n import _
from app.model import Draft
from app.model.annotations import span_words
from app.model.counterparts import Counterpart
from app.model.inline import anchored_text
from app.model.ops import Operation
from app.model.translation_ops import SetCounterpart

from .draft_changes import InputError, change_draft, draft_argument, guarded


def register(actions: argparse._SubParsersAction) -> None:
    place = actions.add_parser(
        "place", help=_("give a bracket its counterpart in the Spanish (or another) version"))
    draft_argument(place)
    place.add_argument("--id", required=True, help=_("the bracket's id"))
    place.add_argument("--lang", default="es", help=_("the language version (default: es)"))
    what = place.add_mutually_exclusive_group(required=True)
    what.add_argument("--words", help=_("the words of the first alternative in that language, "
                                        "as they occur once in its paragraph"))
    what.add_argument("--clear", action="store_true",
                      help=_("take the bracket's counterpart away"))
    place.add_argument("--alt", action="append", default=[],
                       help=_("the wording of the next alternative in that language"))
    place.set_defaults(handler=guarded(run_place))


def _wordings(bracket, typed: list[str]) -> list[str]:
    from app.importer.brackets import parse_alternative

    others = bracket.alternatives[1:]
    words = [parse_alternative(text).text for text in typed]
    if len(words) == len(others):
        return ["" if alt.is_deletion else text for alt, text in zip(others, words, strict=True)]
    kept = [alt for alt in others if not alt.is_deletion]
    if len(words) == len(kept):
        given = iter(words)
        return ["" if alt.is_deletion else next(given) for alt in others]
    raise InputError(_("Bracket “{id}” has {count} other alternatives; give the wording of "
                       "each with --alt, in order.").format(id=bracket.id, count=len(others)))


def run_place(args: argparse.Namespace) -> int:
    language = args.lang.strip().lower()

    def build(draft: Draft) -> Operation:
        bracket = draft.brackets.get(args.id)
        if bracket is None:
            raise InputError(_("The draft has no square bracket with id “{id}”.").format(
                id=args.id))
        version = draft.translations.get(language)
        if version is None:
            raise InputError(_("The draft has no “{code}” version; import it first with "
                               "`concordia import FILE --into DRAFT --language {code}`.").format(
                code=language))
        if args.clear:
            return SetCounterpart(language, args.id, None)
        block_id = bracket.anchor.block_id or ""
        content = version.blocks.get(block_id)
        if content is None or bracket.anchor.orphaned:
            raise InputError(_("The paragraph of bracket “{id}” has no “{code}” text to place "
                               "it in.").format(id=args.id, code=language))
        text = anchored_text(content)
        words = args.words.strip()
        count = text.count(words) if words else 0
        if count != 1:
            raise InputError(_("“{words}” occurs {count} times in the “{code}” paragraph of "
                               "bracket “{id}”; quote words that occur exactly once.").format(
                words=words, count=count, code=language, id=args.id))
        start = text.index(words)
        end = start + len(words)
        kept = version.brackets.get(args.id)
        if not args.alt and kept is not None and \
                len(kept.alternatives) == len(bracket.alternatives) - 1:
            wordings = list(kept.alternatives)     # placed again: its wording was kept
        else:
            wordings = _wordings(bracket, args.alt)
        return SetCounterpart(language, args.id, Counterpart(
            block_id, start, end, wordings, span_words(content, start, end)).to_json())

    change_draft(args.draft, build)
    return 0
