"""The clause library at team scale, on SQLite and on PostgreSQL side by side (issue 18).

Builds a library of N generated clauses (default 1 000 000: declarations of 40 numbered
paragraphs, one in ten Spanish, about one paragraph in eight reusing agreed language word for
word) through the library's own add path, in memory (no files to parse: this measures the
library, not the importer), then measures on each backend:

- add rate (clauses per second, one transaction per declaration, as `library add` does);
- database size;
- search p50/p95 over mixed queries (words, phrases, prefixes, accent-free Spanish, filters);
- precedent p50/p95 for paraphrases (3 words changed) and for quotes (a clause quoted inside a
  longer new paragraph), and how often the right clause comes first;
- on PostgreSQL, the alternative candidate finder: pg_trgm similarity with a GIN trigram index;
- `grep -i` over the same clauses as one plain-text file.

PostgreSQL: a private server started for the run (as the tests do), or --pg-url.

    python benchmarks/bench_library_scale.py [--clauses 1000000] [--backends sqlite,postgresql]
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from bench_library import clause, paraphrase, percentile, queries  # noqa: E402

from app.library import Library  # noqa: E402
from app.library.ingest import add_draft  # noqa: E402
from app.library.readers import SourceFacts  # noqa: E402
from app.model import Block, BlockKind, Draft, NoteMeta, TextRun  # noqa: E402

PER_SOURCE = 40


def declarations(total: int, rng: random.Random):
    """(Draft, SourceFacts, paragraphs) for each generated declaration, lazily."""
    agreed: dict[bool, list[str]] = {False: [], True: []}
    count = (total + PER_SOURCE - 1) // PER_SOURCE
    for index in range(count):
        spanish = index % 10 == 9
        year = 2000 + index * 25 // max(count, 1)
        texts = []
        for _number in range(PER_SOURCE):
            pool = agreed[spanish]
            if pool and rng.random() < 0.12:
                texts.append(rng.choice(pool))
            else:
                text = clause(rng, spanish)
                if rng.random() < 0.05 and len(pool) < 20000:
                    pool.append(text)
                texts.append(text)
        number = f"{1000 + index % 9000}/{index // 9000}/{year % 100:02d}"
        draft = Draft(note=NoteMeta(number=number, date=date(year, 6, 1)),
                      blocks=[Block(BlockKind.NUMBERED, [TextRun(t)]) for t in texts],
                      language="es" if spanish else "en")
        facts = SourceFacts(f"Declaration {index}", number, date(year, 6, 1), draft.language, "")
        yield draft, facts, texts


def build(library: Library, total: int, seed: int, wanted: int) -> tuple[float, list[str]]:
    rng = random.Random(seed)
    sample: list[str] = []
    share = min(1.0, 2 * wanted / max(1, total // PER_SOURCE))
    started = time.perf_counter()
    added = 0
    for draft, facts, texts in declarations(total, rng):
        add_draft(library.engine, draft, facts, f"generated/{facts.number}")
        added += len(texts)
        if rng.random() < share:
            sample.extend(rng.sample(texts, 2))
        if added % 100_000 < PER_SOURCE:
            rate = added / (time.perf_counter() - started)
            print(f"  … {added} clauses, {rate:.0f}/s", flush=True)
    return time.perf_counter() - started, sample


def size_of(library: Library, path: Path | None) -> int:
    if path is not None:
        return sum(Path(str(path) + s).stat().st_size for s in ("", "-wal") if Path(str(path) + s).exists())
    from sqlalchemy import text

    with library.engine.connect() as connection:
        return connection.execute(text("SELECT pg_database_size(current_database())")).scalar_one()


def quote_in(rng: random.Random, text: str) -> str:
    """The clause quoted inside a longer new paragraph, as seed 000 quotes the 2023 summit."""
    return (f"WE NOTE that the declaration adopted in {rng.choice(['Sofia', 'Lima', 'Madrid'])} states "
            f"\"{text.rstrip('.')}\", and we call for its swift implementation by all parties "
            f"with the support of the Commission and the Member States.")


def timed(function, items) -> tuple[list[float], list]:
    times, results = [], []
    for item in items:
        started = time.perf_counter()
        results.append(function(item))
        times.append((time.perf_counter() - started) * 1000)
    return times, results


def show_misses(kind: str, pairs, found, times: list[float]) -> None:
    """Each query whose right clause did not come first, and the slowest query: what to look at."""
    for (target, query), answer in zip(pairs, found, strict=True):
        if answer and answer[0].hit.text == target:
            continue
        ranks = [f"{a.similarity:.2f} {a.hit.text[:70]!r}" for a in answer[:3]]
        where = next((i + 1 for i, a in enumerate(answer) if a.hit.text == target), None)
        print(f"  {kind} miss (right clause at {where}): {query[:90]!r}\n    wanted {target[:90]!r}"
              f"\n    got " + "\n        ".join(ranks or ["nothing"]), flush=True)
    slowest = max(range(len(times)), key=times.__getitem__)
    print(f"  slowest {kind}: {times[slowest]:.0f} ms for {pairs[slowest][1][:90]!r}", flush=True)


def figures(label: str, times: list[float]) -> str:
    return f"{label}: p50 {percentile(times, .5):.1f} ms, p95 {percentile(times, .95):.1f} ms"


def measure(name: str, library: Library, path: Path | None, args, work: Path) -> dict:
    print(f"\n--- {name}: {library.location}", flush=True)
    seconds, sample = build(library, args.clauses, args.seed, args.precedents)
    counts = library.counts()
    if path is not None:   # checkpoint the WAL into the file before measuring its size
        library.close()
        library = Library(path)
    else:
        from sqlalchemy import text

        with library.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as c:
            c.execute(text("VACUUM ANALYZE"))
    result = {"clauses": counts["clauses"], "provenances": counts["provenances"],
              "add_s": seconds, "rate": counts["provenances"] / seconds,
              "size_mb": size_of(library, path) / 1e6}
    print(f"add: {counts['provenances']} clauses ({counts['clauses']} distinct) in {seconds:.0f} s "
          f"= {result['rate']:.0f} clauses/s; database {result['size_mb']:.0f} MB", flush=True)
    rng = random.Random(7)
    mixed = queries(rng, args.queries)
    library.search("warm up")
    search_ms, _ = timed(lambda q: library.search(q[0], limit=20, **q[1]), mixed)
    result["search"] = search_ms
    print(figures(f"search ({len(mixed)} mixed queries, top 20)", search_ms), flush=True)
    targets = rng.sample(sample, min(args.precedents, len(sample)))
    library.precedents(paraphrase(rng, targets[0]))
    pairs = [(t, paraphrase(rng, t)) for t in targets]
    para_ms, found = timed(lambda pair: library.precedents(pair[1], limit=5), pairs)
    right = sum(bool(f) and f[0].hit.text == pair[0] for f, pair in zip(found, pairs, strict=True))
    show_misses("paraphrase", pairs, found, para_ms)
    result["paraphrase"], result["paraphrase_right"] = para_ms, right
    print(figures(f"precedents, paraphrases ({len(pairs)})", para_ms)
          + f"; right clause first {right}/{len(pairs)}", flush=True)
    quoted = [(t, quote_in(rng, t)) for t in targets]
    quote_ms, found = timed(lambda pair: library.precedents(pair[1], limit=5), quoted)
    right = sum(bool(f) and f[0].hit.text == pair[0] for f, pair in zip(found, quoted, strict=True))
    show_misses("quote", quoted, found, quote_ms)
    result["quote"], result["quote_right"] = quote_ms, right
    print(figures(f"precedents, quotes in a longer paragraph ({len(quoted)})", quote_ms)
          + f"; right clause first {right}/{len(quoted)}", flush=True)
    if path is None and args.trgm:
        result.update(trigram(library, pairs[: args.trgm], quoted[: args.trgm]))
    result["library"] = library
    return result


def trigram(library: Library, pairs, quoted) -> dict:
    """pg_trgm as the precedent candidate finder, for comparison with the shingle index."""
    from sqlalchemy import text

    started = time.perf_counter()
    with library.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as c:
        c.execute(text("CREATE INDEX IF NOT EXISTS clauses_trgm ON clauses USING gin (text gin_trgm_ops)"))
    build_s = time.perf_counter() - started

    def candidates(paragraph: str, operator: str) -> list[str]:
        with library.engine.connect() as c:
            c.execute(text("SET pg_trgm.similarity_threshold = 0.5"))
            c.execute(text("SET pg_trgm.word_similarity_threshold = 0.6"))
            order = "similarity(text, :p)" if operator == "%" else "word_similarity(text, :p)"
            return list(c.execute(text(f"SELECT text FROM clauses WHERE text {operator} :p "
                                       f"ORDER BY {order} DESC LIMIT 15"), {"p": paragraph}).scalars())

    para_ms, found = timed(lambda pair: candidates(pair[1], "%"), pairs)
    para_right = sum(bool(f) and f[0] == pair[0] for f, pair in zip(found, pairs, strict=True))
    # Quoted: the clause is a part of the paragraph, so "clause <% paragraph" (word similarity).
    quote_ms, found = timed(lambda pair: candidates(pair[1], "<%"), quoted)
    quote_right = sum(pair[0] in f for f, pair in zip(found, quoted, strict=True))
    print(f"pg_trgm instead (GIN trigram index built in {build_s:.0f} s): "
          + figures(f"paraphrase candidates ({len(pairs)})", para_ms) + f", right first {para_right}; "
          + figures(f"quote candidates ({len(quoted)})", quote_ms) + f", found {quote_right}", flush=True)
    return {"trgm_build_s": build_s, "trgm_paraphrase": para_ms, "trgm_quote": quote_ms,
            "trgm_right": (para_right, quote_right)}


def grep(library: Library, work: Path, count: int) -> list[float]:
    from sqlalchemy import select

    from app.library.db import clauses

    plain = work / "clauses.txt"
    with library.engine.connect() as connection, plain.open("w", encoding="utf-8") as out:
        for row in connection.execute(select(clauses.c.text)):
            out.write(row[0] + "\n")
    rng = random.Random(7)
    times = []
    for query, _options in queries(rng, count):
        pattern = query.split('"')[1] if '"' in query else query.split()[0].rstrip("*")
        started = time.perf_counter()
        subprocess.run(["grep", "-i", "-c", "--", pattern, str(plain)], capture_output=True)
        times.append((time.perf_counter() - started) * 1000)
    print(figures(f"grep -i over the same clauses ({plain.stat().st_size / 1e6:.0f} MB of text, "
                  f"{count} queries, one pattern each, no ranking)", times), flush=True)
    return times


def main() -> None:
    import signal

    # An interrupted run still stops its PostgreSQL server and removes its files.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clauses", type=int, default=1_000_000)
    parser.add_argument("--backends", default="sqlite,postgresql")
    parser.add_argument("--pg-url", help="an empty PostgreSQL database (default: a private server)")
    parser.add_argument("--queries", type=int, default=300)
    parser.add_argument("--precedents", type=int, default=100)
    parser.add_argument("--trgm", type=int, default=50, help="pg_trgm comparison queries (0: skip)")
    parser.add_argument("--seed", type=int, default=18)
    parser.add_argument("--keep", type=Path, help="keep the SQLite library and the text file in this folder")
    args = parser.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="concordia-scale-"))
    work.mkdir(parents=True, exist_ok=True)
    print(f"{args.clauses} clauses; load average at start {os.getloadavg()[0]:.2f} (2 cores shared)")
    results, server = {}, None
    try:
        for name in args.backends.split(","):
            if name == "sqlite":
                path = work / "library.sqlite"
                results[name] = measure(name, Library(path), path, args, work)
            elif name == "postgresql":
                url = args.pg_url
                if url is None:
                    from tests.library.pg_server import PostgresServer

                    server = PostgresServer().start()
                    url = server.new_database()
                results[name] = measure(name, Library(url), None, args, work)
        any_library = next(iter(results.values()))["library"]
        grep_ms = grep(any_library, work, min(args.queries, 200))
        print("\n| | " + " | ".join(results) + " | grep -i |")
        print("|---|" + "---|" * (len(results) + 1))
        rows = [("add rate (clauses/s)", lambda r: f"{r['rate']:.0f}", "—"),
                ("database size (MB)", lambda r: f"{r['size_mb']:.0f}", "—"),
                ("search p50 / p95 (ms)", lambda r: f"{percentile(r['search'], .5):.1f} / "
                                                    f"{percentile(r['search'], .95):.1f}",
                 f"{percentile(grep_ms, .5):.1f} / {percentile(grep_ms, .95):.1f}"),
                ("precedent, paraphrase p50 / p95 (ms)", lambda r: f"{percentile(r['paraphrase'], .5):.1f} / "
                                                                   f"{percentile(r['paraphrase'], .95):.1f}", "—"),
                ("precedent, quote p50 / p95 (ms)", lambda r: f"{percentile(r['quote'], .5):.1f} / "
                                                              f"{percentile(r['quote'], .95):.1f}", "—")]
        for label, value, grep_value in rows:
            print(f"| {label} | " + " | ".join(value(r) for r in results.values()) + f" | {grep_value} |")
        for result in results.values():
            result["library"].close()
    finally:
        if server is not None:
            server.stop()
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)
    print(f"load average at end {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
