"""The public side: starting states as the concept says, project and measure pages at their keys,
status on the approach page, the overview's counts, the list's filters, place pages."""

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from kek.core.content_cache import forget_kept
from kek.monitoring.records import Implementation, ProgressEntry
from kek.monitoring.vocabulary import Status
from kek.plan.models import Measure, Project
from kek.plan.tests.factories import IdeaFactory, MeasureFactory, ProjectFactory

from .factories import record, unit

pytestmark = pytest.mark.django_db
DAY = datetime.date(2024, 3, 1)


def text(response) -> str:
    """The page's visible words, with tags and runs of white space reduced to single spaces."""
    html = response.content.decode()
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_imported_items_start_where_the_concept_says(client, concept):
    running = text(client.get("/projekte/ausbildungsmesse/"))
    assert "laufend (Stand 17.05.2023) – Ausgangsstand laut Beschluss" in running
    idea = text(client.get("/projekte/azubi-ticket/"))
    assert "Idee (Stand 17.05.2023) – Ausgangsstand laut Beschluss" in idea
    measure = text(client.get("/umsetzung/massnahmen/berufsschulen/"))
    assert "noch nicht bewertet" in measure
    assert "Stand 17.05.2023" not in measure.split("Verlauf")[0]  # no date is claimed for a measure


def test_status_history_newest_published_entry_wins_and_all_are_kept(client, concept):
    project = concept.running[0]
    record(
        project,
        (datetime.date(2023, 9, 1), Status.PREPARING, "Förderantrag gestellt."),
        (datetime.date(2024, 2, 1), Status.IMPLEMENTING, "Erste Messe mit 40 Betrieben."),
        unit=unit(concept.site),
    )
    page = text(client.get("/projekte/ausbildungsmesse/"))
    assert "in Umsetzung (Stand 01.02.2024)" in page
    assert "Fachdienst Wirtschaftsförderung" in page
    timeline = page.split("Verlauf", 1)[1]
    order = [timeline.index(s) for s in ("01.02.2024", "01.09.2023", "17.05.2023")]
    assert order == sorted(order)  # newest first, the starting state last


def test_draft_entries_stay_private_until_approved(client, concept):
    implementation = record(concept.ideas[0], (DAY, Status.PLANNED, "Gespräche mit dem Verkehrsverbund."))
    implementation.entries.add(ProgressEntry(date=DAY, status=Status.DROPPED, text="Geheimer Entwurf"))
    implementation.save_revision()  # a Fachdienst's draft: a revision, not the published record
    page = text(client.get("/projekte/azubi-ticket/"))
    assert "geplant (Stand 01.03.2024)" in page
    assert "Geheimer Entwurf" not in page
    assert "Geheimer Entwurf" not in text(client.get("/umsetzung/"))
    unapproved = record(concept.ideas[1], (DAY, Status.DROPPED, "Nie freigegeben"), publish=False)
    assert not unapproved.live
    assert "Nie freigegeben" not in text(client.get("/projekte/wlan-ortszentren/"))


def test_unknown_keys_are_not_found(client, concept):
    assert client.get("/projekte/gibt-es-nicht/").status_code == 404
    assert client.get("/umsetzung/massnahmen/gibt-es-nicht/").status_code == 404
    assert client.get("/projekte/berufsschulen/").status_code == 404  # a measure's key is no project


def test_approach_page_shows_each_status_and_links_the_item_pages(client, concept):
    record(concept.measures[0], (DAY, Status.IMPLEMENTING, "Neubau begonnen."))
    html = client.get(concept.approach.url).content.decode()
    assert 'href="/umsetzung/massnahmen/berufsschulen/"' in html
    assert 'href="/projekte/ausbildungsmesse/"' in html
    measure_part = html.split('id="massnahme-berufsschulen"', 1)[1].split("</li>", 1)[0]
    assert "in Umsetzung" in measure_part


def test_project_page_links_its_measure_approach_and_sub_goal(client, concept):
    html = client.get("/projekte/ausbildungsmesse/").content.decode()
    assert 'href="/umsetzung/massnahmen/berufsschulen/"' in html
    assert f'href="{concept.approach.url}#beispiel-ausbildungsmesse"' in html
    assert f'href="{concept.sub_goal.url}"' in html
    assert 'href="https://messe.musterland.example/"' in html
    assert "Altdorf" in text(client.get("/projekte/ausbildungsmesse/"))


