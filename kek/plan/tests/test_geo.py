"""The concept's places: projects and ideas on the place pages and the map (kek/plan/geo.py), place
names in the concept's texts linked to the place pages. On the small concept."""

import json
from decimal import Decimal

import pytest
from bs4 import BeautifulSoup

pytestmark = pytest.mark.django_db


def soup(client, url: str) -> BeautifulSoup:
    response = client.get(url)
    assert response.status_code == 200, url
    return BeautifulSoup(response.content.decode(), "html.parser")


def test_place_page_shows_its_projects_and_its_sub_region(client, concept):
    fair = concept.running[0]  # located in Altdorf, a Gemeinde of the Amt Elbtal-Land
    town, village = concept.places
    page = soup(client, f"/orte/{village.slug}/")
    assert page.h1.get_text(" ", strip=True).endswith("Altdorf")
    examples = page.select(".kek-examples .kek-example")
    assert len(examples) == 1 and fair.title in examples[0].get_text()
    assert f'href="{concept.region.url}"' in str(page.select_one(".kek-context"))
    focus = page.select_one("#schwerpunkte").find_parent("section")
    assert "Elbtal" in focus.h2.get_text() and "Das Handwerk in Altdorf stärken." in focus.get_text()
    assert focus.h3.get_text() == concept.field.title
    office = soup(client, f"/orte/{concept.office.slug}/")
    assert fair.title in office.select_one(".kek-examples").get_text()  # an Amt shows its Gemeinden's projects
    assert "Altdorf" in office.select_one(".kek-place-list").get_text()
    assert not soup(client, f"/orte/{town.slug}/").select(".kek-examples")  # nothing is located there


def test_map_page_lists_located_projects_and_allows_tiles_only_after_consent(client, concept):
    fair, contest = concept.running  # the fair is located through its place, the contest nowhere yet
    assert concept.places[1].latitude is not None and fair.latitude is None
    contest.latitude, contest.longitude = Decimal("53.14000"), Decimal("11.25000")
    contest.save()
    response = client.get("/orte/karte/")
    page = BeautifulSoup(response.content.decode(), "html.parser")
    rows = [[cell.get_text() for cell in row.select("td")] for row in page.select(".kek-map-list tbody tr")]
    assert rows == [[fair.title, "Laufendes Projekt", "Altdorf"], [contest.title, "Laufendes Projekt", ""]]
    items = json.loads(page.find(id="karten-daten").string)
    assert [(i["lat"], i["lon"]) for i in items] == [(53.2, 11.5), (53.14, 11.25)]
    assert "tile.openstreetmap.org" in response["Content-Security-Policy"]
    assert "tile.openstreetmap.org" not in client.get("/")["Content-Security-Policy"]
    assert page.select_one("#karten-hintergrund")
    assert not page.find("img", src=lambda s: s and "openstreetmap" in s)


def test_place_names_in_the_concept_link_to_their_pages(client, concept):
    town, village = concept.places
    page = soup(client, concept.approach.url)
    links = {a.get_text(): a["href"] for a in page.select(".kek-measures a.kek-place-link")}
    assert links == {"Neustadt": f"/orte/{town.slug}/"}  # "Neustadt an der Elbe", as texts name it
    assert client.get(links["Neustadt"]).status_code == 200
    field = soup(client, concept.field.url)
    assert field.select(f'.kek-region a.kek-place-link[href="/orte/{village.slug}/"]')


def test_a_municipality_formed_after_the_decision_is_not_linked_in_the_decided_texts(concept):
    """ "Lewitz und Ruhner Berge" in the KEK's 2017 text is a landscape: the municipality Ruhner Berge
    was formed in 2019, so the text cannot mean it. Here: the small concept decided in 2023."""
    import datetime

    from kek.places.linking import link_places
    from kek.places.tests.factories import PlaceFactory

    site = concept.places[0].site
    PlaceFactory(site=site, name="Ruhner Berge", formed_on=datetime.date(2024, 1, 1))
    PlaceFactory(site=site, name="Alte Mühle", formed_on=datetime.date(2001, 1, 1))
    html = BeautifulSoup(str(link_places("Lewitz und Ruhner Berge; Alte Mühle", concept.approach)), "html.parser")
    assert [a.get_text() for a in html.select("a.kek-place-link")] == ["Alte Mühle"]


def test_place_page_marks_the_editorial_assignment_and_links_projects_to_their_measure(client, concept):
    fair = concept.running[0]
    page = soup(client, f"/orte/{concept.places[1].slug}/")
    mark = page.select_one("#projekte").find_parent("section").select_one(".kek-editorial a")
    assert mark.get_text() == "redaktionelle Ergänzung" and mark["href"] == "/redaktionelle-ergaenzungen/#orte"
    measure_link = page.select_one(f"#{fair.anchor} .kek-example__measure a")
    assert measure_link["href"] == f"{fair.approach.url}#massnahme-{fair.measure.key}"
    county_wide = page.select_one("#landkreisweit").find_parent("section")
    assert concept.field.title in county_wide.get_text()
