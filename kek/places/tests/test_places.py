"""Places: the county's municipalities with their keys, place pages, links in texts, the map."""

from decimal import Decimal

import pytest
from bs4 import BeautifulSoup

from kek.places.models import Place
from kek.plan.models import Project

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


def test_place_page_shows_its_projects_and_its_sub_region(client):
    project = Project.objects.get(title="Kurs Elbe")
    project.places.add(Place.objects.get(name="Dömitz"))
    project.save()  # parental relations are written on save
    page = soup(client, "/orte/doemitz/")
    assert page.h1.get_text(strip=True) == "Dömitz"
    assert "Kurs Elbe" in page.select_one(".kek-examples").get_text()
    office = soup(client, f"/orte/{Place.objects.get(name='Dömitz').office.slug}/")
    assert "Kurs Elbe" in office.select_one(".kek-examples").get_text()  # an Amt shows its Gemeinden's projects
    assert "Dömitz" in office.select_one(".kek-place-list").get_text()
    assert client.get("/orte/gibt-es-nicht/").status_code == 404


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


def test_map_page_lists_located_projects_and_allows_tiles_only_after_consent(client):
    project = Project.objects.get(title="Kurs Elbe")
    project.latitude, project.longitude = Decimal("53.14000"), Decimal("11.25000")
    project.save()
    response = client.get("/orte/karte/")
    page = BeautifulSoup(response.content.decode(), "html.parser")
    assert "Kurs Elbe" in page.select_one(".kek-map-list").get_text()
    assert "tile.openstreetmap.org" in response["Content-Security-Policy"]
    assert "tile.openstreetmap.org" not in client.get("/")["Content-Security-Policy"]
    assert page.select_one("#karten-hintergrund")
    assert not page.find("img", src=lambda s: s and "openstreetmap" in s)
