"""Search: German inflection and compounds, umlaut spellings, facets, and hostile input.

Runs on SQLite and on PostgreSQL in CI; the matching is the same on both by design.
"""

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Site

from kek.search.query import search

pytestmark = pytest.mark.django_db


def search_here(query: str, filters: dict):
    return search(query, filters, Site.objects.get(is_default_site=True))


def hits(query: str, **filters) -> list:
    return search_here(query, filters).hits


def texts(query: str) -> list[str]:
    return [f"{h.entry.title} {h.entry.body}" for h in hits(query)]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Schulen", "Schule"),
        ("Radwege", "Radweg"),
        ("Breitband", "Breitbandversorgung"),
        ("Ärzte", "Ärztehäuser"),
        ("Oepnv", "ÖPNV"),
        ("oepnv", "ÖPNV-"),
        ("Verbindung", "Verbindungen"),
        ("Strasse", "Straßenwegenetzes"),
    ],
)
def test_inflections_compounds_and_umlaut_spellings_are_found(query, expected):
    assert any(expected in text for text in texts(query)), (query, texts(query)[:5])


def test_ranking_prefers_titles():
    first = hits("Breitband")[0].entry
    assert "Breitband" in first.title


def test_every_level_is_searchable():
    assert {"goal", "measure", "running"} <= {h.entry.kind for h in hits("Tourismus")}
    assert {"approach", "measure", "running"} <= {h.entry.kind for h in hits("Marketing")}
    assert {"place"} <= {h.entry.kind for h in hits("Lübz")}
    assert {h.entry.kind for h in hits("Digitalisierung")} >= {"theme", "measure"}


def test_facet_counts_match_the_hits_and_filters_combine():
    result = search_here("Schule", {})
    by_kind: dict[str, int] = {}
    for hit in result.hits:
        by_kind[hit.entry.kind] = by_kind.get(hit.entry.kind, 0) + 1
    assert result.counts["art"] == by_kind
    narrowed = search_here("Schule", {"art": "measure", "feld": "lebenswerte-orte"})
    assert narrowed.total == result.counts["feld"]["lebenswerte-orte"] - sum(
        1 for h in result.hits if h.entry.field_slug == "lebenswerte-orte" and h.entry.kind != "measure"
    )
    assert narrowed.total > 0
    assert all(h.entry.kind == "measure" and h.entry.field_slug == "lebenswerte-orte" for h in narrowed.hits)
    themed = search_here("Breitband", {"thema": "digitalisierung"})
    assert themed.total > 0 and themed.total <= search_here("Breitband", {}).total


def test_search_page_keeps_filters_in_the_url_and_marks_matches(client):
    response = client.get("/suche/", {"q": "Breitband", "thema": "digitalisierung"})
    assert response.status_code == 200
    soup = BeautifulSoup(response.content.decode(), "html.parser")
    assert soup.select(".kek-hit mark")
    active = soup.select_one('.kek-facet a[aria-current="true"]')
    assert "thema=digitalisierung" not in active["href"]  # choosing it again removes it
    assert all("q=Breitband" in a["href"] for a in soup.select(".kek-facet a"))
    assert soup.select_one(".kek-hit__trail")


def test_no_results_page_gives_hints(client):
    soup = BeautifulSoup(client.get("/suche/", {"q": "Raumschiffhafen"}).content.decode(), "html.parser")
    assert "Keine Treffer" in soup.main.get_text()
    assert "Prüfen Sie die Schreibweise" in soup.main.get_text()


@pytest.mark.parametrize(
    "query",
    [
        "x" * 5000,
        "'; DROP TABLE search_searchentry; --",
        "<script>alert('x')</script>",
        "?!…–„“%_*",
        "",
        "   ",
        "a",
        "%",
        "Schule " * 50,
    ],
)
def test_hostile_and_odd_queries_get_a_proper_page(client, query):
    response = client.get("/suche/", {"q": query, "art": "<b>", "ziel": "'1 OR 1=1", "seite": "-5"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "<script>alert" not in html
    assert "<b>" not in html.split("<main", 1)[1]


def test_suggestions_offer_titles_while_typing(client):
    data = client.get("/suche/vorschlaege/", {"q": "Breitb"}).json()
    assert any("Breitband" in s for s in data["suggestions"])
    assert client.get("/suche/vorschlaege/", {"q": "x"}).json() == {"suggestions": []}


def test_search_query_count_does_not_grow_with_hits(client):
    client.get("/suche/", {"q": "Maßnahmen"})
    with CaptureQueriesContext(connection) as few:
        client.get("/suche/", {"q": "Raumschiffhafen Breitband"})
    with CaptureQueriesContext(connection) as many:
        client.get("/suche/", {"q": "Landkreis"})
    assert len(many.captured_queries) <= len(few.captured_queries) + 2


def test_index_follows_publication(django_capture_on_commit_callbacks):
    from kek.plan.models import Project

    project = Project.objects.get(title="Radwegemeister")
    with django_capture_on_commit_callbacks(execute=True):
        project.title = "Radwegemeisterei im Amt Crivitz"
        project.save_revision().publish()
    assert any(h.entry.title == "Radwegemeisterei im Amt Crivitz" for h in hits("Radwegemeisterei"))
