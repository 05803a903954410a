"""Moved sentences: a sentence deleted in one place and inserted, word for word, in another
(another paragraph, or elsewhere in the same one). The redline keeps showing the deletion and
the insertion (so accepting or rejecting stays exact); this names them as one move."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .redline import Row, RowKind
from .words import DELETE, INSERT

#: Shorter stretches ("and the", "as well as") repeat by chance; they are not moves.
MIN_WORDS = 6
_SENTENCE_END = re.compile(r"(?<=[.;:!?])\s+")
_EDGES = re.compile(r"^[^\w(]+|[^\w)]+$")


@dataclass
class SentenceMove:
    text: str
    from_label: str        # where it was ("§ 7" in the older version)
    to_label: str          # where it is now ("§ 12")


def _sentences(text: str) -> list[str]:
    found = []
    for part in _SENTENCE_END.split(text):
        # Edges differ with where the diff cut ("…beings," vs ", in particular…;").
        cleaned = _EDGES.sub("", " ".join(part.split()))
        if len(cleaned.split()) >= MIN_WORDS:
            found.append(cleaned)
    return found


def find_sentence_moves(rows: list[Row]) -> list[SentenceMove]:
    deleted: dict[str, list[str]] = {}
    for row in rows:
        if row.kind in (RowKind.CHANGED, RowKind.DELETED):
            for piece in row.pieces:
                if piece.op == DELETE:
                    for sentence in _sentences(piece.text):
                        deleted.setdefault(sentence, []).append(row.old_label)
    moves: list[SentenceMove] = []
    for row in rows:
        if row.kind not in (RowKind.CHANGED, RowKind.INSERTED):
            continue
        for piece in row.pieces:
            if piece.op != INSERT:
                continue
            for sentence in _sentences(piece.text):
                sources = deleted.get(sentence)
                if sources:
                    moves.append(SentenceMove(sentence, sources.pop(0), row.new_label))
    return moves
