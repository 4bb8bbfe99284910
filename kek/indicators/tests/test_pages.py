"""The public indicator pages: list, page per indicator with chart and tables, CSV download."""

import csv
import io
import itertools
import re
from decimal import Decimal

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext

from kek.indicators.numbers import parse_german

from .conftest import HOST, INDEX, make_indicator

pytestmark = pytest.mark.django_db

SERIES = [(2000, "95,5"), (2010, "80"), (2020, "1.234,25")]


def get(client, url: str, host: str = HOST):
    return client.get(url, HTTP_HOST=host)


def soup_of(response) -> BeautifulSoup:
    return BeautifulSoup(response.content.decode(), "html.parser")


def german(rows):
    return [(year, Decimal(str(parse_german(value)))) for year, value in rows]


def test_index_lists_the_sites_indicators_with_rating_and_latest_value(client, concept):
    make_indicator(concept, values=[(2020, "50")])  # -2,3 % a year where -2,0 % are needed
    make_indicator(concept, "erneuerbare", baseline=None, targets=[(2050, "100")])
    soup = soup_of(get(client, INDEX))
    cards = [re.sub(r"\s+", " ", c.get_text(" ")).strip() for c in soup.select(".kek-indicator-card")]
    assert len(cards) == 2
    assert "auf Kurs" in cards[0] and "Neuester Wert (2020): 50 Index (1990 = 100)" in cards[0]
    assert "keine Bewertung möglich" in cards[1] and "noch keine Werte" in cards[1]
    method = soup.find(id="methode").parent.get_text(" ")
    assert "mindestens 95 % der nötigen" in re.sub(r"\s+", " ", method)


def test_indicator_page_renders_as_a_german_page_with_one_h1(client, concept):
    make_indicator(concept, values=[(2020, "60")])
    response = get(client, INDEX + "co2/")
    assert response.status_code == 200
    soup = soup_of(response)
    assert soup.html["lang"] == "de"
    assert [h.get_text(strip=True) for h in soup.find_all("h1")] == ["CO₂-Emissionen in Westmecklenburg"]
    levels = [int(h.name[1]) for h in soup.find_all(re.compile(r"^h[1-6]$"))]
    assert all(b <= a + 1 for a, b in itertools.pairwise(levels)), levels
    links = [a["href"] for a in soup.select(".kek-indicator-links a")]
    assert links == ["/lebensraum/klima/klimaschutz/"]


def test_unknown_indicator_and_one_of_another_site_are_not_found(client, concept, second_concept):
    make_indicator(second_concept, "nur-dort")
    assert get(client, INDEX + "gibt-es-nicht/").status_code == 404
    assert get(client, INDEX + "nur-dort/").status_code == 404
    assert get(client, INDEX + "nur-dort/", host="zweiter.example").status_code == 200


def test_chart_shows_baseline_values_targets_and_projection(client, concept):
    make_indicator(concept, values=[(2000, "95"), (2010, "80")])
    soup = soup_of(get(client, INDEX + "co2/"))
    svg = soup.select_one("svg.kek-chart")
    assert svg["role"] == "img"
    assert svg.select_one("title").get_text() == "Diagramm: CO₂-Emissionen in Westmecklenburg"
    assert [c.title.get_text() for c in svg.select("circle.kek-chart__value")] == [
        "2000: 95 Index (1990 = 100)",
        "2010: 80 Index (1990 = 100)",
    ]
    assert svg.select_one("rect.kek-chart__baseline title").get_text() == "Ausgangswert 1990: 100 Index (1990 = 100)"
    assert [t.get_text() for t in svg.select(".kek-chart__target text")] == ["Ziel 2030: 45", "Ziel 2050: 15"]
    assert svg.select_one("polyline.kek-chart__target-path")["stroke-dasharray"]
    assert svg.select_one("polyline.kek-chart__projection")["stroke-dasharray"]
    description = svg.select_one("desc").get_text()
    assert "Ausgangswert 1990: 100" in description and "Ziel 2030: 45" in description
    assert "Bei gleichbleibender Entwicklung 2030:" in description


