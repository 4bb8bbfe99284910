"""Places: the places page, a page per place, and the names of places linked in texts.

On a site of the places app's own (kek/places/tests/factories.py); how the concept's pages show
places is tested in kek/plan/tests/test_geo.py, the places file in kek/exchange/tests.
"""

import pytest
from bs4 import BeautifulSoup
from django.utils.safestring import mark_safe

from kek.places.linking import link_places
from kek.places.models import Place

from .factories import OfficeFactory, PlaceFactory, PlaceIndexPageFactory, SubRegionIndexPageFactory, site_with_root

pytestmark = pytest.mark.django_db


def soup(client, url: str) -> BeautifulSoup:
    response = client.get(url)
    assert response.status_code == 200, url
    return BeautifulSoup(response.content.decode(), "html.parser")


@pytest.fixture
def county():
    """Two Ämter with their Gemeinden and an amtsfreie Stadt, on a site of their own."""
    site = site_with_root()
    index = PlaceIndexPageFactory(parent=site.root_page)
    river = OfficeFactory(site=site, name="Amt Flussland")
    heath = OfficeFactory(site=site, name="Amt Heideland")
    places = {
        "Boizenburg/Elbe": PlaceFactory(site=site, name="Boizenburg/Elbe", kind=Place.Kind.TOWN),
        "Auendorf": PlaceFactory(site=site, name="Auendorf", office=river),
        "Heidekrug": PlaceFactory(site=site, name="Heidekrug", office=heath),
        "Zarrentin am Schaalsee": PlaceFactory(site=site, name="Zarrentin am Schaalsee", office=heath),
    }
    return {"site": site, "index": index, "offices": [river, heath], **places}


def test_places_overview_lists_offices_with_their_members_and_independent_towns(client, county):
    page = soup(client, "/orte/")
    assert [h.get_text(strip=True) for h in page.select("#aemter ~ .kek-office h3")] == [
        "Amt Flussland",
        "Amt Heideland",
    ]
    heath_members = page.select("#aemter ~ .kek-office ul")[1]
    assert [a.get_text() for a in heath_members.select("a")] == ["Heidekrug", "Zarrentin am Schaalsee"]
    independent = page.select_one("#amtsfrei").find_parent("section")
    assert [a.get_text() for a in independent.select("a")] == ["Boizenburg/Elbe"]
    assert independent.a["href"] == f"/orte/{county['Boizenburg/Elbe'].slug}/"


def test_the_filter_field_finds_places_by_part_of_their_name_without_javascript(client, county):
    page = soup(client, "/orte/?ort=zarr")
    assert [a.get_text() for a in page.select("#treffer ~ .kek-place-list a")] == ["Zarrentin am Schaalsee"]
    assert "Amt Heideland" in page.select_one("#treffer ~ .kek-place-list").get_text()  # with its Amt
    assert [a.get_text() for a in soup(client, "/orte/?ort=Auendörf").select("#treffer ~ ul a")] == ["Auendorf"]
    assert [a.get_text() for a in soup(client, "/orte/?ort=AUENDORF").select("#treffer ~ ul a")] == ["Auendorf"]
    assert "Kein Ort passt dazu" in soup(client, "/orte/?ort=Hamburg").get_text()
    assert soup(client, "/orte/?ort=zarr").select_one("input[name=ort]")["value"] == "zarr"  # keeps what was typed


def test_place_page_names_its_office_and_an_office_its_members(client, county):
    member = county["Heidekrug"]
    page = soup(client, f"/orte/{member.slug}/")
    assert page.h1.get_text(" ", strip=True).endswith("Heidekrug")
    assert page.select_one(".kek-context a")["href"] == f"/orte/{county['offices'][1].slug}/"
    assert member.ags in page.select_one(".kek-context").get_text()
    office = soup(client, f"/orte/{county['offices'][1].slug}/")
    assert [a.get_text() for a in office.select(".kek-place-list a")] == ["Heidekrug", "Zarrentin am Schaalsee"]
    assert client.get("/orte/gibt-es-nicht/").status_code == 404


def test_place_names_in_a_text_link_to_their_pages(county):
    html = mark_safe(  # rendered rich text, as the templates pass it
        "<p>Von Boizenburg über Auendorf nach Zarrentin; das Amt Heideland und "
        '<a href="/anderswo/">Heidekrug</a> bleiben, wie sie sind. Auendorfer Straße.</p>'
    )
    linked = BeautifulSoup(link_places(html, county["index"]), "html.parser")
    links = {a.get_text(): a["href"] for a in linked.select("a.kek-place-link")}
    assert links == {
        "Boizenburg": f"/orte/{county['Boizenburg/Elbe'].slug}/",  # short for "Boizenburg/Elbe"
        "Auendorf": f"/orte/{county['Auendorf'].slug}/",
        "Zarrentin": f"/orte/{county['Zarrentin am Schaalsee'].slug}/",  # short for "… am Schaalsee"
    }  # not the Amt, not inside an existing link, not part of a longer word
    assert linked.find("a", href="/anderswo/").get_text() == "Heidekrug"


def test_plain_text_is_escaped_before_places_are_linked(county):
    assert str(link_places("Auendorf <script>", county["index"])) == (
        f'<a class="kern-link kek-place-link" href="/orte/{county["Auendorf"].slug}/">Auendorf</a> &lt;script&gt;'
    )


def test_a_site_without_places_page_links_nothing():
    site = site_with_root()
    regions = SubRegionIndexPageFactory(parent=site.root_page)
    PlaceFactory(site=site, name="Auendorf")
    assert str(link_places(mark_safe("<p>Auendorf</p>"), regions)) == "<p>Auendorf</p>"
