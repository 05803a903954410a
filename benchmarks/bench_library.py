"""Clause library at scale: ~3 000 declarations, ~100 000 clauses.

Generates seed-format declarations with realistic vocabulary (EN, and ES for one in ten),
where part of every text reuses agreed language from earlier ones, adds the folder with the
real importer, then measures: import time, database size, search latency over 1 000 mixed
queries (words, phrases, prefixes, accent-free Spanish, filters), precedent lookup latency
for paraphrased paragraphs (and whether the right clause comes first), and `grep -i` over the
same clauses as plain text.

    python benchmarks/bench_library.py [--declarations 3000] [--clauses 36] [--keep DIR]
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
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.library import Library  # noqa: E402
from app.progress import Progress  # noqa: E402

EN_LEADS = ["WE REAFFIRM", "WE RECOGNISE", "WE ENCOURAGE", "WE UNDERLINE", "WE COMMIT to",
            "WE AGREE", "WE WELCOME", "WE NOTE", "Reiterate", "Recall", "Acknowledge",
            "Undertake to", "Highlight", "Stress", "Call for", "Support"]
EN_TOPICS = [
    "the importance of bi-regional cooperation", "the principle of common and shared responsibility",
    "a balanced, comprehensive, integrated and evidence-based approach",
    "countering all aspects of the world drug problem", "illicit drug trafficking",
    "money laundering linked to drugs trafficking", "illicit firearms trafficking",
    "the trafficking of new psychoactive substances and other synthetic drugs",
    "chemical precursors", "early warning systems", "harm reduction measures",
    "alternative development programmes", "the rule of law and the respect for all human rights",
    "law enforcement and judicial cooperation", "the exchange of information", "Europol and Ameripol",
    "port authorities and customs agencies", "organised transnational criminal groups",
    "the environment and biodiversity", "gender-sensitive public health responses",
    "prevention and treatment quality standards", "social reintegration and recovery",
    "civil society, the scientific community and academia", "asset recovery and confiscation",
    "cybercrime and the use of cryptocurrencies", "the sovereignty and territorial integrity of States",
    "persons in vulnerable and marginalised situations", "the three international drug control conventions",
    "the EU Drugs Strategy and Action Plan", "the COPOLAD programme", "EL PAcCTO 2.0",
    "maritime, air and land routes", "financial intelligence units", "victims of crime",
]
EN_GLUE = ["in accordance with national legislation", "at multilateral, regional and national level",
           "with a focus on high-risk criminal networks", "in full conformity with international law",
           "through training and technical assistance", "between both regions",
           "including via early warning", "taking into account gender-specific needs",
           "with full respect for human rights and fundamental freedoms", "as appropriate",
           "in line with international standards", "to protect citizens and communities"]
ES_LEADS = ["REAFIRMAMOS", "RECONOCEMOS", "ALENTAMOS", "SUBRAYAMOS", "NOS COMPROMETEMOS a",
            "ACORDAMOS", "ACOGEMOS CON SATISFACCIÓN", "Reiteramos", "Recordamos"]
ES_TOPICS = [
    "la importancia de la cooperación birregional", "el principio de responsabilidad común y compartida",
    "un enfoque equilibrado, integral y basado en la evidencia", "el tráfico ilícito de drogas",
    "el blanqueo de capitales vinculado al narcotráfico", "el tráfico ilícito de armas de fuego",
    "las nuevas sustancias psicoactivas", "los precursores químicos", "los sistemas de alerta temprana",
    "la reducción de daños", "el desarrollo alternativo", "el Estado de Derecho y los derechos humanos",
    "la cooperación policial y judicial", "el intercambio de información", "la protección del medio ambiente",
    "la rescisión de contratos públicos", "la reinserción social", "la sociedad civil y el mundo académico",
    "la recuperación y el decomiso de activos", "la ciberdelincuencia", "las personas en situación de vulnerabilidad",
]
ES_GLUE = ["de conformidad con la legislación nacional", "a nivel multilateral, regional y nacional",
           "con pleno respeto de los derechos humanos", "entre ambas regiones", "según proceda",
           "en consonancia con las normas internacionales", "mediante formación y asistencia técnica"]


def clause(rng: random.Random, spanish: bool) -> str:
    leads, topics, glue = (ES_LEADS, ES_TOPICS, ES_GLUE) if spanish else (EN_LEADS, EN_TOPICS, EN_GLUE)
    parts = [rng.choice(leads), rng.choice(topics)]
    for _ in range(rng.randint(1, 3)):
        parts.append(rng.choice(["and", "y"] if spanish else ["and", "as well as", "including"]))
        parts.append(rng.choice(topics))
    parts.append(rng.choice(glue))
    if rng.random() < 0.5:
        parts.append(rng.choice(glue))
    # A unique detail (a place, a year, a number) as real texts have: no two clauses identical.
    parts.append(f"{'tras la reunión de' if spanish else 'following the meeting of'} "
                 f"{rng.randint(1, 28)} {rng.choice(['March', 'June', 'October'])} "
                 f"{rng.randint(1990, 2025)} in {rng.choice(['Brussels', 'La Paz', 'Sofia', 'Madrid', 'Lima', 'Bogotá', 'Santiago', 'Luxembourg'])}"
                 f" (item {rng.randint(1, 999)})")
    return " ".join(parts) + "."


def generate(folder: Path, declarations: int, per_text: int, rng: random.Random) -> list[str]:
    agreed: dict[bool, list[str]] = {False: [], True: []}
    all_clauses: list[str] = []
    for index in range(declarations):
        spanish = index % 10 == 9
        year = 2000 + index * 25 // declarations
        lines = [
            "Council of the", "European Union", "",
            f"Brussels, {rng.randint(1, 28)} {rng.choice(['February', 'June', 'November'])} {year}",
            "(OR. en)", "", f"{1000 + index}/{year % 100:02d}", "", "NOTE", "",
            "From:\tGeneral Secretariat of the Council", "To:\tDelegations",
            f"Subject:\tDeclaration {index} of the High Level Meeting on Drugs", "",
            "Delegations will find in the Annex the declaration.", "", "ANNEX", "",
        ]
        for number in range(1, per_text + 1):
            pool = agreed[spanish]
            if pool and rng.random() < 0.12:
                text = rng.choice(pool)            # agreed language, reused word for word
            else:
                text = clause(rng, spanish)
                if rng.random() < 0.05:
                    pool.append(text)
            all_clauses.append(text)
            lines += [f"{number}. {text}", ""]
        (folder / f"decl_{index:05d}.md").write_text("\n".join(lines), encoding="utf-8")
    return all_clauses


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def queries(rng: random.Random, count: int) -> list[tuple[str, dict]]:
    words = ["cooperation", "trafficking", "precursors", "Ameripol", "biodiversity", "cryptocurrencies",
             "confiscation", "sovereignty", "Europol", "harm", "derechos", "cooperacion", "rescision",
             "narcotrafico", "alerta", "victims", "gender", "Sofia", "customs", "academia"]
    phrases = ['"common and shared responsibility"', '"money laundering"', '"early warning systems"',
               '"human rights"', '"responsabilidad comun y compartida"', '"port authorities"',
               '"new psychoactive substances"', '"rule of law"', '"trafico ilicito"']
    prefixes = ["coop*", "traffick*", "psycho*", "launder*", "narco*", "confisc*", "enforc*", "reint*"]
    result = []
    for _ in range(count):
        kind = rng.random()
        if kind < 0.35:
            query = " ".join(rng.sample(words, rng.randint(1, 3)))
        elif kind < 0.6:
            query = rng.choice(phrases)
        elif kind < 0.8:
            query = rng.choice(prefixes) + (" " + rng.choice(words) if rng.random() < 0.5 else "")
        else:
            query = rng.choice(phrases) + " " + rng.choice(prefixes)
        options: dict = {}
        if rng.random() < 0.2:
            options["language"] = rng.choice(["en", "es"])
        if rng.random() < 0.1:
            options["year"] = rng.randint(2000, 2024)
        result.append((query, options))
    return result


def paraphrase(rng: random.Random, text: str) -> str:
    words = text.split()
    for _ in range(3):
        index = rng.randrange(1, len(words))
        words[index] = rng.choice(["broad", "effective", "regional", "joint", "sustained"])
    return " ".join(words)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--declarations", type=int, default=3000)
    parser.add_argument("--clauses", type=int, default=38, help="clauses per declaration")
    parser.add_argument("--queries", type=int, default=1000)
    parser.add_argument("--precedents", type=int, default=200)
    parser.add_argument("--keep", type=Path, help="keep the generated files and library here")
    args = parser.parse_args()
    rng = random.Random(20240228)
    work = args.keep or Path(tempfile.mkdtemp(prefix="concordia-bench-"))
    sources = work / "declarations"
    shutil.rmtree(sources, ignore_errors=True)
    sources.mkdir(parents=True)
    database = work / "library.sqlite"
    for suffix in ("", "-wal", "-shm"):
        Path(str(database) + suffix).unlink(missing_ok=True)

    print(f"load average at start: {os.getloadavg()[0]:.2f} (2 cores shared)")
    started = time.perf_counter()
    texts = generate(sources, args.declarations, args.clauses, rng)
    print(f"generated {args.declarations} declarations, {len(texts)} paragraphs "
          f"in {time.perf_counter() - started:.1f} s")

    library = Library(database)
    started = time.perf_counter()
    report = library.add([sources], Progress())
    import_seconds = time.perf_counter() - started
    counts = library.counts()
    library.close()
    library = Library(database)   # closed and reopened: WAL checkpointed into the file
    size = sum(Path(str(database) + s).stat().st_size for s in ("", "-wal")
               if Path(str(database) + s).exists())
    print(f"import: {import_seconds:.1f} s for {report.count('added')} sources "
          f"({report.count('skipped')} skipped) → {counts['clauses']} clauses, "
          f"{counts['provenances']} provenances ({counts['provenances'] - counts['clauses']} reuses)")
    print(f"database size: {size / 1e6:.1f} MB")

    mixed = queries(rng, args.queries)
    library.search("warm up")
    latencies, cpu, hit_counts = [], [], []
    for query, options in mixed:
        t0, c0 = time.perf_counter(), time.process_time()
        hits = library.search(query, limit=20, **options)
        latencies.append((time.perf_counter() - t0) * 1000)
        cpu.append((time.process_time() - c0) * 1000)
        hit_counts.append(len(hits))
    print(f"search ({len(mixed)} mixed queries, top 20 with provenance): "
          f"wall p50 {percentile(latencies, .5):.1f} ms, p95 {percentile(latencies, .95):.1f} ms, "
          f"p99 {percentile(latencies, .99):.1f} ms, max {max(latencies):.1f} ms; "
          f"CPU p50 {percentile(cpu, .5):.1f} ms, p95 {percentile(cpu, .95):.1f} ms, "
          f"p99 {percentile(cpu, .99):.1f} ms; "
          f"{sum(1 for c in hit_counts if c) / len(hit_counts):.0%} of queries found something")

    portable = []
    for query, options in mixed[:100]:
        t0 = time.perf_counter()
        library.search(query, limit=20, use_fts=False, **options)
        portable.append((time.perf_counter() - t0) * 1000)
    print(f"portable search path (no FTS, 100 queries): p50 {percentile(portable, .5):.0f} ms, "
          f"p95 {percentile(portable, .95):.0f} ms")

    targets = rng.sample(sorted(set(texts)), args.precedents)
    library.precedents(paraphrase(rng, targets[0]))   # reads the term counts once
    precedent_ms, precedent_cpu, right = [], [], 0
    for original in targets:
        text = paraphrase(rng, original)
        t0, c0 = time.perf_counter(), time.process_time()
        found = library.precedents(text, limit=5)
        precedent_ms.append((time.perf_counter() - t0) * 1000)
        precedent_cpu.append((time.process_time() - c0) * 1000)
        right += bool(found) and found[0].hit.text == original
    print(f"precedents ({len(targets)} paraphrases, 3 words changed, top 5 with diffs): "
          f"wall p50 {percentile(precedent_ms, .5):.1f} ms, p95 {percentile(precedent_ms, .95):.1f} ms, "
          f"p99 {percentile(precedent_ms, .99):.1f} ms; CPU p50 {percentile(precedent_cpu, .5):.1f} ms, "
          f"p95 {percentile(precedent_cpu, .95):.1f} ms; right clause first in {right}/{len(targets)}")

    plain = work / "clauses.txt"
    with library.engine.connect() as connection:
        from sqlalchemy import select

        from app.library.db import clauses

        plain.write_text("\n".join(r[0] for r in connection.execute(select(clauses.c.text))), "utf-8")
    grep_ms = []
    for query, _options in mixed[:200]:
        pattern = query.split('"')[1] if '"' in query else query.split()[0].rstrip("*")
        t0 = time.perf_counter()
        subprocess.run(["grep", "-i", "-c", "--", pattern, str(plain)], capture_output=True)
        grep_ms.append((time.perf_counter() - t0) * 1000)
    print(f"grep -i over the same {counts['clauses']} clauses as plain text "
          f"({plain.stat().st_size / 1e6:.1f} MB, 200 queries, one pattern each, no ranking, "
          f"no accent folding): p50 {percentile(grep_ms, .5):.1f} ms, p95 {percentile(grep_ms, .95):.1f} ms")
    library.close()
    print(f"load average at end: {os.getloadavg()[0]:.2f}")
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
