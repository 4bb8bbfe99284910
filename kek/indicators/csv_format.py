"""The CSV format of indicator values, shared by the import and the public download.

UTF-8 with BOM (so spreadsheet programs recognise the umlauts), ";" between fields (what German
spreadsheet programs expect), numbers with a decimal comma, dates as TT.MM.JJJJ.
"""

import csv
import io
from collections.abc import Iterable
from typing import Protocol

from .numbers import format_german

COLUMNS = ["indikator", "jahr", "wert", "quelle", "stand"]
BOM = "\ufeff"


class SeriesValue(Protocol):
    year: int
    value: object
    source: str
    as_of: object


def export(key: str, values: Iterable[SeriesValue]) -> str:
    """The series of indicator `key` in the import format, so it can be corrected and uploaded again."""
    out = io.StringIO()
    out.write(BOM)
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for v in values:
        writer.writerow([key, v.year, format_german(v.value), v.source, v.as_of.strftime("%d.%m.%Y")])
    return out.getvalue()
