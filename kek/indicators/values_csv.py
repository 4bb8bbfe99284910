"""Indicator values as CSV, the way German spreadsheet programs write it: read, check, write.

Format (docs/indicators.md): UTF-8 (with or without BOM), fields separated by ";", a header line
with the columns `indikator;jahr;wert;quelle;stand` in any order, numbers in German notation
("1.234,5": decimal comma, optional thousands points; "1234.5" is refused, not guessed), dates as
TT.MM.JJJJ or JJJJ-MM-TT. The whole file is checked before anything is written: one bad row
rejects the file, and every problem is named with its line. The download writes the same format,
so a downloaded file can be corrected and uploaded again.
"""

import csv
import datetime
import io
from dataclasses import dataclass
from decimal import Decimal

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import Site

from .csv_format import BOM, COLUMNS
from .models import Indicator, IndicatorValue, value_problems
from .numbers import parse_german

MAX_ROWS = 50_000


class ValuesFileError(Exception):
    """The file was not loaded; `problems` says why, one German sentence per problem."""

    def __init__(self, problems: list[str]):
        super().__init__("\n".join(problems))
        self.problems = problems


@dataclass(frozen=True)
class Row:
    line: int
    key: str
    year: int
    value: Decimal
    source: str
    as_of: datetime.date


@dataclass(frozen=True)
class ImportResult:
    created: int
    updated: int

    def __str__(self) -> str:
        return _("%(created)d Werte neu, %(updated)d Werte aktualisiert.") % {
            "created": self.created,
            "updated": self.updated,
        }


def parse_date(text: str) -> datetime.date | None:
    for pattern in ("%d.%m.%Y", "%Y-%m-%d"):
        try:
            return datetime.datetime.strptime(text.strip(), pattern).date()
        except ValueError:
            continue
    return None


def decode(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ValuesFileError(
            [_("Die Datei ist nicht in UTF-8 gespeichert. Speichern Sie sie als „CSV UTF-8“ und laden Sie sie erneut.")]
        ) from exc


def read(text: str, site: Site, today: datetime.date | None = None, editable: set[str] | None = None) -> list[Row]:
    """Every row of `text`, checked against `site`'s indicators (and, if given, the keys of those the
    uploader may edit); raises ValuesFileError with all problems."""
    today = today or timezone.localdate()
    reader = csv.reader(io.StringIO(text.removeprefix(BOM)), delimiter=";")
    header = [column.strip().lower() for column in next(reader, [])]
    if sorted(header) != sorted(COLUMNS):
        expected = ";".join(COLUMNS)
        raise ValuesFileError(
            [_("Zeile 1: Die Kopfzeile muss genau die Spalten %(columns)s enthalten.") % {"columns": expected}]
        )
    keys = set(Indicator.objects.of_site(site).values_list("key", flat=True))
    rows: list[Row] = []
    problems: list[str] = []
    seen: dict[tuple[str, int], int] = {}
    for fields in reader:
        line = reader.line_num
        if not any(f.strip() for f in fields):
            continue  # blank lines, as spreadsheets leave them at the end
        if len(rows) + len(problems) >= MAX_ROWS:
            problems.append(_("Die Datei hat mehr als %(count)d Zeilen.") % {"count": MAX_ROWS})
            break
        found = _row(line, fields, header, keys, today)
        if not isinstance(found, list) and editable is not None and found.key not in editable:
            found = [_("Den Indikator „%(key)s“ dürfen Sie nicht bearbeiten.") % {"key": found.key}]
        if isinstance(found, list):
            problems += [_("Zeile %(line)d: %(problem)s") % {"line": line, "problem": p} for p in found]
            continue
        earlier = seen.setdefault((found.key, found.year), line)
        if earlier != line:
            problems.append(
                _("Zeile %(line)d: Für „%(key)s“ steht das Jahr %(year)d schon in Zeile %(earlier)d.")
                % {"line": line, "key": found.key, "year": found.year, "earlier": earlier}
            )
            continue
        rows.append(found)
    if problems:
        raise ValuesFileError(problems)
    if not rows:
        raise ValuesFileError([_("Die Datei enthält keine Werte.")])
    return rows


def _row(line: int, fields: list[str], header: list[str], keys: set[str], today: datetime.date) -> Row | list[str]:
    if len(fields) != len(header):
        return [
            _("Die Zeile hat %(found)d Felder statt %(expected)d. Ist das Trennzeichen ein Semikolon?")
            % {"found": len(fields), "expected": len(header)}
        ]
    cell = {column: value.strip() for column, value in zip(header, fields, strict=True)}
    problems = []
    if cell["indikator"] not in keys:
        problems.append(_("Den Indikator „%(key)s“ gibt es auf dieser Site nicht.") % {"key": cell["indikator"]})
    year = int(cell["jahr"]) if cell["jahr"].isdigit() and len(cell["jahr"]) == 4 else None
    if year is None:
        problems.append(_("„%(text)s“ ist keine Jahreszahl (z. B. 2024).") % {"text": cell["jahr"]})
    value = parse_german(cell["wert"])
    if value is None:
        problems.append(
            _("„%(text)s“ ist keine Zahl in deutscher Schreibweise (z. B. 1234,5 oder 1.234,5).")
            % {"text": cell["wert"]}
        )
    as_of = parse_date(cell["stand"])
    if as_of is None:
        problems.append(_("„%(text)s“ ist kein Datum (TT.MM.JJJJ).") % {"text": cell["stand"]})
    if year is not None and as_of is not None:
        problems += value_problems(year, as_of, cell["quelle"], today)
    elif not cell["quelle"]:
        problems.append(_("Die Quelle fehlt; ein Wert ohne Quelle wird nicht übernommen."))
    if problems:
        return problems
    return Row(line, cell["indikator"], year, value, cell["quelle"], as_of)


@transaction.atomic
def write(rows: list[Row], site: Site) -> ImportResult:
    """Store checked rows: a year already in an indicator's series gets the file's value and source."""
    indicators = {i.key: i for i in Indicator.objects.of_site(site).filter(key__in={r.key for r in rows})}
    existing = {
        (v.indicator_id, v.year): v for v in IndicatorValue.objects.filter(indicator__in=list(indicators.values()))
    }
    created = updated = 0
    for row in rows:
        indicator = indicators[row.key]
        value = existing.get((indicator.pk, row.year))
        if value is None:
            IndicatorValue.objects.create(
                indicator=indicator, year=row.year, value=row.value, source=row.source, as_of=row.as_of
            )
            created += 1
        elif (value.value, value.source, value.as_of) != (row.value, row.source, row.as_of):
            value.value, value.source, value.as_of = row.value, row.source, row.as_of
            value.save(update_fields=["value", "source", "as_of"])
            updated += 1
    return ImportResult(created, updated)


def import_values(
    data: bytes, site: Site, today: datetime.date | None = None, editable: set[str] | None = None
) -> ImportResult:
    """Check the whole file, then write it in one transaction; nothing is written if a row is wrong."""
    return write(read(decode(data), site, today, editable), site)
