"""The public change history: what is recorded, how it reads, and the decided version."""

import pytest
from bs4 import BeautifulSoup
from defusedxml import ElementTree as ET

from kek.history.diff import compare
from kek.history.models import BaselineSnapshot, ChangeRecord
from kek.plan.models import ApproachPage

pytestmark = pytest.mark.django_db


def publish_measures(page: ApproachPage, texts: list[str], note: str = "") -> None:
    page = page.get_latest_revision_as_object()
    measures = list(page.measures.all())
    for measure, text in zip(measures, texts, strict=False):
        measure.text = f"<p>{text}</p>"
    page.measures = measures
    page.change_note = note
    page.save_revision().publish()


def text(client, url: str) -> str:
    return BeautifulSoup(client.get(url).content.decode(), "html.parser").main.get_text(" ")


def test_compare_tells_added_removed_and_reworded_apart():
    before = {"Maßnahmen": ["Ausbau der Radwege", "Mehr Busse", "Neue Schulen"]}
    after = {"Maßnahmen": ["Ausbau der Radwege entlang der Elde", "Neue Schulen", "Telemedizin"]}
    assert compare(before, after) == [
        {
            "section": "Maßnahmen",
            "added": ["Telemedizin"],
            "removed": ["Mehr Busse"],
            "reworded": [["Ausbau der Radwege", "Ausbau der Radwege entlang der Elde"]],
        }
    ]
    assert compare(before, before) == []


def test_the_decided_version_holds_every_concept_page(concept):
    """take_snapshot, as the first import calls it (kek/exchange/tests/test_importer.py): every page of
    the concept, not the section overviews (themes, sub-regions, places, changes)."""
    pages = [concept.home, concept.field, concept.goal, concept.sub_goal, *concept.approaches]
    pages += [concept.theme, concept.region, concept.about]
    assert sorted(BaselineSnapshot.objects.values_list("page_id", flat=True)) == sorted(p.pk for p in pages)
    snapshot = BaselineSnapshot.objects.get(page_id=concept.approach.pk)
    assert snapshot.sections["Projektideen"] == [idea.title for idea in concept.ideas]
    assert snapshot.sections["Laufende Projekte"] == [concept.running[0].title]
    assert not ChangeRecord.objects.exists()  # loading the decided version is not a change


def test_rewording_a_measure_is_recorded_as_such(client, concept):
    page = concept.approach
    old = [m.text for m in page.measures.all()]
    first = BeautifulSoup(old[0], "html.parser").get_text()
    publish_measures(page, [first + " (auch für E-Bikes)"], note="Ergänzung E-Bikes")
    record = ChangeRecord.objects.get()
    assert record.action == ChangeRecord.Action.CHANGED
    assert record.changes == [
        {"section": "Maßnahmen", "added": [], "removed": [], "reworded": [[first, first + " (auch für E-Bikes)"]]}
    ]
    listing = text(client, "/aenderungen/")
    assert "Neu gefasst" in listing and "(auch für E-Bikes)" in listing and "Ergänzung E-Bikes" in listing


def test_removing_a_project_is_recorded(client, concept):
    idea = concept.ideas[0]
    idea.delete()
    record = ChangeRecord.objects.get()
    assert (record.action, record.subject, record.title) == ("removed", "Projektidee", idea.title)
    assert record.field_slug == concept.field.slug
    assert idea.title in text(client, f"/aenderungen/?feld={concept.field.slug}")


def test_a_projects_change_note_reaches_the_public_history(client, concept):
    project = concept.ideas[0]
    project.description = "Jetzt mit Beschreibung."
    project.change_note = "Beschreibung ergänzt nach Hinweisen aus dem Amt"
    project.save_revision().publish()
    record = ChangeRecord.objects.get(title=project.title)
    assert record.action == ChangeRecord.Action.CHANGED
    assert record.note == "Beschreibung ergänzt nach Hinweisen aus dem Amt"
    assert "nach Hinweisen aus dem Amt" in text(client, "/aenderungen/")


def test_comparison_with_the_decided_version(client, concept):
    url = f"/aenderungen/vergleich/{concept.approach.pk}/"
    assert "Nichts: Diese Seite entspricht der beschlossenen Fassung." in text(client, url)
    concept.ideas[0].delete()
    compared = text(client, url)
    assert f"Entfernt: {concept.ideas[0].title}" in " ".join(compared.split())
    assert "Die Fassung vom 17. Mai 2023" in compared
    assert client.get("/aenderungen/vergleich/999999/").status_code == 404


def test_decided_version_overview_links_every_concept_page(client, concept):
    soup = BeautifulSoup(client.get("/aenderungen/beschluss-2017/").content.decode(), "html.parser")
    links = soup.select(".kek-baseline-list a")
    assert len(links) == BaselineSnapshot.objects.count()
    assert f"/aenderungen/vergleich/{concept.approach.pk}/" in {a["href"] for a in links}
    assert client.get(links[-1]["href"]).status_code == 200


def test_atom_feed_lists_the_changes(concept):
    from django.test import Client

    concept.ideas[0].delete()
    response = Client().get("/aenderungen/feed/")
    assert response["Content-Type"].startswith("application/atom+xml")
    entries = ET.fromstring(response.content).findall("{http://www.w3.org/2005/Atom}entry")
    assert len(entries) == 1
    assert concept.ideas[0].title in entries[0].find("{http://www.w3.org/2005/Atom}title").text


def test_atom_feed_names_a_stylesheet_that_browsers_show_it_with(client, concept):
    response = client.get("/aenderungen/feed/")
    head = response.content.decode().split("<feed", 1)[0]
    assert '<?xml-stylesheet href="/static/history/feed.xsl" media="screen" type="text/xsl"?>' in head
    xsl = ET.fromstring(client.get("/static/history/feed.xsl").getvalue())
    assert xsl.tag == "{http://www.w3.org/1999/XSL/Transform}stylesheet"
    assert xsl.find("{http://www.w3.org/1999/XSL/Transform}template").get("match") == "/atom:feed"
    # A browser asking for HTML gets XML it renders with the stylesheet; feed readers get Atom.
    browser = client.get("/aenderungen/feed/", headers={"Accept": "text/html,application/xml;q=0.9,*/*;q=0.8"})
    assert browser["Content-Type"] == "application/xml; charset=utf-8"
    assert response["Content-Type"].startswith("application/atom+xml")
    assert "Accept" in response["Vary"]


def test_pages_say_when_they_last_changed(client, concept):
    page, other = concept.approaches
    assert "Unverändert seit dem Beschluss vom 17. Mai 2023." in text(client, page.url)
    publish_measures(page, ["Geänderte Maßnahme"])
    assert "Zuletzt geändert am" in text(client, page.url)
    assert "Unverändert seit dem Beschluss" in text(client, other.url)


def test_empty_history_says_so(client, concept):
    assert "Seit dem Beschluss gibt es noch keine Änderungen" in text(client, "/aenderungen/")
