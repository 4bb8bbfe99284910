"""Cross-cutting themes as a classification: tagged content listed on each theme page."""

import pytest
from bs4 import BeautifulSoup

from kek.plan.models import CrossCuttingThemePage, Measure, Project

from .factories import CrossCuttingThemePageFactory, IdeaFactory, MeasureFactory, branch, publish


def test_theme_page_lists_tagged_measures_and_examples_grouped_by_field(client, concept):
    theme = concept.theme
    approach = branch(concept.home, "Lebenswerte Orte", "Bürgerbüros stärken")
    measure = MeasureFactory(approach=approach, text="<p>Digitale Dienste in den Bürgerbüros</p>", themes=[theme])
    publish(approach)
    IdeaFactory(measure=measure, title="Tablet-Kurse für Senioren", relations__themes=[theme])
    IdeaFactory(measure=measure, title="Ein Entwurf zum Thema", relations__themes=[theme], live=False, publish=False)
    IdeaFactory(measure=measure, title="Bürgerbus am Markttag")  # not tagged

    soup = BeautifulSoup(client.get(theme.url).content.decode(), "html.parser")
    groups = soup.select(".kek-theme-group")
    assert [g.h3.get_text(strip=True) for g in groups] == ["Starke Wirtschaft", "Lebenswerte Orte"]  # concept order
    measures = [[m.select_one(".kek-measure__text").get_text() for m in g.select(".kek-measure")] for g in groups]
    assert measures == [
        ["Breitbandversorgung der Gewerbegebiete, siehe Ziel „Vielfältige Wirtschaft“"],
        ["Digitale Dienste in den Bürgerbüros"],
    ]
    tagged = concept.measures[1]
    assert groups[0].select_one(".kek-measure__source a")["href"] == f"{concept.approach.url}#{tagged.anchor}"
    examples = [[e.get_text(" ", strip=True) for e in g.select(".kek-example")] for g in groups]
    assert examples == [
        ["Projektidee: Kostenloses WLAN in den Ortszentren"],
        ["Projektidee: Tablet-Kurse für Senioren"],
    ]  # neither drafts nor untagged examples, and each under its measure
    assert groups[1].select_one(".kek-measure .kek-examples .kek-example")
    mark = soup.select_one("#zugeordnet ~ .kek-note .kek-editorial")
    assert mark.get_text(" ", strip=True) == "Zuordnung zum Querschnittsthema: redaktionelle Ergänzung"
    assert mark.a["href"] == "/redaktionelle-ergaenzungen/#themen"


def test_theme_page_keeps_a_tagged_example_with_its_untagged_measure(client, concept):
    """Only the idea is tagged: its measure is shown as its context, not as tagged itself."""
    theme = concept.theme
    approach = branch(concept.home, "Lebenswerte Orte", "Bürgerbüros stärken")
    measure = MeasureFactory(approach=approach, text="<p>Service in den Bürgerbüros</p>")
    publish(approach)
    IdeaFactory(measure=measure, title="Tablet-Kurse für Senioren", relations__themes=[theme])
    soup = BeautifulSoup(client.get(theme.url).content.decode(), "html.parser")
    entry = soup.select(".kek-theme-group")[1].select_one(".kek-measure")
    assert "kek-measure--context" in entry["class"]
    assert entry.select_one(".kek-measure__text").get_text() == "Service in den Bürgerbüros"
    assert entry.select_one(".kek-example").get_text(" ", strip=True) == "Projektidee: Tablet-Kurse für Senioren"


def test_a_theme_without_tagged_content_says_so(client, concept):
    theme = CrossCuttingThemePageFactory(parent=concept.theme_index, title="Demografischer Wandel")
    soup = BeautifulSoup(client.get(theme.url).content.decode(), "html.parser")
    assert not soup.select(".kek-theme-group")
    assert "Diesem Thema ist noch nichts zugeordnet." in soup.main.get_text()


@pytest.mark.kek2030
@pytest.mark.django_db
def test_every_theme_of_the_kek2030_has_tagged_content():
    for theme in CrossCuttingThemePage.objects.all():
        assert Measure.objects.filter(themes=theme).exists() or Project.objects.filter(themes=theme).exists()