def overview_counts(client) -> dict[str, list[int]]:
    """The overall table of the overview: status → counts per kind (measures, running, ideas)."""
    html = client.get("/umsetzung/").content.decode()
    table = html.split('class="kern-table kek-overall"', 1)[1].split("</table>", 1)[0]
    rows = re.findall(r"<tr[^>]*>\s*<th[^>]*>(?:<a[^>]*>)?([^<]+)(?:</a>)?</th>(.*?)</tr>", table, flags=re.S)
    return {label.strip(): [int(n) for n in re.findall(r">(\d+)<", cells)] for label, cells in rows}


def test_overview_counts_equal_the_database(client, concept):
    record(concept.measures[0], (DAY, Status.IMPLEMENTING, "Neubau begonnen."))
    record(concept.running[1], (DAY, Status.COMPLETED, "Wettbewerb entschieden."))
    MeasureFactory(approach=concept.approaches[1], key="neue-massnahme", text="<p>Neue Maßnahme</p>")
    counts = overview_counts(client)
    measures = Measure.objects.filter(approach__path__startswith=concept.home.path).count()
    running = Project.objects.public().filter(kind="running", approach__path__startswith=concept.home.path).count()
    ideas = Project.objects.public().filter(kind="idea", approach__path__startswith=concept.home.path).count()
    assert counts["Zusammen"] == [measures, running, ideas]
    assert counts["in Umsetzung"] == [1, 0, 0]
    assert counts["abgeschlossen"] == [0, 1, 0]
    assert counts["noch nicht bewertet"] == [measures - 1, 0, 0]
    assert counts["laufend"] == [0, running - 1, 0]
    assert counts["Idee"] == [0, 0, ideas]


def listed(client, query: str) -> list[str]:
    response = client.get(f"/umsetzung/liste/?{query}")
    assert response.status_code == 200
    return re.findall(r'class="kek-item__title"[^>]*><a class="kern-link" href="([^"]+)"', response.content.decode())


def test_list_filters_combine_and_stay_in_the_url(client, concept):
    office = unit(concept.site)
    record(concept.running[0], (DAY, Status.IMPLEMENTING, "Läuft."), unit=office, fundings=[("leader", None)])
    record(concept.ideas[0], (DAY, Status.IMPLEMENTING, "Läuft auch."), unit=office)
    record(concept.measures[1], (DAY, Status.IMPLEMENTING, "Begonnen."), fundings=[("leader", 5000)])
    assert set(listed(client, "stand=implementing")) == {
        "/projekte/ausbildungsmesse/",
        "/projekte/azubi-ticket/",
        "/umsetzung/massnahmen/breitband-gewerbegebiete/",
    }
    assert set(listed(client, f"stand=implementing&stelle={office.pk}")) == {
        "/projekte/ausbildungsmesse/",
        "/projekte/azubi-ticket/",
    }
    assert listed(client, f"stand=implementing&stelle={office.pk}&foerderung=leader") == ["/projekte/ausbildungsmesse/"]
    assert listed(client, "ort=amt-elbtal-land") == ["/projekte/ausbildungsmesse/"]  # Altdorf lies in the Amt
    assert listed(client, "thema=digitalisierung&art=idea") == ["/projekte/wlan-ortszentren/"]
    assert listed(client, "stand=completed") == []


def test_list_sorts_by_last_update(client, concept):
    for idea, day in ((concept.ideas[1], datetime.date(2024, 1, 5)), (concept.ideas[0], datetime.date(2024, 6, 5))):
        written = record(idea, (day, Status.PLANNED, "Geplant."))
        moment = datetime.datetime.combine(day, datetime.time(12), tzinfo=datetime.UTC)
        Implementation.objects.filter(pk=written.pk).update(last_published_at=moment)  # approved that day
    newest = listed(client, "sortierung=neueste")
    assert newest[:2] == ["/projekte/azubi-ticket/", "/projekte/wlan-ortszentren/"]
    oldest = listed(client, "sortierung=aelteste&art=idea")
    assert oldest == ["/projekte/wlan-ortszentren/", "/projekte/azubi-ticket/"]


