"""Large, realistic inputs for benchmarks: a 300-page Council note in the seeds' markdown.

    from benchmarks.generate import make_large_markdown, make_large_draft
    python benchmarks/generate.py OUT.md [--pages 300] [--words 150000] [--footnotes 500]

The text reads like the seeds: a cover (number, codes, From/To/Subject, intro), a bold
title, then numbered sections with preamble and operative clauses, "WE ENCOURAGE" lead-ins
with bullets and ❖ sub-items, numbered paragraphs and plain paragraphs. Footnote markers are
`<sup>N</sup>`; each page ends with `---` and the texts of its footnotes, as in seed 000.
Deterministic for a given seed.
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.model import Draft  # noqa: E402

ACTORS = [
    "the EU and CELAC", "both regions", "Member States", "competent authorities",
    "law enforcement agencies", "judicial authorities", "customs agencies", "civil society",
    "the scientific community", "regional organisations", "national drug observatories",
    "financial intelligence units", "port authorities", "the Mechanism",
]
VERBS_OPERATIVE = ["REAFFIRM", "RECOGNISE", "COMMIT", "AGREE", "NOTE", "UNDERLINE", "WELCOME",
                   "STRESS", "SUPPORT", "ACKNOWLEDGE"]
PARTICIPLES = ["HAVING MET", "RECALLING", "NOTING", "BEARING IN MIND", "RECOGNISING",
               "CONSIDERING", "EMPHASISING", "ACKNOWLEDGING"]
NUMBERED_VERBS = ["Reiterate", "Affirm", "Recall", "Highlight", "Undertake to", "Welcome",
                  "Encourage", "Call for", "Acknowledge", "Recognise"]
OBJECTS = [
    "bi-regional cooperation on drug policies", "the principle of common and shared "
    "responsibility", "a balanced, comprehensive, integrated and evidence-based approach",
    "the exchange of information and best practices", "operational and technical cooperation",
    "the prevention of substance use disorders", "alternative development programmes",
    "the fight against money laundering", "the links between drug trafficking and firearms "
    "trafficking", "early warning systems on new psychoactive substances",
    "the protection of the environment and biodiversity", "access to treatment and recovery "
    "services", "the dismantling of illicit laboratories", "asset recovery and confiscation",
    "the gender perspective in drug-related policies", "the human rights of all individuals",
    "the three international drug control conventions", "joint investigation teams",
    "the analysis of risk profiles in ports and airports", "capacity building and training",
]
QUALIFIERS = [
    "in full conformity with international law", "in accordance with national legislation",
    "with full respect for the sovereignty of States", "at multilateral, regional and national "
    "level", "through existing operational platforms such as EMPACT and CLASI",
    "within programmes such as COPOLAD III and EL PAcCTO 2.0", "with a focus on high-risk "
    "criminal networks", "taking into account gender-specific needs and vulnerabilities",
    "as set out in the 2030 Agenda for Sustainable Development", "in close cooperation with "
    "Europol, Ameripol and Interpol", "on the basis of the most recent scientific evidence",
]
PURPOSES = [
    "to reduce health and social vulnerabilities", "to strengthen citizen security",
    "to counter all aspects of the world drug problem", "to protect the well-being of society "
    "and of the individual", "to undermine the capabilities of criminal organisations",
    "to guarantee the success of investigations", "to enhance healthy environments and "
    "lifestyles", "to give back to the legal economy the confiscated criminal assets",
]
FOOTNOTE_TEXTS = [
    "CELAC recalls its position on measures that hinder international cooperation.",
    "Hereinafter, referred as \"The Mechanism\".",
    "As stated in CND Resolution {n}/2 on strengthening international cooperation.",
    "UNODC/WHO International Standards for Drug Use Prevention, edition {n}.",
    "<https://www.unodc.org/documents/commissions/CND/session_{n}.pdf>",
    "[https://www.emcdda.europa.eu/publications/report\\_{n}](https://www.emcdda.europa.eu/"
    "publications/report_{n})",
    "See the EU Drugs Strategy and Action Plan (2021-2025), point {n}.",
]


class _Writer:
    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.out: list[str] = []
        self.words = 0
        self.numbered = 0
        self.footnote = 0
        self.page_notes: list[int] = []

    def clause(self) -> str:
        r = self.rng
        parts = [r.choice(OBJECTS), r.choice(QUALIFIERS)]
        if r.random() < 0.6:
            parts.append(r.choice(PURPOSES))
        if r.random() < 0.4:
            parts.append("involving " + r.choice(ACTORS) + " and " + r.choice(ACTORS))
        return ", ".join(parts)

    def sentence(self, clauses: int) -> str:
        return "; ".join(self.clause() for _ in range(clauses))

    def marker(self, wanted: bool) -> str:
        if not wanted:
            return ""
        self.footnote += 1
        self.page_notes.append(self.footnote)
        return f"<sup>{self.footnote}</sup>"

    def emit(self, text: str) -> None:
        self.out.append(text)
        self.out.append("")
        self.words += len(text.split())


def make_large_markdown(
    pages: int = 300, words: int = 150_000, footnotes: int = 500, seed: int = 1
) -> str:
    """A Council note of about `words` words over `pages` pages with `footnotes` footnotes."""
    rng = random.Random(seed)
    w = _Writer(rng)
    w.out += [
        "Council of the  ", "European Union", "", "Brussels, 28 February 2024  ", "(OR. en)", "",
        "6914/24", "", "CORDROGUE 26  ", "COLAC 27  ", "SAN 105  ", "JAI 322", "", "**NOTE**", "",
        "---", "", "From:\tGeneral Secretariat of the Council", "To:\tDelegations",
        "Subject:\tEU-CELAC Coordination and Cooperation Mechanism on Drugs - Benchmark "
        "declaration", "", "---", "",
        "Delegations will find in the Annex the benchmark declaration endorsed at the High-Level "
        "Meeting of the EU-CELAC Coordination and Cooperation Mechanism on Drugs.", "",
        "\\_\\_\\_\\_\\_", "",
        "**Benchmark declaration of the  ", "XXIV<sup>th</sup> High Level meeting of the  ",
        "EU-CELAC Coordination and Cooperation Mechanism on Drugs**", "",
    ]
    per_page = max(1, words // max(pages, 1))
    # Spread the footnotes evenly: page p ends with the footnotes due by then.
    due = [round(footnotes * (p + 1) / pages) for p in range(pages)]
    section = 0
    for page in range(pages):
        needed = due[page] - w.footnote
        slots = 0
        while w.words < per_page * (page + 1):       # cumulative, so the total stays on target
            want_marker = needed > 0 and rng.random() < 0.5
            roll = rng.random()
            if roll < 0.05:
                section += 1
                heading = f"{section}. Addressing {rng.choice(OBJECTS)}, {rng.choice(QUALIFIERS)}"
                w.emit(f"## **{heading}**" if rng.random() < 0.5 else f"**{heading}:**")
                continue
            if roll < 0.15:
                text = f"{rng.choice(PARTICIPLES)} {w.sentence(2)}"
            elif roll < 0.40:
                text = f"WE {rng.choice(VERBS_OPERATIVE)} {w.sentence(rng.randint(1, 3))}"
            elif roll < 0.60:
                w.emit("**WE ENCOURAGE**")
                for _ in range(rng.randint(2, 5)):
                    item = _upper_first(w.sentence(rng.randint(1, 2)))
                    marker = w.marker(needed - slots > 0 and rng.random() < 0.3)
                    slots += bool(marker)
                    w.out.append(f"- {item}.{marker}")
                    w.words += len(item.split())
                    if rng.random() < 0.2:
                        for _ in range(rng.randint(1, 3)):
                            sub = _upper_first(w.clause())
                            w.out.append(f"  - ❖ {sub}.")
                            w.words += len(sub.split())
                w.out.append("")
                continue
            elif roll < 0.85:
                w.numbered += 1
                text = (f"{w.numbered}. {rng.choice(NUMBERED_VERBS)} "
                        f"{w.sentence(rng.randint(1, 2))}")
            else:
                text = f"The Parties note that {w.sentence(rng.randint(1, 3))}"
            marker = w.marker(want_marker and needed - slots > 0)
            slots += bool(marker)
            if marker and rng.random() < 0.5:
                head, _, tail = text.partition(", ")
                text = f"{head}{marker}, {tail}." if tail else f"{text}{marker}."
            else:
                text = f"{text}.{marker}"
            if rng.random() < 0.1:
                first, _, rest = text.partition(" ")
                text = f"**{first}** {rest}" if first.isupper() else text
            w.emit(text)
        while w.footnote < due[page]:           # a page with too few blocks for its footnotes
            w.emit(f"WE NOTE {w.sentence(1)}.{w.marker(True)}")
        w.out += ["---", ""]
        for number in w.page_notes:
            text = rng.choice(FOOTNOTE_TEXTS).format(n=number)
            w.out += [f"<sup>{number}</sup> {text}", ""]
        w.page_notes = []
    return "\n".join(w.out)


def _upper_first(text: str) -> str:
    return text[:1].upper() + text[1:]


def make_large_draft(
    pages: int = 300, words: int = 150_000, footnotes: int = 500, seed: int = 1
) -> Draft:
    """The same note imported: a draft with ~150 000 words and `footnotes` footnotes."""
    from app.importer import import_text

    draft, _report = import_text(make_large_markdown(pages, words, footnotes, seed))
    return draft


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Write a large Council note in markdown.")
    parser.add_argument("out", type=Path)
    parser.add_argument("--pages", type=int, default=300)
    parser.add_argument("--words", type=int, default=150_000)
    parser.add_argument("--footnotes", type=int, default=500)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    text = make_large_markdown(args.pages, args.words, args.footnotes, args.seed)
    args.out.write_text(text, encoding="utf-8")
    print(f"{args.out}: {len(text.split())} words, {text.count(chr(10)) + 1} lines")
    return 0


if __name__ == "__main__":
    sys.exit(main())
