"""A library that is locked, read-only, newer, or not a library gives one clear sentence."""

from __future__ import annotations

import sqlite3

import pytest
from sqlalchemy import update

from app.library import Library, LibraryError
from app.library.db import SCHEMA_VERSION, default_library_path, schema_version


def test_default_library_lives_in_the_user_data_folder(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    assert default_library_path() == tmp_path / "data" / "concordia" / "library.sqlite"
    with Library() as library:
        assert library.location == str(tmp_path / "data" / "concordia" / "library.sqlite")
    assert default_library_path().exists()


def test_newer_schema_is_refused_with_a_message(tmp_path):
    path = tmp_path / "lib.sqlite"
    with Library(path) as library:
        with library.engine.begin() as connection:
            connection.execute(update(schema_version).values(version=SCHEMA_VERSION + 1))
    with pytest.raises(LibraryError, match="newer Concordia"):
        Library(path)


def test_other_files_are_not_libraries(tmp_path):
    text_file = tmp_path / "notes.sqlite"
    text_file.write_text("hello")
    with pytest.raises(LibraryError, match="not a Concordia library"):
        Library(text_file)
    other = tmp_path / "other.sqlite"
    connection = sqlite3.connect(other)
    connection.execute("CREATE TABLE sources (x)")
    connection.commit()
    connection.close()
    with pytest.raises(LibraryError, match="not a Concordia library"):
        Library(other)


def test_locked_library_says_it_is_busy(tmp_path, lapaz_seed):
    path = tmp_path / "lib.sqlite"
    Library(path).close()
    holder = sqlite3.connect(path)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        with Library(path, timeout=0.2) as library, pytest.raises(LibraryError, match="busy"):
            library.add([lapaz_seed])
    finally:
        holder.rollback()
        holder.close()


def test_read_only_library_can_be_searched_not_written(tmp_path, lapaz_seed, clasi_seed):
    path = tmp_path / "lib.sqlite"
    with Library(path) as library:
        library.add([lapaz_seed])
    with Library(f"sqlite:///file:{path}?mode=ro&uri=true") as read_only:
        assert read_only.search("Mechanism")
        with pytest.raises(LibraryError, match="read-only"):
            read_only.add([clasi_seed])
