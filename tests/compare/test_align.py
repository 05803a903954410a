"""Pairing blocks without shared ids: anchors, stretches between them, then anywhere."""

from app.compare.align import align_blocks
from app.model import Block, BlockKind, TextRun


def _blocks(*texts):
    return [Block(BlockKind.NUMBERED, [TextRun(t)]) for t in texts]


def test_repeated_paragraphs_pair_with_their_neighbours():
    repeated = "Delegations are invited to send their written comments by the deadline."
    old = _blocks("Alpha opening clause of the declaration on drugs.", repeated,
                  "Bravo clause on firearms trafficking and smuggling.", repeated,
                  "Charlie closing clause of the declaration.")
    new = _blocks("Alpha opening clause of the declaration on drugs.",
                  repeated.replace("written", "detailed written"),
                  "Bravo clause on firearms trafficking and smuggling.", repeated,
                  "Charlie closing clause of the declaration.")
    assert align_blocks(old, new, use_ids=False) == [(0, 0), (1, 1), (2, 2), (3, 3), (4, 4)]


def test_moved_and_reworded_paragraph_is_found_anywhere():
    old = _blocks(*[f"Paragraph {n} about cooperation topic number {n} in detail." for n in
                    ("one", "two", "three", "four", "five", "six")],
                  "Recall the role of Europol, Eurojust and Frontex in joint operations.")
    new = [old[6], *old[:6]]
    new = _blocks("Recall the role of Europol, Eurojust, Frontex and EMCDDA in joint operations.",
                  *(b.text for b in new[1:]))
    pairs = align_blocks(old, new, use_ids=False)
    assert (6, 0) in pairs and len(pairs) == 7


def test_unrelated_paragraph_stays_unpaired():
    old = _blocks("We reaffirm our commitment to the rule of law.")
    new = _blocks("Ports and airports need better risk profiling.")
    assert align_blocks(old, new, use_ids=False) == []
