"""What an import found worth telling the user: warnings that name the place in the source."""

from __future__ import annotations

from dataclasses import dataclass, field

from app.i18n import _

#: How much of a block a warning quotes, so the user can find it without the line number.
QUOTE_LENGTH = 50


def short_quote(text: str, length: int = QUOTE_LENGTH) -> str:
    text = " ".join(text.split())
    return text if len(text) <= length else text[: length - 1].rstrip() + "…"


@dataclass(frozen=True)
class TextWarning:
    """One problem in the source: where it is (line, quote) and what it is."""

    message: str
    line: int | None = None        # 1-based line of the source, None for the whole file
    quote: str = ""

    def __str__(self) -> str:
        if self.line is None:
            return self.message
        if self.quote:
            place = _("line {line} (“{quote}”)").format(line=self.line, quote=self.quote)
        else:
            place = _("line {line}").format(line=self.line)
        return f"{place}: {self.message}"


@dataclass
class ImportReport:
    warnings: list[TextWarning] = field(default_factory=list)
    lines: int = 0
    encoding: str = "utf-8"
    #: Source line of each imported block (by block id), for reports about blocks.
    block_lines: dict[str, int] = field(default_factory=dict)
    #: The number a numbered paragraph had in the source ("7." → 7), by block id.
    block_numbers: dict[str, int] = field(default_factory=dict)
    #: One line per square bracket turned into bracket data (app.importer.brackets).
    brackets: list[str] = field(default_factory=list)

    def warn(self, message: str, line: int | None = None, quote: str = "") -> None:
        self.warnings.append(TextWarning(message, line, short_quote(quote) if quote else ""))
