"""A note's cover metadata: number, date, marking, From/To/Subject, the drafter."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import Enum


class DocumentType(str, Enum):
    NOTE = "NOTE"
    COVER_NOTE = "COVER NOTE"
    I_A_ITEM_NOTE = "I/A ITEM NOTE"


@dataclass
class NoteMeta:
    number: str = ""                       # "6914/24"
    suffix: str = ""                       # "REV 1", "ADD 1", "COR 1" or ""
    date: date | None = None
    place: str = "Brussels"
    languages: list[str] = field(default_factory=lambda: ["en"])   # original language(s)
    marking: str | None = None          # "LIMITE" or None
    codes: list[str] = field(default_factory=list)
    doc_type: str = DocumentType.NOTE.value
    sender: str = ""                       # "From:"
    recipient: str = ""                    # "To:"
    subject: str = ""
    intro: str = ""
    interinstitutional_file: str = ""
    initials: str = ""                     # drafter's initials, "MR/mdc"
    directorate: str = ""                  # "JAI.B"
    # Who saves versions and tracked changes ("Presidency", a delegation): never a login name.
    drafter: str = ""

    @property
    def author(self) -> str:
        """The name put on versions, tracked changes and comments this side writes."""
        return self.drafter.strip() or self.sender.strip() or "Concordia"

    def to_json(self) -> dict:
        return {
            "number": self.number,
            "suffix": self.suffix,
            "date": self.date.isoformat() if self.date else None,
            "place": self.place,
            "languages": list(self.languages),
            "marking": self.marking,
            "codes": list(self.codes),
            "type": self.doc_type,
            "from": self.sender,
            "to": self.recipient,
            "subject": self.subject,
            "intro": self.intro,
            "interinstitutional_file": self.interinstitutional_file,
            "initials": self.initials,
            "directorate": self.directorate,
            "drafter": self.drafter,
        }

    @classmethod
    def from_json(cls, data: dict) -> NoteMeta:
        return cls(
            number=data.get("number", ""),
            suffix=data.get("suffix", ""),
            date=date.fromisoformat(data["date"]) if data.get("date") else None,
            place=data.get("place", ""),
            languages=list(data.get("languages", ["en"])),
            marking=data.get("marking"),
            codes=list(data.get("codes", [])),
            doc_type=data.get("type", DocumentType.NOTE.value),
            sender=data.get("from", ""),
            recipient=data.get("to", ""),
            subject=data.get("subject", ""),
            intro=data.get("intro", ""),
            interinstitutional_file=data.get("interinstitutional_file", ""),
            initials=data.get("initials", ""),
            directorate=data.get("directorate", ""),
            drafter=data.get("drafter", ""),
        )

    @property
    def full_number(self) -> str:
        """The number as printed: a revision carries its number inside ("6914/1/24 REV 1")."""
        if not self.suffix:
            return self.number
        word, _, count = self.suffix.partition(" ")
        if word == "REV" and count and "/" in self.number:
            serial, _, year = self.number.rpartition("/")
            return f"{serial}/{count}/{year} {self.suffix}"
        return f"{self.number} {self.suffix}"