def test_chart_needs_nothing_the_content_security_policy_forbids(client, concept):
    make_indicator(concept, values=SERIES)
    response = get(client, INDEX + "co2/")
    policy = response["Content-Security-Policy"]
    assert "style-src 'self'" in policy and "unsafe-inline" not in policy
    main = soup_of(response).main
    svg = main.select_one("svg.kek-chart")
    assert svg.find_all(["style", "script", "foreignObject"]) == []
    inline = [
        (el.name, attr) for el in main.find_all(True) for attr in el.attrs if attr == "style" or attr.startswith("on")
    ]
    assert inline == []
    numbers = [
        float(n)
        for n in re.findall(r'\s(?:points|x|y|cx|cy|x1|x2|y1|y2)="([^"]+)"', str(svg))
        for n in re.split(r"[ ,]", n)
    ]
    assert numbers and all(0 <= n <= 560 for n in numbers)  # decimal points, not German commas, in the geometry


def test_table_holds_exactly_the_series_of_the_database(client, concept):
    indicator = make_indicator(concept, values=SERIES)
    soup = soup_of(get(client, INDEX + "co2/"))
    rows = [
        [cell.get_text(strip=True) for cell in tr.find_all(["th", "td"])]
        for tr in soup.select(".kek-indicator-values tbody tr")
    ]
    expected = [
        [str(v.year), f"{v.value:f}".rstrip("0").rstrip(".").replace(".", ","), v.source, v.as_of.strftime("%d.%m.%Y")]
        for v in indicator.values.order_by("year")
    ]
    expected = [[y, "1.234,25" if w == "1234,25" else w, s, d] for y, w, s, d in expected]
    assert rows == expected
    targets = [
        [cell.get_text(strip=True) for cell in tr.find_all(["th", "td"])]
        for tr in soup.select(".kek-indicator-targets tbody tr")
    ]
    assert targets == [["2030", "45", "KEK 2030"], ["2050", "15", "KEK 2030"]]


def test_without_values_the_page_says_so_and_offers_no_download(client, concept):
    make_indicator(concept, baseline=None, targets=[(2050, "100")])
    soup = soup_of(get(client, INDEX + "co2/"))
    assert soup.select_one(".kek-empty").get_text(strip=True) == "noch keine Werte"
    assert "keine Bewertung möglich" in soup.select_one(".kek-indicator-rating").get_text()
    assert not soup.find("a", href=re.compile(r"/csv/$"))


def test_csv_download_reads_like_a_spreadsheet_program_reads_it(client, concept):
    indicator = make_indicator(concept, values=SERIES)
    indicator.values.filter(year=2010).update(source="Statistisches Amt Mecklenburg-Vorpommern; Gemeindeübersicht")
    response = get(client, INDEX + "co2/csv/")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="indikator-co2.csv"'
    raw = response.content
    assert raw.startswith(b"\xef\xbb\xbf")  # BOM: spreadsheet programs then read UTF-8
    text = raw.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))
    assert rows[0] == ["indikator", "jahr", "wert", "quelle", "stand"]
    assert [(int(r[1]), parse_german(r[2])) for r in rows[1:]] == german(SERIES)
    assert rows[2][3] == "Statistisches Amt Mecklenburg-Vorpommern; Gemeindeübersicht"  # quoted, umlaut intact
    assert rows[1][4] == "30.06.2001"


def test_page_costs_the_same_queries_for_ten_times_the_values(client, concept):
    def queries(url: str) -> int:
        get(client, url)  # warm Wagtail's site cache
        with CaptureQueriesContext(connection) as captured:
            assert get(client, url).status_code == 200
        return len(captured)

    make_indicator(concept, "kurz", values=[(2000 + i, str(90 - i)) for i in range(3)])
    make_indicator(concept, "lang", values=[(1990 + i, str(99 - i)) for i in range(30)])
    assert queries(INDEX + "kurz/") == queries(INDEX + "lang/")
    assert queries(INDEX + "kurz/csv/") == queries(INDEX + "lang/csv/")
    few = queries(INDEX)
    make_indicator(concept, "noch-eins", values=[(1990 + i, str(99 - i)) for i in range(30)])
    assert queries(INDEX) == few
