"""Small readers of an imported draft, shared by the importer tests."""

from __future__ import annotations

from app.model import Block, Draft, FootnoteRef, TextRun


def around_footnote(block: Block, footnote_id: str) -> tuple[str, str]:
    """The block's plain text before and after the reference to `footnote_id`."""
    before: list[str] = []
    after: list[str] = []
    target = before
    for item in block.content:
        if isinstance(item, FootnoteRef):
            if item.footnote_id == footnote_id:
                target = after
            continue
        target.append(item.text)
    assert target is after, f"footnote {footnote_id} not in block"
    return "".join(before), "".join(after)


def numbered_footnotes(draft: Draft) -> list[tuple[int, Block, str]]:
    """(number, block holding the reference, footnote text) in reading order."""
    result = []
    for number, footnote_id in enumerate(draft.footnote_order(), start=1):
        block = next(b for b in draft.blocks if footnote_id in b.footnote_ids)
        result.append((number, block, draft.footnotes[footnote_id].text))
    return result


def runs(block: Block) -> list[TextRun]:
    return [item for item in block.content if isinstance(item, TextRun)]
