"""The lead-in rule: bold as printed, and printed bold read back is not the author's bold."""

from app.model import BlockKind, FootnoteRef, TextRun
from app.model.lead_in import lead_in_length, with_lead_in_bold, without_lead_in_bold


def test_lead_in_of_recitals_and_clauses_only():
    assert lead_in_length(BlockKind.PREAMBLE, "HAVING MET in La Paz") == len("HAVING MET")
    assert lead_in_length(BlockKind.OPERATIVE, "REAFIRMAMOS, la importancia") == len("REAFIRMAMOS")
    assert lead_in_length(BlockKind.NUMBERED, "WE REAFFIRM the") == 0
    assert lead_in_length(BlockKind.OPERATIVE, "We reaffirm the") == 0


def test_bold_on_export_and_off_on_reading_back():
    content = [TextRun("WE REAFFIRM the "), TextRun("Mechanism", italic=True), FootnoteRef("f")]
    printed = with_lead_in_bold(BlockKind.OPERATIVE, content)
    assert printed[:2] == [TextRun("WE REAFFIRM", bold=True), TextRun(" the ")]
    assert without_lead_in_bold(BlockKind.OPERATIVE, printed) == content


def test_the_authors_bold_is_kept():
    all_bold = [TextRun("WE REAFFIRM the importance", bold=True)]
    assert without_lead_in_bold(BlockKind.OPERATIVE, all_bold) == all_bold
    alone = [TextRun("WE ENCOURAGE", bold=True)]
    assert without_lead_in_bold(BlockKind.OPERATIVE, alone) == alone
