"""CSV import of values: German notation, all or nothing, every problem named with its line."""

import datetime
from decimal import Decimal

import pytest

from kek.indicators.models import IndicatorValue
from kek.indicators.numbers import format_german, parse_german
from kek.indicators.values_csv import ValuesFileError, import_values

from .conftest import make_indicator

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2025, 3, 1)
HEADER = "indikator;jahr;wert;quelle;stand\r\n"


def csv_bytes(*lines: str, bom: bool = True) -> bytes:
    return (("\ufeff" if bom else "") + HEADER + "".join(line + "\r\n" for line in lines)).encode("utf-8")


def series(indicator) -> list[tuple[int, Decimal, str]]:
    return list(indicator.values.order_by("year").values_list("year", "value", "source"))


@pytest.mark.parametrize(
    ("text", "number"),
    [("1.234,5", "1234.5"), ("1234,5", "1234.5"), ("-0,75", "-0.75"), ("45", "45"), ("1.000.000", "1000000")],
)
def test_german_numbers_are_read(text, number):
    assert parse_german(text) == Decimal(number)


@pytest.mark.parametrize("text", ["1234.5", "1,234.5", "1.23,4", "12,", "", "zwölf", "1 234"])
def test_other_notations_are_refused_not_guessed(text):
    assert parse_german(text) is None


def test_numbers_are_written_as_they_are_read():
    for number in ["1234.5", "-0.75", "45", "1000000", "0.0001"]:
        assert parse_german(format_german(Decimal(number))) == Decimal(number)
    assert format_german(Decimal("1234.5000")) == "1.234,5"


def test_a_good_file_is_loaded_with_its_sources(concept):
    indicator = make_indicator(concept)
    data = csv_bytes(
        "co2;2015;71,5;Statistisches Amt M-V;31.12.2016",
        'co2;2020;1.234,25;"Energiebericht; Tabelle 3 (Übersicht)";2021-06-30',
        ";;;;",  # the empty line a spreadsheet leaves at the end
    )
    result = import_values(data, concept.site, today=TODAY)
    assert (result.created, result.updated) == (2, 0)
    assert series(indicator) == [
        (2015, Decimal("71.5"), "Statistisches Amt M-V"),
        (2020, Decimal("1234.25"), "Energiebericht; Tabelle 3 (Übersicht)"),
    ]
    assert indicator.values.get(year=2020).as_of == datetime.date(2021, 6, 30)


def test_a_file_without_bom_and_with_columns_in_another_order_is_loaded(concept):
    indicator = make_indicator(concept)
    data = b"stand;quelle;wert;jahr;indikator\n30.06.2021;Amt;70;2020;co2\n"
    assert import_values(data, concept.site, today=TODAY).created == 1
    assert series(indicator) == [(2020, Decimal("70"), "Amt")]


def test_one_bad_row_rejects_the_whole_file_and_every_problem_is_named(concept):
    indicator = make_indicator(concept, values=[(2010, "80")])
    before = series(indicator)
    data = csv_bytes(
        "co2;2015;71,5;Statistisches Amt M-V;31.12.2016",  # line 2: good, but must not be written either
        "co2;2016;1234.5;Statistisches Amt M-V;31.12.2017",  # line 3: English number
        "co2;2017;70;;31.12.2018",  # line 4: no source
        "methan;2018;12;Amt;31.12.2019",  # line 5: unknown indicator
        "co2;2019;68;Amt;01.01.2031",  # line 6: date in the future
        "co2;2015;71;Amt;31.12.2016",  # line 7: 2015 again
        "co2;2019",  # line 8: too few fields
        "co2;2024;60;Amt;31.12.2023",  # line 9: value for a year after its date
    )
    with pytest.raises(ValuesFileError) as error:
        import_values(data, concept.site, today=TODAY)
    assert error.value.problems == [
        "Zeile 3: „1234.5“ ist keine Zahl in deutscher Schreibweise (z. B. 1234,5 oder 1.234,5).",
        "Zeile 4: Die Quelle fehlt; ein Wert ohne Quelle wird nicht übernommen.",
        "Zeile 5: Den Indikator „methan“ gibt es auf dieser Site nicht.",
        "Zeile 6: Das Datum 01.01.2031 liegt in der Zukunft.",
        "Zeile 7: Für „co2“ steht das Jahr 2015 schon in Zeile 2.",
        "Zeile 8: Die Zeile hat 2 Felder statt 5. Ist das Trennzeichen ein Semikolon?",
        "Zeile 9: Ein Wert für 2024 kann am 31.12.2023 noch nicht festgestanden haben.",
    ]
    assert series(indicator) == before
    assert IndicatorValue.objects.filter(indicator__site=concept.site).count() == 1


def test_a_later_file_corrects_the_value_of_a_year(concept):
    indicator = make_indicator(concept, values=[(2010, "80")])
    result = import_values(csv_bytes("co2;2010;79,5;Korrigierter Bericht;01.02.2012"), concept.site, today=TODAY)
    assert (result.created, result.updated) == (0, 1)
    assert series(indicator) == [(2010, Decimal("79.5"), "Korrigierter Bericht")]
    again = import_values(csv_bytes("co2;2010;79,5;Korrigierter Bericht;01.02.2012"), concept.site, today=TODAY)
    assert (again.created, again.updated) == (0, 0)


def test_another_sites_indicator_is_unknown_here(concept, second_concept):
    make_indicator(second_concept, "nur-dort")
    with pytest.raises(ValuesFileError) as error:
        import_values(csv_bytes("nur-dort;2020;1;Amt;01.01.2021"), concept.site, today=TODAY)
    assert error.value.problems == ["Zeile 2: Den Indikator „nur-dort“ gibt es auf dieser Site nicht."]


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (
            "indikator;jahr;wert;quelle;stand\nco2;2020;5;Amt für Statistik;01.01.2021\n".encode("cp1252"),
            "nicht in UTF-8",
        ),
        (b"indikator,jahr,wert,quelle,stand\nco2,2020,5,Amt,01.01.2021\n", "Zeile 1: Die Kopfzeile"),
        (b"", "Zeile 1: Die Kopfzeile"),
        (HEADER.encode(), "keine Werte"),
        (b"indikator;jahr;wert;quelle;stand\nco2;20;5;Amt;01.01.2021\n", "Zeile 2: „20“ ist keine Jahreszahl"),
        (b"indikator;jahr;wert;quelle;stand\nco2;2020;5;Amt;31.02.2021\n", "Zeile 2: „31.02.2021“ ist kein Datum"),
    ],
)
def test_files_that_cannot_be_read_are_refused_politely(concept, data, problem):
    make_indicator(concept)
    with pytest.raises(ValuesFileError) as error:
        import_values(data, concept.site, today=TODAY)
    assert problem in str(error.value)
    assert IndicatorValue.objects.filter(indicator__site=concept.site).count() == 0
