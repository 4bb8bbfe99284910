"""Monitoring in the apps of its own layer, through kek/core's hooks: the implementation status as a
facet of the site search, published progress entries in the public change history and its feed."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Site

from kek.history.baseline import take_snapshot
from kek.history.records import ChangeRecord
from kek.history.services import ensure_page
from kek.monitoring.records import ProgressEntry
from kek.monitoring.services import ensure_pages
from kek.monitoring.tests.factories import record
from kek.plan.tests.fixtures import concept_fixtures
from kek.search.indexer import rebuild
from kek.search.query import search

pytestmark = pytest.mark.django_db
DAY = datetime.date(2024, 3, 1)


def _complete(concept) -> None:
    """Monitoring's sections, the change history with the decided version, the search index."""
    ensure_pages(concept.home)
    ensure_page(concept.home)
    take_snapshot(concept.home)
    rebuild()


module_concept, concept = concept_fixtures(_complete)


def search_here(query: str, filters: dict):
    return search(query, filters, Site.objects.get(is_default_site=True))


def progress_records():
    return ChangeRecord.objects.filter(subject__in=["Laufendes Projekt", "Projektidee", "Maßnahme"])


def test_status_is_a_search_facet_that_follows_publication(concept, django_capture_on_commit_callbacks):
    fair = concept.running[0]  # "Ausbildungsmesse Musterland"
    before = search_here("Ausbildung", {})
    assert before.counts["stand"].get("implementing") is None
    assert before.counts["stand"]["running"] >= 1  # the decided starting point, not an invented one
    with django_capture_on_commit_callbacks(execute=True):
        record(fair, (DAY, "implementing", "Die erste Messe hat stattgefunden."))
    after = search_here("Ausbildung", {})
    assert after.counts["stand"]["implementing"] == 1
    assert after.counts["stand"].get("running", 0) == before.counts["stand"]["running"] - 1
    narrowed = search_here("Ausbildung", {"stand": "implementing"})
    assert [h.entry.title for h in narrowed.hits] == [fair.title]
    # the other facets count what the status filter leaves, and combine with it
    assert narrowed.counts["art"] == {"running": 1}
    assert search_here("Ausbildung", {"stand": "implementing", "art": "measure"}).total == 0


def test_status_draft_stays_out_of_the_search_until_approved(concept, django_capture_on_commit_callbacks):
    fair = concept.running[0]
    with django_capture_on_commit_callbacks(execute=True):
        implementation = record(fair, (DAY, "preparing", "Ein Förderantrag ist gestellt."))
    with django_capture_on_commit_callbacks(execute=True):
        implementation.entries.add(
            ProgressEntry(date=DAY + datetime.timedelta(days=30), status="implementing", text="x")
        )
        revision = implementation.save_revision()  # the Fachdienst's draft, submitted
    assert search_here("Ausbildung", {"stand": "implementing"}).total == 0
    assert search_here("Ausbildung", {"stand": "preparing"}).total == 1
    with django_capture_on_commit_callbacks(execute=True):
        revision.publish()  # the Redaktion approves
    assert search_here("Ausbildung", {"stand": "implementing"}).total == 1
    assert search_here("Ausbildung", {"stand": "preparing"}).total == 0


def test_search_page_offers_the_status_facet_in_the_url_at_the_same_query_count(
    client, concept, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        record(concept.running[0], (DAY, "implementing", "Die erste Messe hat stattgefunden."))
    client.get("/suche/", {"q": "Ausbildung"})
    with CaptureQueriesContext(connection) as unfiltered:
        response = client.get("/suche/", {"q": "Ausbildung"})
    soup = BeautifulSoup(response.content.decode(), "html.parser")
    facet = soup.select_one("#facet-stand").find_parent("section")
    assert facet.h3.get_text() == "Umsetzungsstand"
    link = next(a for a in facet.select("a") if a.get_text().startswith("in Umsetzung"))
    assert "(1)" in link.get_text() and "stand=implementing" in link["href"] and "q=Ausbildung" in link["href"]
    with CaptureQueriesContext(connection) as filtered:
        response = client.get("/suche/", {"q": "Ausbildung", "stand": "implementing"})
    soup = BeautifulSoup(response.content.decode(), "html.parser")
    assert [a.get_text(strip=True) for a in soup.select(".kek-hit__title a")] == [concept.running[0].title]
    assert soup.select_one('#facet-stand ~ ul a[aria-current="true"]').get_text().startswith("in Umsetzung")
    assert len(filtered.captured_queries) == len(unfiltered.captured_queries)
    # an unknown status narrows to nothing, politely, like the other facets
    assert client.get("/suche/", {"q": "Ausbildung", "stand": "<b>"}).status_code == 200


def test_published_progress_entries_appear_in_the_change_history_and_feed(client, concept):
    idea = concept.ideas[0]
    implementation = record(idea, (DAY, "planned", "Der Kreistag hat die Planung beauftragt."), publish=False)
    assert not progress_records().exists()  # a draft is no public change
    implementation.save_revision().publish()
    (first,) = progress_records()
    assert first.subject == "Projektidee" and first.title == idea.title
    assert first.changes == [
        {
            "section": "Umsetzungsstand",
            "added": ["01.03.2024: geplant – Der Kreistag hat die Planung beauftragt."],
            "removed": [],
            "reworded": [],
        }
    ]
    assert first.page_id == idea.approach_id

    implementation.entries.add(ProgressEntry(date=DAY + datetime.timedelta(days=60), status="preparing", text="Antrag"))
    revision = implementation.save_revision()  # the Fachdienst's next entry, waiting for approval
    assert progress_records().count() == 1
    revision.publish()
    assert progress_records().count() == 2
    newest = progress_records().first()
    assert newest.changes[0]["added"] == ["30.04.2024: in Vorbereitung – Antrag"]  # only what is new

    implementation.save_revision().publish()  # published again without a new entry: nothing to report
    assert progress_records().count() == 2

    page = BeautifulSoup(client.get("/aenderungen/").content.decode(), "html.parser")
    text = page.main.get_text(" ", strip=True)
    assert "30.04.2024: in Vorbereitung – Antrag" in text and idea.title in text
    feed = client.get("/aenderungen/feed/").content.decode()
    assert idea.title in feed and "in Vorbereitung" in feed


def test_entries_of_a_measure_are_reported_with_the_measure(concept):
    measure = concept.measures[0]
    record(measure, (DAY, "ongoing", "Wird jährlich fortgeführt."))
    (change,) = progress_records()
    assert change.subject == "Maßnahme"
    assert change.changes[0]["added"] == ["01.03.2024: Daueraufgabe – Wird jährlich fortgeführt."]
