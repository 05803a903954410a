"""Adding sources to the library: one transaction per source, dedup by folded clause text.

Re-adding a source whose clauses, number and language are unchanged does nothing (its content
hash is already recorded). A clause already in the library from another source gains one more
provenance instead of a copy, so its history ("agreed in 2023, repeated in 2024") is one row.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from sqlalchemy import select, text
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import DBAPIError, OperationalError

from app.i18n import _
from app.model import Draft
from app.progress import Progress

from .counts import add_counts
from .db import LibraryError, clauses, provenances, sources, translate_error
from .migrate import index_shingles
from .normalise import fold, key_hash
from .readers import SUPPORTED_SUFFIXES, SourceError, SourceFacts, facts_for, read_source
from .segment import Segment, places, segment

ADDED, UNCHANGED, SKIPPED = "added", "unchanged", "skipped"


@dataclass
class SourceOutcome:
    path: str
    status: str                 # ADDED, UNCHANGED or SKIPPED
    reason: str = ""            # why it was skipped
    title: str = ""
    clauses: int = 0            # clauses found in the source
    new_clauses: int = 0        # of which not already in the library


@dataclass
class AddReport:
    outcomes: list[SourceOutcome] = field(default_factory=list)

    def count(self, status: str) -> int:
        return sum(1 for outcome in self.outcomes if outcome.status == status)

    @property
    def skipped(self) -> list[SourceOutcome]:
        return [outcome for outcome in self.outcomes if outcome.status == SKIPPED]


def expand_paths(paths: list[Path]) -> list[Path]:
    """Files given, and the files inside folders given (recursively, hidden ones left out)."""
    result: list[Path] = []
    for path in paths:
        if path.is_dir():
            for folder, subfolders, names in os.walk(path):
                subfolders[:] = sorted(name for name in subfolders if not name.startswith("."))
                result.extend(
                    Path(folder) / name for name in sorted(names) if not name.startswith(".")
                )
        else:
            result.append(path)
    return result


def add_paths(
    engine: Engine,
    paths: list[Path],
    progress: Progress | None = None,
    overrides: dict[str, str] | None = None,
) -> AddReport:
    """Add every file (folders are walked); a bad file is reported and the rest goes on.

    `overrides` may set "title", "number", "date" (ISO), "language" or "status" ("adopted" or
    "draft") for every file given.
    Cancelling stops between sources: those added stay, the one in progress leaves nothing.
    """
    progress = progress or Progress()
    files = expand_paths(paths)
    report = AddReport()
    for index, path in enumerate(files):
        progress.step(index, len(files), path.name)
        report.outcomes.extend(add_file(engine, path, overrides))
    progress.step(len(files), len(files), _("done"))
    return report


def add_file(engine: Engine, path: Path, overrides: dict[str, str] | None = None) -> list[SourceOutcome]:
    """Add one file: one source, plus one per language version a Concordia draft holds."""
    if not path.exists():
        return [SourceOutcome(str(path), SKIPPED, _("no such file"))]
    if path.suffix.lower() not in SUPPORTED_SUFFIXES:
        return [SourceOutcome(
            str(path), SKIPPED,
            _("unsupported file type (use .txt, .md, .docx or .concordia)"),
        )]
    try:
        draft = read_source(path)
    except SourceError as error:
        return [SourceOutcome(str(path), SKIPPED, str(error))]
    except (OSError, UnicodeError) as error:
        return [SourceOutcome(str(path), SKIPPED, _("cannot read the file: {reason}").format(
            reason=getattr(error, "strerror", None) or error))]
    except Exception as error:  # a reader's bug on an odd file must not stop the other files
        first_line = (str(error).splitlines() or [type(error).__name__])[0][:200]
        return [SourceOutcome(str(path), SKIPPED, _("the file could not be read ({reason})").format(
            reason=first_line))]
    facts = _apply_overrides(facts_for(draft, path), overrides or {})
    versions = _language_versions(draft, facts)
    if versions and not facts.pair_key:
        facts.pair_key = "draft:" + path.name   # its language versions pair with it
    outcomes = [add_draft(engine, draft, facts, str(path))]
    for version_draft, version_facts in versions:
        version_facts.pair_key = facts.pair_key
        outcomes.append(add_draft(engine, version_draft, version_facts,
                                  f"{path} [{version_facts.language}]"))
    return outcomes


def _language_versions(draft: Draft, facts: SourceFacts) -> list[tuple[Draft, SourceFacts]]:
    """A draft's other language versions as drafts of their own, block for block, so their
    clauses pair with the main text's by position."""
    from dataclasses import replace as replaced

    from app.model import Block, Footnote

    result = []
    for language, version in draft.translations.items():
        if language == facts.language or not version.blocks:
            continue
        translated = Draft(note=draft.note, language=language)
        for block in draft.blocks:   # a missing translation stays an empty block: no clause
            content = version.blocks.get(block.id, [])
            translated.blocks.append(Block(block.kind, list(content), block.level, block.id))
        for fid, text_of in version.footnotes.items():
            translated.footnotes[fid] = Footnote(text_of, fid)
        title = version.meta.get("subject") or facts.title
        result.append((translated, replaced(facts, title=title, language=language)))
    return result


