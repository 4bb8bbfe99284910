"""English interface at /en/ on the concept's pages: translated UI, German content marked as German."""

from bs4 import BeautifulSoup


def soup_of(response) -> BeautifulSoup:
    assert response.status_code == 200
    return BeautifulSoup(response.content.decode(), "html.parser")


def test_english_interface_translates_ui_and_marks_german_content(client, concept):
    field_url = concept.field.url  # a page's URL carries the active language, English after the request
    soup = soup_of(client.get("/en" + concept.approach.url))
    assert soup.html["lang"] == "en"
    assert soup.find("h2", id="massnahmen").get_text(strip=True) == "Measures"
    assert soup.find("a", href="#inhalt").get_text(strip=True) == "Skip to main content"
    h1 = soup.h1
    assert h1["lang"] == "de" and concept.approach.title in h1.get_text()
    assert soup.select_one(".kek-measures")["lang"] == "de"
    assert "German only" in soup.select_one(".kek-language-note").get_text()
    links = [a["href"] for a in soup.select(".kek-breadcrumbs a")]
    assert links[1] == "/en" + field_url


def test_german_interface_has_no_redundant_language_marks(client, concept):
    soup = soup_of(client.get(concept.approach.url))
    assert soup.html["lang"] == "de"
    assert not soup.select("main [lang]")
    assert not soup.select(".kek-language-note")


def test_language_switcher_links_both_versions_of_the_same_page(client, concept):
    url = concept.approach.url
    soup = soup_of(client.get(url))
    switcher = {a["hreflang"]: a["href"] for a in soup.select(".kek-languages a")}
    assert switcher == {"de": url, "en": "/en" + url}
    assert soup.select_one('.kek-languages a[hreflang="de"]')["aria-current"] == "true"
    alternates = {link["hreflang"] for link in soup.find_all("link", rel="alternate")}
    assert alternates == {"de", "en"}
