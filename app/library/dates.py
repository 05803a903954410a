"""Long dates as Council notes print them: "28 February 2024", "28 de febrero de 2024"."""

from __future__ import annotations

import re
from datetime import date

_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "enero"), ("february", "febrero"), ("march", "marzo"),
            ("april", "abril"), ("may", "mayo"), ("june", "junio"), ("july", "julio"),
            ("august", "agosto"), ("september", "septiembre", "setiembre"),
            ("october", "octubre"), ("november", "noviembre"), ("december", "diciembre"),
        ],
        start=1,
    )
    for name in names
}
_LONG = re.compile(r"(\d{1,2})\s+(?:de\s+)?([A-Za-zé]+)\s+(?:de\s+)?(\d{4})", re.IGNORECASE)


def parse_long_date(text: str) -> date | None:
    match = _LONG.search(text)
    if not match:
        return None
    month = _MONTHS.get(match.group(2).lower())
    if not month:
        return None
    try:
        return date(int(match.group(3)), month, int(match.group(1)))
    except ValueError:
        return None