def _apply_overrides(facts: SourceFacts, overrides: dict[str, str]) -> SourceFacts:
    from datetime import date

    from .readers import pair_key

    if overrides.get("status"):
        facts.status = overrides["status"]
    if overrides.get("title"):
        facts.title = overrides["title"]
    if overrides.get("language"):
        facts.language = overrides["language"]
    if overrides.get("date"):
        facts.date = date.fromisoformat(overrides["date"])
    if overrides.get("number"):
        facts.number = overrides["number"]
        facts.pair_key = pair_key(facts.number, Path(""))
    return facts


def content_hash(facts: SourceFacts, segments: list[Segment], hashes: dict[int, str]) -> str:
    """Identity of a source: its number, language and clauses (not the file's bytes, which a
    re-save changes). `hashes` maps each segment's position to its clause key hash."""
    digest = hashlib.sha256()
    digest.update(f"{facts.number}\n{facts.language}\n".encode())
    for item in segments:
        digest.update(f"{item.position}\t{hashes[item.position]}\n".encode())
    return digest.hexdigest()


def add_draft(engine: Engine, draft: Draft, facts: SourceFacts, origin_file: str) -> SourceOutcome:
    segments = segment(draft)
    outcome = SourceOutcome(origin_file, ADDED, title=facts.title, clauses=len(segments))
    if not segments:
        empty = not any(block.text.strip() for block in draft.blocks)
        outcome.status = SKIPPED
        outcome.reason = (_("the document is empty") if empty else
                          _("no clauses found: no paragraph is long enough to reuse"))
        return outcome
    hashes = {item.position: key_hash(item.text) for item in segments}
    digest = content_hash(facts, segments, hashes)
    for attempt in range(_RETRIES):
        try:
            with engine.begin() as connection:
                known = connection.execute(
                    select(sources.c.id, sources.c.status).where(sources.c.content_hash == digest)
                ).first()
                if known:
                    if known.status != facts.status:   # `--status` corrects a source's status
                        connection.execute(sources.update().where(sources.c.id == known.id)
                                           .values(status=facts.status))
                    outcome.status = UNCHANGED
                    return outcome
                added = _insert_source(connection, facts, origin_file, digest, segments, hashes)
                if added is None:               # another program added it at the same moment
                    outcome.status = UNCHANGED
                    return outcome
                outcome.new_clauses = added
            return outcome
        except OperationalError as error:
            if not _busy(error) or attempt == _RETRIES - 1:
                raise translate_error(error) from error
            time.sleep(min(0.05 * 2 ** attempt, 1.0))   # SQLite: another writer holds the file
        except DBAPIError as error:
            raise translate_error(error) from error
    return outcome


_RETRIES = 12


def _busy(error: OperationalError) -> bool:
    message = str(error.orig).lower()
    return "locked" in message or "busy" in message or "deadlock" in message


