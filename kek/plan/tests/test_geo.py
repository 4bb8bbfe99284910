"""The concept's projects and ideas on the place pages and the map (kek/plan/geo.py)."""

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
