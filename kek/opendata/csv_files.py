"""CSV as German spreadsheet programs open it: UTF-8 with BOM (umlauts), ";" between fields, a
decimal comma, CRLF line ends, fields with line breaks or separators quoted.

A text cell that starts with = + - @ (or a tab or carriage return) would be run as a formula by a
spreadsheet program ("CSV injection"); it gets a leading apostrophe, as OWASP recommends, so it is
shown as the text it is. Numbers are never changed (−5 stays a number).
"""

import csv
import datetime
import io

from kek.indicators.numbers import format_german

from .datasets import Concept, Dataset

BOM = "\ufeff"
DELIMITER = ";"
LIST_SEPARATOR = ", "
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nein"
    if isinstance(value, int):
        return str(value)  # years and positions without a thousands separator
    if isinstance(value, float):
        return format_german(value)
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, list):
        value = LIST_SEPARATOR.join(str(v) for v in value)
    text = str(value)
    return "'" + text if text.startswith(FORMULA_START) else text


def to_csv(dataset: Dataset, concept: Concept) -> bytes:
    out = io.StringIO()
    out.write(BOM)
    writer = csv.writer(out, delimiter=DELIMITER, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow([c.name for c in dataset.columns])
    for record in dataset.records(concept):
        writer.writerow([cell(record[c.name]) for c in dataset.columns])
    return out.getvalue().encode("utf-8")