def _insert_source(
    connection: Connection, facts: SourceFacts, origin_file: str, digest: str,
    segments: list[Segment], hashes: dict[int, str],
) -> int | None:
    """Insert the source, its new clauses (with their index entries) and its provenances;
    returns how many clauses were new, or None when the same source is already there.

    Safe beside other programs adding at once: the source and clause rows are inserted with
    ON CONFLICT DO NOTHING on their content hashes (unique), so two programs adding the same
    declaration give one source, and a clause two sources share is one row. Clauses go in in
    hash order, so two transactions never wait on each other's rows in opposite orders."""
    insert = _insert_for(connection)
    source_id = connection.execute(
        insert(sources).values(
            title=facts.title[:1000],
            number=facts.number[:80],
            date=facts.date,
            language=facts.language,
            origin_file=origin_file,
            content_hash=digest,
            pair_key=facts.pair_key[:200],
            added_at=datetime.now(timezone.utc).replace(tzinfo=None),
            status=facts.status,
        ).on_conflict_do_nothing(index_elements=["content_hash"]).returning(sources.c.id)
    ).scalar()
    if source_id is None:
        return None
    existing = _existing_clauses(connection, set(hashes.values()))
    new_rows: dict[str, dict] = {}
    for item in segments:
        digest_of = hashes[item.position]
        if digest_of not in existing and digest_of not in new_rows:
            new_rows[digest_of] = {
                "clause_id": digest_of[:16],
                "key_hash": digest_of,
                "text": item.text,
                "folded": fold(item.text),
                "language": facts.language,
                "kind": item.kind,
            }
    inserted = []
    if new_rows:
        inserted = connection.execute(
            insert(clauses).on_conflict_do_nothing(index_elements=["key_hash"])
            .returning(clauses.c.num, clauses.c.key_hash, clauses.c.text, clauses.c.language),
            [new_rows[key] for key in sorted(new_rows)],
        ).all()
        existing.update({row.key_hash: row.num for row in inserted})
        missing = set(new_rows) - {row.key_hash for row in inserted}
        if missing:   # added by another program meanwhile: use its rows
            existing.update(_existing_clauses(connection, missing))
        stored = index_shingles(connection, [(row.num, row.text) for row in inserted])
        if connection.dialect.name == "sqlite" and _has_fts(connection):
            connection.execute(
                text("INSERT INTO clause_fts(rowid, text, language) VALUES (:num, :text, :language)"),
                [{"num": row.num, "text": row.text, "language": row.language} for row in inserted],
            )
        # Only the clauses this transaction inserted: one counted by another program is theirs.
        add_counts(connection, [(row.num, row.text) for row in inserted], stored)
    where = places([item.kind for item in segments], [item.context for item in segments])
    connection.execute(
        provenances.insert(),
        [
            {
                "clause_num": existing[hashes[item.position]],
                "source_id": source_id,
                "position": item.position,
                "ordinal": ordinal,
                "paragraph": item.paragraph[:40],
                "context": item.context,
                "footnotes": json.dumps(item.footnotes, ensure_ascii=False),
                "place": where[ordinal],
            }
            for ordinal, item in enumerate(segments)
        ],
    )
    return len(inserted)


def _insert_for(connection: Connection):
    """The dialect's INSERT, which knows ON CONFLICT (SQLite and PostgreSQL both do)."""
    if connection.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:
        from sqlalchemy.dialects.sqlite import insert
    return insert


def _existing_clauses(connection: Connection, digests: set[str]) -> dict[str, int]:
    found: dict[str, int] = {}
    ordered = sorted(digests)
    for start in range(0, len(ordered), 500):
        chunk = ordered[start:start + 500]
        rows = connection.execute(
            select(clauses.c.key_hash, clauses.c.num).where(clauses.c.key_hash.in_(chunk))
        )
        found.update({row.key_hash: row.num for row in rows})
    return found


def _has_fts(connection: Connection) -> bool:
    return connection.dialect.has_table(connection, "clause_fts")


__all__ = ["ADDED", "SKIPPED", "UNCHANGED", "AddReport", "LibraryError", "SourceOutcome",
           "add_draft", "add_file", "add_paths", "expand_paths"]
