"""Several programs adding to one clause library while another searches it (issue 18).

A team library is written by several people at once. This starts W writer processes that each
add their own generated declarations (and all of them the same few shared ones, as when two
people add the same Council NOTE at the same moment) and one reader process that runs searches
and precedent look-ups the whole time, on SQLite (one file) and on PostgreSQL (a private
server, as the tests start it). It prints, for W = 1, 2, 4 …:

- the writers' combined add rate (clauses per second) and each transaction's retries;
- the reader's search and precedent p50/p95 while the writers write;
- whether the library came out exact: one copy of each shared declaration, and run and word
  counts equal to a recount (the upserted counts are the rows concurrent adders contend for).

    python benchmarks/bench_library_concurrent.py [--preload 20000] [--writers 1,2,4]
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import random
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from bench_library import paraphrase, percentile, queries  # noqa: E402
from bench_library_scale import PER_SOURCE, declarations  # noqa: E402

from app.library import Library  # noqa: E402
from app.library.ingest import ADDED, add_draft  # noqa: E402

SHARED_SEED = 99


def _add(location: str, clauses: int, seed: int, shared: int, started_at, done) -> None:
    """One writer: the shared declarations first (racing the other writers), then its own;
    puts (clauses it added, seconds) on `done`."""
    library = Library(location)
    started_at.wait()
    begun = time.perf_counter()
    added = 0
    for draft, facts, texts in declarations(shared * PER_SOURCE, random.Random(SHARED_SEED)):
        facts.number = f"shared-{facts.number}"     # the same NOTE, added by every writer
        outcome = add_draft(library.engine, draft, facts, f"shared/{facts.number}")
        added += len(texts) if outcome.status == ADDED else 0   # one writer wins each
    for draft, facts, texts in declarations(clauses, random.Random(seed)):
        facts.number = f"{facts.number}-w{seed}"
        add_draft(library.engine, draft, facts, f"writer-{seed}/{facts.number}")
        added += len(texts)
    done.put((added, time.perf_counter() - begun))
    library.close()


def _read(location: str, samples: list[str], started_at, stop, out) -> None:
    """The reader: searches and precedent look-ups in turn until the writers are done."""
    library = Library(location)
    rng = random.Random(3)
    mixed = queries(rng, 200)
    started_at.wait()
    search_ms, precedent_ms = [], []
    index = 0
    while not stop.is_set():
        query, options = mixed[index % len(mixed)]
        begun = time.perf_counter()
        library.search(query, limit=20, **options)
        search_ms.append((time.perf_counter() - begun) * 1000)
        begun = time.perf_counter()
        library.precedents(paraphrase(rng, samples[index % len(samples)]), limit=5)
        precedent_ms.append((time.perf_counter() - begun) * 1000)
        index += 1
    out.put((search_ms, precedent_ms))
    library.close()


def exact(location: str) -> str:
    """'exact' when the counts equal a recount and no clause or source is doubled."""
    from sqlalchemy import text

    from app.library.counts import recount

    with Library(location) as library, library.engine.connect() as connection:
        runs = dict(connection.execute(text("SELECT hash, n FROM shingle_counts")).all())
        terms = dict(connection.execute(text("SELECT term, n FROM term_counts")).all())
        doubled = connection.execute(text(
            "SELECT count(*) FROM (SELECT key_hash FROM clauses GROUP BY key_hash "
            "HAVING count(*) > 1) AS d")).scalar_one()
        sources = connection.execute(text(
            "SELECT count(*) FROM (SELECT content_hash FROM sources GROUP BY content_hash "
            "HAVING count(*) > 1) AS d")).scalar_one()
        fresh_runs, fresh_terms = recount(connection)
    wrong = []
    if runs != fresh_runs:
        wrong.append(f"{sum(runs.get(k) != v for k, v in fresh_runs.items())} run counts off")
    if terms != fresh_terms:
        wrong.append(f"{sum(terms.get(k) != v for k, v in fresh_terms.items())} word counts off")
    if doubled or sources:
        wrong.append(f"{doubled} clauses and {sources} sources doubled")
    return "exact" if not wrong else "NOT EXACT: " + ", ".join(wrong)


def round_of(location: str, writers: int, args, samples: list[str], seed_base: int) -> dict:
    context = multiprocessing.get_context("spawn")
    started_at, stop = context.Event(), context.Event()
    done, out = context.Queue(), context.Queue()
    processes = [context.Process(target=_add, args=(location, args.clauses, seed_base + n,
                                                    args.shared, started_at, done))
                 for n in range(writers)]
    reader = context.Process(target=_read, args=(location, samples, started_at, stop, out))
    for process in [*processes, reader]:
        process.start()
    time.sleep(2.0)                         # every process has imported and connected
    begun = time.perf_counter()
    started_at.set()
    results = [done.get(timeout=3600) for _ in processes]
    wall = time.perf_counter() - begun
    stop.set()
    search_ms, precedent_ms = out.get(timeout=600)
    for process in [*processes, reader]:
        process.join(timeout=60)
        if process.exitcode != 0:
            raise SystemExit(f"a benchmark process failed (exit {process.exitcode})")
    added = sum(count for count, _seconds in results)
    return {"writers": writers, "rate": added / wall, "wall": wall, "added": added,
            "search": search_ms, "precedent": precedent_ms}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--preload", type=int, default=20_000, help="clauses in the library first")
    parser.add_argument("--clauses", type=int, default=4_000, help="clauses each writer adds")
    parser.add_argument("--shared", type=int, default=5, help="declarations every writer adds")
    parser.add_argument("--writers", default="1,2,4")
    parser.add_argument("--backends", default="sqlite,postgresql")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="concordia-concurrent-"))
    print(f"preload {args.preload} clauses; each writer adds {args.clauses} of its own and "
          f"{args.shared * PER_SOURCE} shared; load average {os.getloadavg()[0]:.2f} (2 cores)")
    server = None
    rows = []
    try:
        for backend in args.backends.split(","):
            if backend == "sqlite":
                location = str(work / "library.sqlite")
            else:
                from tests.library.pg_server import PostgresServer

                server = PostgresServer().start()
                location = server.new_database()
            samples: list[str] = []
            with Library(location) as library:
                for draft, facts, texts in declarations(args.preload, random.Random(1)):
                    add_draft(library.engine, draft, facts, f"preload/{facts.number}")
                    samples.extend(texts[:1])
            samples = random.Random(5).sample(samples, min(100, len(samples)))
            for round_number, writers in enumerate(int(n) for n in args.writers.split(",")):
                result = round_of(location, writers, args, samples, 1000 * (round_number + 1))
                result["backend"], result["check"] = backend, exact(location)
                rows.append(result)
                print(f"{backend}, {writers} writer(s): {result['added']} clauses in "
                      f"{result['wall']:.1f} s = {result['rate']:.0f}/s; reader meanwhile: search "
                      f"p50/p95 {percentile(result['search'], .5):.0f}/"
                      f"{percentile(result['search'], .95):.0f} ms, precedents "
                      f"{percentile(result['precedent'], .5):.0f}/"
                      f"{percentile(result['precedent'], .95):.0f} ms "
                      f"({len(result['search'])} each); {result['check']}", flush=True)
            if server is not None:
                server.stop()
                server = None
    finally:
        if server is not None:
            server.stop()
    print("\n| backend | writers | add rate (clauses/s) | search p50/p95 (ms) | precedent p50/p95 (ms) | counts |")
    print("|---|---|---|---|---|---|")
    for r in rows:
        print(f"| {r['backend']} | {r['writers']} | {r['rate']:.0f} | "
              f"{percentile(r['search'], .5):.0f} / {percentile(r['search'], .95):.0f} | "
              f"{percentile(r['precedent'], .5):.0f} / {percentile(r['precedent'], .95):.0f} | "
              f"{r['check']} |")


if __name__ == "__main__":
    main()
