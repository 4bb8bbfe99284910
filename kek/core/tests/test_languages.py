"""English interface at /en/: translated UI, German content marked as German."""

import pytest
from bs4 import BeautifulSoup

pytestmark = pytest.mark.django_db

APPROACH = "/starker-wirtschaftsstandort/wirtschaftsstruktur/standortbedingungen/infrastruktur/"


def soup_of(response) -> BeautifulSoup:
    assert response.status_code == 200
    return BeautifulSoup(response.content.decode(), "html.parser")


def test_english_interface_translates_ui_and_marks_german_content(client):
    soup = soup_of(client.get("/en" + APPROACH))
    assert soup.html["lang"] == "en"
    assert soup.find("h2", id="massnahmen").get_text(strip=True) == "Measures"
    assert soup.find("a", href="#inhalt").get_text(strip=True) == "Skip to main content"
    h1 = soup.h1
    assert h1["lang"] == "de" and "Infrastruktur" in h1.get_text()
    assert soup.select_one(".kek-measures")["lang"] == "de"
    assert "German only" in soup.select_one(".kek-language-note").get_text()
    links = [a["href"] for a in soup.select(".kek-breadcrumbs a")]
    assert links[1] == "/en/starker-wirtschaftsstandort/"


def test_german_interface_has_no_redundant_language_marks(client):
    soup = soup_of(client.get(APPROACH))
    assert soup.html["lang"] == "de"
    assert not soup.select("main [lang]")
    assert not soup.select(".kek-language-note")


def test_language_switcher_links_both_versions_of_the_same_page(client):
    soup = soup_of(client.get(APPROACH))
    switcher = {a["hreflang"]: a["href"] for a in soup.select(".kek-languages a")}
    assert switcher == {"de": APPROACH, "en": "/en" + APPROACH}
    assert soup.select_one('.kek-languages a[hreflang="de"]')["aria-current"] == "true"
    alternates = {link["hreflang"] for link in soup.find_all("link", rel="alternate")}
    assert alternates == {"de", "en"}


def test_english_404_and_forms(client):
    response = client.get("/en/does-not-exist/")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()
    soup = soup_of(client.get("/en/barrierefreiheit/"))
    assert soup.find("label", attrs={"for": "id_description"}).get_text(strip=True).startswith("What")
