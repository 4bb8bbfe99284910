"""Cross-cutting themes as a classification: tagged content listed on each theme page."""

import pytest
from bs4 import BeautifulSoup

from kek.plan.models import CrossCuttingThemePage, Measure, Project

pytestmark = pytest.mark.django_db


def test_theme_page_lists_tagged_measures_and_examples_grouped_by_field(client):
    theme = CrossCuttingThemePage.objects.get(slug="digitalisierung")
    soup = BeautifulSoup(client.get(theme.url).content.decode(), "html.parser")
    groups = soup.select(".kek-theme-group")
    assert [g.h3.get_text(strip=True) for g in groups] == [
        "Starker Wirtschaftsstandort",
        "Nachhaltiger Lebensraum",
        "Lebenswerte Orte",
    ][: len(groups)]
    text = soup.main.get_text(" ")
    assert "Sicherung einer zukunftsfähigen und erweiterbaren flächendeckenden Breitbandversorgung" in text
    assert "Kostenloses WLAN an öffentlichen Punkten" in text
    measures = Measure.objects.filter(themes=theme).count()
    assert len(soup.select(".kek-theme-group .kek-measure")) == measures > 10
    examples = Project.objects.public().filter(themes=theme).count()
    assert len(soup.select(".kek-theme-group .kek-example")) == examples
    assert "nicht Teil des Beschlusses" in text


def test_every_theme_has_tagged_content(client):
    for theme in CrossCuttingThemePage.objects.all():
        assert Measure.objects.filter(themes=theme).exists() or Project.objects.filter(themes=theme).exists()
