"""Versions share their text: a snapshot cut into pieces joins back to the same data, and a
second snapshot that differs in one paragraph (or one Spanish paragraph) adds one piece."""

from __future__ import annotations

import copy
import sqlite3

import pytest

from app.store import schema
from app.store.snapshot_pieces import PieceReader, PieceWriter


def snapshot(paragraphs: int = 40) -> dict:
    return {
        "$format": 2,
        "note": {"number": "6914/24", "subject": "La Paz declaration"},
        "language": "en",
        "blocks": [{"id": f"b{n}", "kind": "numbered", "content": [{"t": f"Paragraph {n}."}]}
                   for n in range(paragraphs)],
        "footnotes": {"f1": {"id": "f1", "text": "Hereinafter, “The Mechanism”."}},
        "comments": {},
        "translations": {"es": {
            "language": "es", "meta": {"subject": "Declaración de La Paz"},
            "blocks": {f"b{n}": [{"t": f"Párrafo {n}."}] for n in range(paragraphs)},
            "footnotes": {"f1": "En lo sucesivo, «el Mecanismo»."},
            "confirmed": {f"b{n}": f"Paragraph {n}." for n in range(paragraphs)},
        }},
        "parties": {}, "unused": [], "empty": None,
    }


@pytest.fixture
def connection():
    connection = sqlite3.connect(":memory:", isolation_level=None)
    connection.execute("CREATE TABLE pieces (id INTEGER PRIMARY KEY, hash BLOB UNIQUE, "
                       "body BLOB NOT NULL)")
    yield connection
    connection.close()


def pieces(connection) -> int:
    return connection.execute("SELECT count(*) FROM pieces").fetchone()[0]


def store(connection, data: dict) -> bytes:
    writer = PieceWriter(connection)
    manifest = writer.manifest_of(data)
    writer.flush()
    return manifest


def test_a_snapshot_joins_back_to_the_same_data(connection):
    data = snapshot()
    manifest = store(connection, data)
    assert PieceReader(connection).snapshot(manifest) == data
    assert len(manifest) < 2000            # the manifest holds ids, the pieces the words


def test_an_edit_adds_one_piece(connection):
    first = snapshot()
    store(connection, first)
    before = pieces(connection)
    second = copy.deepcopy(first)
    second["blocks"][7]["content"] = [{"t": "Paragraph 7, amended."}]
    second["translations"]["es"]["blocks"]["b7"] = [{"t": "Párrafo 7, enmendado."}]
    manifest = store(connection, second)
    # one English paragraph, one Spanish paragraph, and the Spanish text's own piece
    assert pieces(connection) - before == 3
    assert PieceReader(connection).snapshot(manifest) == second
    assert PieceReader(connection).snapshot(store(connection, first)) == first
    assert pieces(connection) - before == 3     # the first is still all there


def test_the_pieces_table_is_the_schemas(connection):
    assert schema.pieces.column_names == ["id", "hash", "body"]