def test_an_unknown_filter_is_a_polite_400(client, concept):
    response = client.get("/umsetzung/liste/?stand=erfunden&feld=starke-wirtschaft")
    assert response.status_code == 400
    assert "Dieser Filter ist unbekannt" in response.content.decode()


def test_place_page_shows_what_is_under_way_here_and_county_wide(client, concept):
    record(concept.running[0], (DAY, Status.IMPLEMENTING, "Läuft."))
    record(concept.measures[2], (DAY, Status.ONGOING, "Beratung jede Woche."))
    page = text(client.get("/orte/altdorf/"))
    section = page.split("Was hier in Arbeit ist", 1)[1]
    here, county = section.split("Im ganzen Landkreis", 1)
    assert "Ausbildungsmesse Musterland" in here.split("Im Teilraum", 1)[0]
    assert "Einrichtung eines Gründerzentrums" in county


def queries(client, url: str) -> tuple[int, int]:
    """(cold, warm): the first request after a publication builds the parts kept per content version
    (kek/core/content_cache.py), the next one reuses them."""
    client.get(url)  # warm the site cache
    counts = []
    forget_kept()
    for _ in range(2):
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(url).status_code == 200
        counts.append(len(ctx.captured_queries))
    return counts[0], counts[1]


URLS = ["/umsetzung/", "/umsetzung/liste/?stand=idea", "/projekte/", "/projekte/ausbildungsmesse/", "/orte/altdorf/"]


def test_query_counts_stay_the_same_when_the_data_grows_tenfold(
    client, concept, settings, django_capture_on_commit_callbacks
):
    settings.KEK_BUILD_FILES = False  # the PDF is not what this test is about
    with django_capture_on_commit_callbacks(execute=True):  # committed: the site's content version is recorded
        office = unit(concept.site)
        record(concept.running[0], (DAY, Status.IMPLEMENTING, "Läuft."), unit=office)
    before = {url: queries(client, url) for url in [*URLS, concept.approach.url]}
    with django_capture_on_commit_callbacks(execute=True):
        for n in range(10):
            measure = MeasureFactory(approach=concept.approach, key=f"mehr-{n}", text=f"<p>Maßnahme {n}</p>")
            record(measure, (DAY, Status.PLANNED, "Geplant."), unit=office, fundings=[("efre", 100)])
            project = ProjectFactory(measure=measure, key=f"projekt-{n}", relations__places=concept.places)
            record(project, (DAY, Status.PREPARING, "A."), (DAY, Status.IMPLEMENTING, "B."), unit=office)
            IdeaFactory(measure=measure, key=f"idee-mehr-{n}")
    after = {url: queries(client, url) for url in [*URLS, concept.approach.url]}
    assert after == before
    # Exactly what each page needs today, (cold, warm): a change in either direction is a decision.
    # /umsetzung/: and its subsections (the reports). The place page keeps "what is under way" and its projects;
    # warm, every page finds its address without a query and the approach page is kept whole.
    assert list(after.values()) == [(33, 25), (36, 28), (29, 21), (31, 23), (39, 10), (25, 5)]


def test_overview_is_linked_from_the_start_page_and_the_main_menu(client, concept):
    start = client.get("/").content.decode()
    assert start.count('href="/umsetzung/"') >= 2  # the main menu and the start page's entries
    assert 'href="/projekte/"' in client.get(concept.approach.url).content.decode()  # menu on every page


def test_overview_shows_bars_tables_and_coverage(client, concept):
    record(concept.running[1], (DAY, Status.DEFERRED, "Keine Mittel."))  # the only project below "Gründungen"
    page = text(client.get("/umsetzung/"))
    html = client.get("/umsetzung/").content.decode()
    assert html.count('class="kek-bar"') >= 2 * 4  # measures and projects: whole concept, field, goal, sub-goal
    assert "Zahlen als Tabelle: Starke Wirtschaft" in page
    # "Ausbildung in der Region stärken" has its running Ausbildungsmesse; below "Gründungen" nothing is under way
    assert "Handlungsansätze ohne laufendes Projekt: 1 von 2" in page
    assert "Teilziele ohne laufendes Projekt: 0 von 1" in page
