"""Places: the county's municipalities with their keys, place pages, links in texts, the map."""

import pytest
from bs4 import BeautifulSoup

from kek.places.models import Place

pytestmark = pytest.mark.django_db


def soup(client, url: str) -> BeautifulSoup:
    response = client.get(url)
    assert response.status_code == 200, url
    return BeautifulSoup(response.content.decode(), "html.parser")


def test_places_file_holds_every_municipality_with_its_key():
    municipalities = Place.objects.exclude(kind=Place.Kind.OFFICE)
    assert municipalities.count() == 142
    assert Place.objects.filter(kind=Place.Kind.OFFICE).count() == 15
    keys = [p.ags for p in municipalities]
    assert len(set(keys)) == len(keys) and all(k.startswith("13076") and len(k) == 8 for k in keys)
    assert Place.objects.get(name="Lübz").office.name == "Amt Eldenburg Lübz"
    assert Place.objects.get(name="Parchim").office is None


def test_place_names_in_the_concept_link_to_their_pages(client):
    page = soup(client, "/starker-wirtschaftsstandort/fachkraefte/ausbildungsplaetze/berufsschulen/")
    links = {a.get_text(): a["href"] for a in page.select(".kek-measures a.kek-place-link")}
    assert links["Ludwigslust"] == "/orte/ludwigslust/"
    assert links["Parchim"] == "/orte/parchim/"
    assert client.get(links["Hagenow"]).status_code == 200
    field = soup(client, "/starker-wirtschaftsstandort/")
    assert field.select('.kek-region a.kek-place-link[href="/orte/plau-am-see/"]')


def test_places_overview_lists_offices_and_independent_towns(client):
    page = soup(client, "/orte/")
    assert [h.get_text(strip=True) for h in page.select("#aemter ~ h3")][:1] == ["Amt Boizenburg-Land"]
    assert "Hagenow" in page.select_one("#amtsfrei").find_parent("section").get_text()
