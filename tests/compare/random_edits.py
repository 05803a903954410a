"""Random word-level edits of a paragraph, for the property tests of anchor mapping."""

from __future__ import annotations

import random
import re

VOCABULARY = ["the", "data", "of", "protection", "personal", "and", "regard", "new", ",", "fully"]


def random_edit(rng: random.Random, text: str, longest_delete: int = 6) -> str:
    """1–4 insertions, deletions or replacements of words, drawn from words the text uses."""
    tokens = re.findall(r"\w+|\s+|[^\w\s]", text)
    for _ in range(rng.randint(1, 4)):
        at = rng.randrange(len(tokens) + 1)
        action = rng.choice(["insert", "delete", "replace"])
        if action == "insert" or not tokens:
            tokens[at:at] = [" ", rng.choice(VOCABULARY), " "]
        elif action == "delete":
            del tokens[at:at + rng.randint(1, longest_delete)]
        else:
            tokens[at:at + 1] = [rng.choice(VOCABULARY)]
    return "".join(tokens)
