"""The public change history: what is recorded, how it reads, and the decided version."""

import pytest
from bs4 import BeautifulSoup
from defusedxml import ElementTree as ET

from kek.history.diff import compare
from kek.history.models import BaselineSnapshot, ChangeRecord
from kek.plan.models import ApproachPage, Project

pytestmark = pytest.mark.django_db
APPROACH = "infrastruktur"


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


def test_decided_version_is_frozen_at_the_first_import():
    # every page of the concept: start page, 3 fields, 10 goals, 24 sub-goals, 49 approaches,
    # 5 themes, 4 sub-regions and "Über das KEK" (not the section overviews)
    assert BaselineSnapshot.objects.count() == 1 + 3 + 10 + 24 + 49 + 5 + 4 + 1
    snapshot = BaselineSnapshot.objects.get(title="Weiterentwicklung und Sicherung der Qualität der Infrastruktur")
    assert "Radwegemeister" in snapshot.sections["Projektideen"]
    assert not ChangeRecord.objects.exists()  # loading the decided version is not a change


def test_rewording_a_measure_is_recorded_as_such(client):
    page = ApproachPage.objects.get(slug=APPROACH)
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


def test_removing_a_project_is_recorded(client):
    project = Project.objects.get(title="Radwegemeister")
    project.delete()
    record = ChangeRecord.objects.get()
    assert (record.action, record.subject, record.title) == ("removed", "Projektidee", "Radwegemeister")
    assert record.field_slug == "starker-wirtschaftsstandort"
    assert "Radwegemeister" in text(client, "/aenderungen/?feld=starker-wirtschaftsstandort")


def test_a_projects_change_note_reaches_the_public_history(client):
    project = Project.objects.get(title="Radwegemeister")
    project.description = "Ein Radwegemeister betreut die Radwege des Kreises."
    project.change_note = "Beschreibung ergänzt nach Hinweisen aus dem Amt Crivitz"
    project.save_revision().publish()
    record = ChangeRecord.objects.get(title="Radwegemeister")
    assert record.action == ChangeRecord.Action.CHANGED
    assert record.note == "Beschreibung ergänzt nach Hinweisen aus dem Amt Crivitz"
    assert "nach Hinweisen aus dem Amt Crivitz" in text(client, "/aenderungen/")


def test_comparison_with_the_decided_version(client):
    page = ApproachPage.objects.get(slug=APPROACH)
    url = f"/aenderungen/vergleich/{page.pk}/"
    assert "Nichts: Diese Seite entspricht der beschlossenen Fassung." in text(client, url)
    Project.objects.get(title="Radwegemeister").delete()
    compared = text(client, url)
    assert "Entfernt: Radwegemeister" in " ".join(compared.split())
    assert "Die Fassung vom 12. Oktober 2017" in compared
    assert client.get("/aenderungen/vergleich/999999/").status_code == 404


def test_decided_version_overview_links_every_concept_page(client):
    soup = BeautifulSoup(client.get("/aenderungen/beschluss-2017/").content.decode(), "html.parser")
    links = soup.select(".kek-baseline-list a")
    assert len(links) == BaselineSnapshot.objects.count()
    assert client.get(links[-1]["href"]).status_code == 200


def test_atom_feed_lists_the_changes():
    from django.test import Client

    Project.objects.get(title="Radwegemeister").delete()
    response = Client().get("/aenderungen/feed/")
    assert response["Content-Type"].startswith("application/atom+xml")
    entries = ET.fromstring(response.content).findall("{http://www.w3.org/2005/Atom}entry")
    assert len(entries) == 1
    assert "Radwegemeister" in entries[0].find("{http://www.w3.org/2005/Atom}title").text


def test_pages_say_when_they_last_changed(client):
    page = ApproachPage.objects.get(slug=APPROACH)
    assert "Unverändert seit dem Beschluss vom 12. Oktober 2017." in text(client, page.url)
    publish_measures(page, ["Geänderte Maßnahme"])
    assert "Zuletzt geändert am" in text(client, page.url)
    other = ApproachPage.objects.get(slug="gewerbeflaechen")
    assert "Unverändert seit dem Beschluss" in text(client, other.url)


def test_empty_history_says_so(client):
    assert "Seit dem Beschluss gibt es noch keine Änderungen" in text(client, "/aenderungen/")
