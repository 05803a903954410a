"""Document properties of every Word file Concordia writes: nobody's login name, no stale dates.

The reference document comes with the properties of the file it was made from (a 2013
creation date, "Microsoft Macintosh Word" as the application). A circulated file must say
only what is true: written by Concordia, now, with the title and subject of the note, and —
when it carries internal comments — that it is not for circulation.
"""

from __future__ import annotations

from datetime import datetime, timezone

from app.i18n import ngettext, translator

from .ooxml import clean_text, w

APP_PART = "/docProps/app.xml"

_APP_XML = (
    "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
    "<Application>Concordia</Application><DocSecurity>0</DocSecurity>"
    "<SharedDoc>false</SharedDoc><LinksUpToDate>false</LinksUpToDate>"
    "<HyperlinksChanged>false</HyperlinksChanged></Properties>"
)


def internal_label(language: str) -> str:
    # UNVERIFIED: how a delegation marks its own internal remarks; no Council source.
    return translator(language).pgettext("export", "[INTERNAL — not for circulation]")


def internal_warning(count: int) -> str:
    """The UI-language warning given with a file that holds internal comments."""
    return ngettext("This file holds {n} internal comment: do not circulate it.",
                    "This file holds {n} internal comments: do not circulate it.", count).format(n=count)


def set_document_properties(document, *, title: str, subject: str, language: str,
                            internal: bool = False, now: datetime | None = None) -> None:
    """Title, subject, language, author "Concordia", created = modified = now (UTC)."""
    when = (now or datetime.now(timezone.utc)).replace(microsecond=0)
    properties = document.core_properties
    if internal:
        marker = internal_label(language)
        title, subject = f"{marker} {title}".strip(), f"{marker} {subject}".strip()
    properties.title = clean_text(title)[:255]
    properties.subject = clean_text(subject)[:255]
    properties.author = properties.last_modified_by = "Concordia"
    properties.language = {"en": "en-GB", "es": "es-ES"}.get(language, language)
    properties.comments = ""
    properties.keywords = ""
    properties.category = ""
    properties.revision = 1
    # python-docx writes naive datetimes as UTC ("…Z").
    properties.created = properties.modified = when.astimezone(timezone.utc).replace(tzinfo=None)
    _replace_app_properties(document)
    # Proofing language of the text, so Word checks Spanish spelling in a Spanish export.
    for lang in document.styles.element.iter(w("lang")):
        lang.set(w("val"), properties.language)


def _replace_app_properties(document) -> None:
    """The template's app.xml names another program and its statistics: write our own."""
    for part in document.part.package.iter_parts():
        if str(part.partname) == APP_PART:
            part._blob = _APP_XML.encode("utf-8")
            return
