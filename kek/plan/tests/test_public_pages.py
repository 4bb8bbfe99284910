"""The public pages on the small concept: every page type renders, levels link to each other, nothing
is missing. (test_pages.py checks the same pages of the whole KEK 2030 and their query counts.)"""

import itertools
import re

import pytest
from bs4 import BeautifulSoup
from wagtail.models import Page

from .factories import (
    ApproachPageFactory,
    MeasureFactory,
    RegionalFocusFactory,
    StrategicGoalPageFactory,
    SubGoalPageFactory,
    branch,
    publish,
)

# The small concept's page of each type (attributes of SmallConcept).
PAGE_TYPES = {
    "start": "home",
    "field": "field",
    "goal": "goal",
    "sub_goal": "sub_goal",
    "approach": "approach",
    "themes": "theme_index",
    "theme": "theme",
    "regions": "region_index",
    "region": "region",
    "about": "about",
    "places": "place_index",
}


def normalise(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def soup_of(response) -> BeautifulSoup:
    return BeautifulSoup(response.content.decode(), "html.parser")


@pytest.mark.parametrize("name", PAGE_TYPES.values(), ids=PAGE_TYPES.keys())
def test_every_page_type_renders_as_a_german_page(client, concept, name):
    response = client.get(getattr(concept, name).url)
    assert response.status_code == 200
    soup = soup_of(response)
    assert soup.html["lang"] == "de"
    assert len(soup.find_all("h1")) == 1
    h1 = normalise(soup.h1.get_text())
    assert h1 in soup.title.get_text()
    assert len(soup.find("meta", attrs={"name": "description"})["content"]) > 40
    assert soup.find("main", id="inhalt")
    assert soup.find("a", href="#inhalt")


def test_headings_do_not_skip_levels(client, concept):
    for name in PAGE_TYPES.values():
        url = getattr(concept, name).url
        soup = soup_of(client.get(url))
        levels = [int(h.name[1]) for h in soup.find_all(re.compile(r"^h[1-6]$"))]
        jumps = [(a, b) for a, b in itertools.pairwise(levels) if b > a + 1]
        assert not jumps, f"{url}: {levels}"


def test_approach_page_shows_its_measures_with_their_examples(client, concept):
    soup = soup_of(client.get(concept.approach.url))
    for notes in soup.select(".kek-item-notes"):  # what apps above plan add (APPROACH_ITEMS_HOOK)
        notes.decompose()
    measures = soup.select(".kek-measure")
    assert [m["id"] for m in measures] == ["massnahme-berufsschulen", "massnahme-breitband-gewerbegebiete"]
    first = [normalise(e.get_text()) for e in measures[0].select(".kek-example")]
    assert first == [
        "Laufendes Projekt: Ausbildungsmesse Musterland (externer Link) Link: redaktionelle Ergänzung",
        "Projektidee: Azubi-Ticket für Bus und Bahn",
    ]
    assert measures[0].select_one(".kek-editorial a")["href"] == "/redaktionelle-ergaenzungen/#links"
    assert [e["id"] for e in measures[1].select(".kek-example")] == ["beispiel-wlan-ortszentren"]
    assert "Gründungswettbewerb" not in soup.main.get_text()  # an example of the other approach


def test_approach_page_shows_context_and_markers(client, concept):
    soup = soup_of(client.get(concept.approach.url))
    context_links = [a["href"] for a in soup.select(".kek-context a")]
    assert context_links == [concept.field.url, concept.goal.url, concept.sub_goal.url]
    assert len(soup.select(".kek-example--running")) == 1
    assert len(soup.select(".kek-example--idea")) == 2
    assert soup.find(id="legende")
    assert normalise(soup.select_one(".kek-back a").get_text()) == "Zurück zur Übersicht „Starke Wirtschaft“"


def test_previous_and_next_run_through_the_approaches_of_a_field(client, concept):
    first, second = concept.approaches
    goal = StrategicGoalPageFactory(parent=concept.field)  # the field's next goal, with one approach
    last = ApproachPageFactory(parent=SubGoalPageFactory(parent=goal))
    branch(concept.home, "Lebenswerte Orte")  # its approach follows in the tree, but in another field
    soup = soup_of(client.get(first.url))
    assert not soup.select('a[rel="prev"]')
    assert soup.select_one('a[rel="next"]')["href"] == second.url
    soup = soup_of(client.get(second.url))
    assert soup.select_one('a[rel="prev"]')["href"] == first.url
    assert soup.select_one('a[rel="next"]')["href"] == last.url
    soup = soup_of(client.get(last.url))
    assert soup.select_one('a[rel="prev"]')["href"] == second.url
    assert not soup.select('a[rel="next"]')


def test_breadcrumbs_lead_back_up_the_hierarchy(client, concept):
    soup = soup_of(client.get(concept.approach.url))
    crumbs = [a["href"] for a in soup.select(".kek-breadcrumbs a")]
    assert crumbs == ["/", concept.field.url, concept.goal.url, concept.sub_goal.url]
    assert soup.select_one(".kek-breadcrumbs [aria-current=page]")


def test_cross_reference_is_a_working_link(client, concept):
    soup = soup_of(client.get(concept.approach.url))
    link = soup.find("a", string="Ziel „Vielfältige Wirtschaft“")
    assert link["href"] == concept.goal.url
    assert client.get(link["href"]).status_code == 200


def test_field_page_has_situation_overview_and_regional_focus(client, concept):
    soup = soup_of(client.get(concept.field.url))
    assert [normalise(h.get_text()) for h in soup.select(".kek-swot h3")] == [
        "Stärken",
        "Schwächen",
        "Chancen",
        "Risiken",
    ]
    assert len(soup.select(".kek-swot li")) == 5
    assert "Vielfältiges Handwerk" in soup.select_one(".kek-swot").get_text()
    goals = soup.select("#ziele ~ .kek-level-cards > .kek-level-card")
    assert [normalise(card.h3.get_text()) for card in goals] == [concept.goal.title]
    assert normalise(goals[0].select_one(".kek-card__level").get_text()) == "Strategisches Ziel"
    assert normalise(goals[0].select_one(".kek-card__meta").get_text()) == "1 Teilziel, 2 Handlungsansätze, 3 Maßnahmen"
    # Goals come before the SWOT, which opens on request.
    assert soup.find(id="ziele").sourceline < soup.find(id="ausgangssituation").sourceline
    assert soup.select_one("#ausgangssituation ~ details .kek-swot")
    assert [normalise(h.get_text()) for h in soup.select(".kek-region h3")] == ["Elbtal"]


def test_sub_goal_page_shows_legal_framework_and_footnote(client, concept):
    soup = soup_of(client.get(concept.sub_goal.url))
    assert "Berufsbildungsgesetz (BBiG)" in soup.select_one(".kek-legal").get_text()
    assert "Zahlen der Agentur für Arbeit von 2022." in soup.select_one(".kek-footnotes").get_text()
    assert len(soup.select(".kek-card")) == 2


def test_region_page_gathers_every_field(client, concept):
    approach = branch(concept.home, "Lebenswerte Orte")
    other = approach.get_parent().get_parent().get_parent().specific
    RegionalFocusFactory(field=other, sub_region=concept.region, text="<p>Ärztehäuser im Elbtal</p>")
    publish(other)
    soup = soup_of(client.get(concept.region.url))
    headings = [normalise(h.get_text()) for h in soup.select("main h2")]
    assert headings == ["Handlungsfeld „Starke Wirtschaft“", "Handlungsfeld „Lebenswerte Orte“"]
    assert "Ärztehäuser im Elbtal" in soup.main.get_text()


def test_start_page_shows_the_house_with_fields_and_themes(client, concept):
    branch(concept.home, "Lebenswerte Orte")
    soup = soup_of(client.get("/"))
    assert [normalise(a.get_text()) for a in soup.select(".kek-house__field a")] == [
        "Starke Wirtschaft",
        "Lebenswerte Orte",
    ]
    assert [a.get_text() for a in soup.select(".kek-house__foundation a")] == ["Digitalisierung"]
    assert "Beschlossen vom Kreistag des Landkreises Musterland am 17. Mai 2023." in normalise(soup.main.get_text())


def test_about_page_names_the_decision_and_contacts(client, concept):
    text = normalise(soup_of(client.get(concept.about.url)).main.get_text(" "))
    assert "vom Kreistag des Landkreises Musterland am 17. Mai 2023 beschlossen" in text
    assert "Stabsstelle Kreisentwicklung" in text
    assert "Mia Muster" in text and "Tom Beispiel" in text


def test_external_links_are_marked(client, concept):
    soup = soup_of(client.get(concept.approach.url))
    link = soup.find("a", href="https://messe.musterland.example/")
    assert "external" in link["rel"]
    assert "(externer Link)" in link.get_text()


def test_draft_projects_are_not_shown(client, concept):
    idea = concept.ideas[0]
    assert idea.title in client.get(concept.approach.url).content.decode()
    idea.live = False
    idea.save()
    assert idea.title not in client.get(concept.approach.url).content.decode()


def test_examples_of_a_deleted_measure_stay_on_the_approach_page(client, concept):
    measure = MeasureFactory(approach=concept.approach, text="<p>Eine Maßnahme, die gestrichen wird</p>")
    concept.ideas[0].measure = measure
    concept.ideas[0].save()
    measure.delete()
    soup = soup_of(client.get(concept.approach.url))
    assert "Eine Maßnahme, die gestrichen wird" not in soup.main.get_text()
    further = soup.find("h3", string="Weitere Beispiele").find_next_sibling("ul")
    assert [e["id"] for e in further.select(".kek-example")] == [concept.ideas[0].anchor]


def test_unknown_address_gives_a_german_404_page(client, concept):
    response = client.get("/gibt-es-nicht/")
    assert response.status_code == 404
    soup = soup_of(response)
    assert normalise(soup.h1.get_text()) == "Seite nicht gefunden"
    assert soup.find("a", href="/")


def test_sitemap_and_robots(client, concept):
    sitemap = client.get("/sitemap.xml").content.decode()
    assert sitemap.count("<url>") == Page.objects.live().descendant_of(concept.home, inclusive=True).count() > 10
    assert f"<loc>http://testserver{concept.approach.url}</loc>" in sitemap
    robots = client.get("/robots.txt").content.decode()
    assert "Sitemap: http://testserver/sitemap.xml" in robots


def test_public_pages_send_a_strict_content_security_policy(client, concept):
    response = client.get("/")
    csp = response["Content-Security-Policy"]
    assert "default-src 'self'" in csp and "script-src 'self'" in csp
    assert "unsafe-inline" not in csp
    assert response["X-Frame-Options"] == "DENY"
