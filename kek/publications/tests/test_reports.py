"""Implementation reports on the small concept: what a report says about its period, that a
published report never changes afterwards (page and PDF), "Seit dem letzten Bericht", the public
list, the admin's checks and rights, and query counts that do not grow with the data."""

import datetime
import re
from decimal import Decimal
from pathlib import Path

import pytest
from django.contrib.auth.models import Group, Permission, User
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from wagtail.models import GroupPagePermission, Page, Site

from kek.indicators.models import Indicator, IndicatorTarget, IndicatorValue
from kek.indicators.services import ensure_page as ensure_indicator_index
from kek.monitoring.services import ensure_pages as ensure_monitoring_pages
from kek.monitoring.tests.factories import record
from kek.monitoring.vocabulary import Status
from kek.plan.models import Project
from kek.plan.tests.factories import HomePageFactory, IdeaFactory, MeasureFactory, ProjectFactory
from kek.plan.tests.fixtures import concept_fixtures
from kek.publications import reports
from kek.publications.models import ImplementationReport, ReportIndexPage
from kek.publications.report_data import Period, gather
from kek.publications.wagtail_hooks import add_report_index

from .pdf_text import pdf_text, render_first_page, squeezed

pytestmark = pytest.mark.django_db

YEAR_2024 = (datetime.date(2024, 1, 1), datetime.date(2024, 12, 31))
INDEX = "/umsetzung/berichte/"


def _complete(concept) -> None:
    ensure_monitoring_pages(concept.home)
    ensure_indicator_index(concept.home)
    add_report_index(concept.home)


module_concept, concept = concept_fixtures(_complete)


def text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


@pytest.fixture
def progress(concept):
    """Statuses: one new state in 2024, one completion in 2024, one only in 2025 (after the period)."""
    record(
        concept.running[0],
        (datetime.date(2023, 9, 1), Status.PREPARING, "Förderantrag gestellt."),
        (datetime.date(2024, 2, 1), Status.IMPLEMENTING, "Erste Messe mit 40 Betrieben."),
    )
    record(concept.running[1], (datetime.date(2024, 6, 1), Status.COMPLETED, "Preise verliehen."))
    record(concept.measures[0], (datetime.date(2025, 3, 1), Status.PLANNED, "Planung beauftragt."))
    indicator = Indicator.objects.create(
        site=concept.site,
        key="azubis",
        name="Ausbildungsverträge",
        definition="Neu abgeschlossene Ausbildungsverträge im Jahr.",
        unit="Verträge",
        source="Agentur für Arbeit",
        spatial_level="county",
        baseline_year=2020,
        baseline_value=Decimal("1000"),
        baseline_source="Agentur für Arbeit 2021",
    )
    indicator.sub_goals.add(concept.sub_goal)
    IndicatorTarget.objects.create(indicator=indicator, year=2030, value=Decimal("1200"), origin="KEK 2030, S. 12")
    IndicatorValue.objects.create(
        indicator=indicator, year=2023, value=Decimal("1050"), source="Agentur 2024", as_of=datetime.date(2024, 3, 1)
    )
    return indicator


def redaktion(home: Page, name="red") -> User:
    """A Redaktion of the site below `home`: it may publish that site's pages."""
    group = Group.objects.create(name=f"Redaktion {name}")
    group.permissions.add(Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"))
    for codename in ("add_page", "change_page", "publish_page"):
        permission = Permission.objects.get(content_type__app_label="wagtailcore", codename=codename)
        GroupPagePermission.objects.create(group=group, page=home, permission=permission)
    user = User.objects.create_user(name, f"{name}@example.org", "ein-langes-Passwort-2030")
    user.groups.add(group)
    return user


def second_site():
    home = HomePageFactory(slug="zweitland", title="Zweitland")
    return home, Site.objects.create(hostname="zweitland.example", port=80, root_page=home)


def draft(concept, start=YEAR_2024[0], end=YEAR_2024[1], title="Umsetzungsbericht 2024") -> ImplementationReport:
    return ImplementationReport.objects.create(site=concept.site, title=title, period_start=start, period_end=end)


def published(concept, django_capture_on_commit_callbacks, user=None, **values) -> ImplementationReport:
    with django_capture_on_commit_callbacks(execute=True):  # the worker's PDF after the commit
        report = reports.publish(draft(concept, **values), user)
    report.refresh_from_db()
    return report


def test_report_says_what_happened_in_its_period(concept, progress):
    data = gather(concept.site, Period(*YEAR_2024), indicator_url="/indikatoren/")
    assert [(c["key"], c["status"]) for c in data["changes"]] == [
        ("ausbildungsmesse", "implementing"),
        ("gruendungswettbewerb", "completed"),
    ]  # the 2023 entry lies before the period, the 2025 one after it
    assert [c["key"] for c in data["completed"]] == ["gruendungswettbewerb"]
    assert data["items"]["measure:berufsschulen"]["status"] == Status.NOT_ASSESSED  # as it stood on 31.12.2024
    assert data["totals"] == {
        "measures": {"not_assessed": 3},
        "projects": {"implementing": 1, "completed": 1, "idea": 2},
    }
    assert data["fields"][0]["title"] == "Starke Wirtschaft"
    assert data["fields"][0]["tallies"] == data["totals"]
    (indicator,) = data["indicators"]
    assert indicator["latest"] == {"year": 2023, "value": "1050.0000", "source": "Agentur 2024"}
    assert indicator["targets"] == [{"year": 2030, "value": "1200.0000", "origin": "KEK 2030, S. 12"}]
    assert indicator["new_in_period"] == [2023]
    assert data["new_projects"] == []  # every project was part of the decided concept
    assert data["since_previous"] is None


def test_new_projects_are_those_first_published_in_the_period(concept):
    new = IdeaFactory(measure=concept.measures[1], key="neue-idee", title="Eine neue Idee")
    data = gather(concept.site, Period(datetime.date(2024, 1, 1), timezone.localdate()))
    assert [row["title"] for row in data["new_projects"]] == [new.title]
    earlier = gather(concept.site, Period(*YEAR_2024))  # it did not exist yet at the end of 2024
    assert "project:neue-idee" not in earlier["items"]


def test_report_page_shows_figures_bars_table_changes_indicators_and_marks_editorial_data(
    client, concept, progress, django_capture_on_commit_callbacks
):
    report = published(concept, django_capture_on_commit_callbacks)
    html = client.get(f"{INDEX}{report.pk}/").content.decode()
    page = text(html)
    assert "Berichtszeitraum: 01.01.2024 bis 31.12.2024" in page
    assert html.count('class="kek-bar"') == 2 + 2  # the whole concept and its one field, measures and projects
    assert "Zahlen als Tabelle: Stand nach Handlungsfeldern" in page
    # columns: the statuses that occur (noch nicht bewertet, Idee, in Umsetzung, abgeschlossen), then the sum
    assert "Starke Wirtschaft Maßnahmen 3 0 0 0 3" in page
    assert "Starke Wirtschaft Projekte und Ideen 0 2 1 1 4" in page
    assert "Erste Messe mit 40 Betrieben." in page and "Förderantrag gestellt." not in page
    assert "Planung beauftragt." not in page
    completed = text(html.split('id="bericht-abgeschlossen"')[1].split("</section>")[0])
    assert "Laufendes Projekt: Gründungswettbewerb Musterland – 01.06.2024" in completed
    assert "1.050 Verträge (2023)" in page and "1.200 Verträge (2030)" in page and "Quelle: Agentur 2024" in page
    assert "redaktionelle Ergänzung" in page
    assert re.search(r'href="[^"]*#umsetzung">redaktionelle Ergänzung</a>', html)
    assert "Dies ist der erste veröffentlichte Bericht" in page


def test_published_report_does_not_change_after_later_edits(
    client, concept, progress, django_capture_on_commit_callbacks
):
    report = published(concept, django_capture_on_commit_callbacks)
    url = f"{INDEX}{report.pk}/"
    page_before = client.get(url).content
    pdf_before = b"".join(client.get(f"{url}pdf/").streaming_content)
    assert report.pdf_size == len(pdf_before)

    # later: a new state inside the period, a corrected indicator value, a renamed project
    implementation = concept.running[0].implementation
    implementation.entries.add(
        implementation.entries.model(date=datetime.date(2024, 10, 1), status=Status.COMPLETED, text="Fertig.")
    )
    with django_capture_on_commit_callbacks(execute=True):
        implementation.save_revision().publish()
    IndicatorValue.objects.filter(indicator=progress, year=2023).update(value=Decimal("999"))
    project = Project.objects.get(pk=concept.running[1].pk)
    project.title = "Gründungswettbewerb (umbenannt)"
    with django_capture_on_commit_callbacks(execute=True):
        project.save_revision().publish()

    live = text(reports.body(draft(concept, title="Vergleich")))  # the same period, as it would be now
    assert "Fertig." in live and "999 Verträge" in live and "Gründungswettbewerb (umbenannt)" in live
    assert client.get(url).content == page_before
    assert b"".join(client.get(f"{url}pdf/").streaming_content) == pdf_before
    frozen = ImplementationReport.objects.get(pk=report.pk)
    assert frozen.snapshot["indicators"][0]["latest"]["value"] == "1050.0000"
    with pytest.raises(reports.AlreadyPublished):
        reports.publish(frozen, None)


def test_pdf_holds_the_report_and_is_tagged(concept, progress, django_capture_on_commit_callbacks, tmp_path):
    report = published(concept, django_capture_on_commit_callbacks)
    path = Path(report.pdf.path)
    body = squeezed(pdf_text(path))
    for words in ("Umsetzungsbericht 2024", "Auf einen Blick", "Erste Messe mit 40 Betrieben.", "Ausbildungsverträge"):
        assert squeezed(words) in body, words
    assert squeezed("Seit dem letzten Bericht") in body
    assert render_first_page(path, tmp_path).stat().st_size > 1000


def test_since_the_last_report_lists_what_changed_key_by_key(
    client, concept, progress, django_capture_on_commit_callbacks
):
    first = published(concept, django_capture_on_commit_callbacks)
    IdeaFactory(measure=concept.measures[1], key="neue-idee", title="Eine neue Idee")
    IndicatorValue.objects.create(
        indicator=progress, year=2024, value=Decimal("1100"), source="Agentur 2025", as_of=datetime.date(2025, 3, 1)
    )
    second = published(
        concept,
        django_capture_on_commit_callbacks,
        start=datetime.date(2025, 1, 1),
        end=timezone.localdate(),
        title="Bericht 2025",
    )
    since = second.snapshot["since_previous"]
    assert since["previous"]["title"] == first.title
    assert [(r["title"], r["status"]) for r in since["status_changed"]] == [
        ("Ausbau der Berufsschulen in Neustadt", "planned")
    ]
    assert [r["title"] for r in since["added"]] == ["Eine neue Idee"]
    assert since["indicator_values"] == [
        {"name": "Ausbildungsverträge", "url": "/indikatoren/azubis/", "years": [2024]}
    ]
    page = text(client.get(f"{INDEX}{second.pk}/").content.decode())
    assert "Verglichen mit dem Bericht „Umsetzungsbericht 2024“" in page
    assert "noch nicht bewertet → geplant" in page


def test_list_shows_every_published_report_of_its_site_with_date_and_pdf_size(
    client, concept, django_capture_on_commit_callbacks
):
    first = published(concept, django_capture_on_commit_callbacks)
    second = published(concept, django_capture_on_commit_callbacks, title="Zweiter Bericht")
    draft(concept, title="Noch ein Entwurf")
    _home, other_site = second_site()
    ImplementationReport.objects.create(
        site=other_site,
        title="Bericht aus Zweitland",
        period_start=YEAR_2024[0],
        period_end=YEAR_2024[1],
        published_at=timezone.now(),
    )
    html = client.get(INDEX).content.decode()
    page = text(html)
    assert page.index("Zweiter Bericht") < page.index("Umsetzungsbericht 2024")  # newest first
    assert "Noch ein Entwurf" not in page and "Bericht aus Zweitland" not in page
    assert f'href="{INDEX}{first.pk}/pdf/"' in html and f'href="{INDEX}{second.pk}/pdf/"' in html
    assert re.search(r"\(\d+(,\d)? KB\)", page)  # the PDF's size
    assert "01.01.2024 – 31.12.2024" in page and timezone.localdate().strftime("%d.%m.%Y") in page
    assert client.get(f"{INDEX}{ImplementationReport.objects.get(title='Noch ein Entwurf').pk}/").status_code == 404
    other = ImplementationReport.objects.get(title="Bericht aus Zweitland")
    assert client.get(f"{INDEX}{other.pk}/").status_code == 404  # another site's report is not this site's


def test_reports_are_linked_from_the_overview(client, concept):
    assert f'href="{INDEX}"' in client.get("/umsetzung/").content.decode()


def test_redaktion_creates_previews_and_publishes_a_report_in_the_admin(client, concept, progress):
    client.force_login(redaktion(concept.home))
    form = {"site": concept.site.pk, "title": "Bericht 2024", "period_start": "2024-01-01", "period_end": "2024-12-31"}
    response = client.post(reverse("publications_reports"), form)
    report = ImplementationReport.objects.get(title="Bericht 2024")
    assert response.status_code == 302 and not report.is_published
    preview = text(client.get(reverse("publications_report", args=[report.pk])).content.decode())
    assert "Erste Messe mit 40 Betrieben." in preview
    assert client.get(f"{INDEX}{report.pk}/").status_code == 404  # a draft is not public
    client.post(reverse("publications_report_publish", args=[report.pk]))
    assert client.get(f"{INDEX}{report.pk}/").status_code == 200
    client.post(reverse("publications_report_delete", args=[report.pk]))
    assert ImplementationReport.objects.filter(pk=report.pk).exists()  # a published report stays


def test_a_wrong_period_is_refused_politely_and_keeps_what_was_typed(client, concept):
    client.force_login(redaktion(concept.home))
    form = {"site": concept.site.pk, "title": "Falsch herum", "period_start": "2024-12-31", "period_end": "2024-01-01"}
    response = client.post(reverse("publications_reports"), form)
    assert response.status_code == 400
    page = response.content.decode()
    assert "Das Ende des Berichtszeitraums liegt vor seinem Beginn." in page
    assert 'value="Falsch herum"' in page
    assert 'value="2024-12-31"' in page and 'value="2024-01-01"' in page  # the dates as typed, for the date fields
    assert not ImplementationReport.objects.exists()


def test_the_administration_may_report_on_every_site(concept):
    administration = User.objects.create_user("admin", "admin@example.org", "ein-langes-Passwort-2030")
    administration.groups.add(Group.objects.get(name="Administration"))  # made by the roles' migrations
    _home, other_site = second_site()
    assert reports.may_report(administration, concept.site) and reports.may_report(administration, other_site)


def test_only_the_sites_redaktion_may_report(client, concept, progress):
    fachdienst_group = Group.objects.create(name="Fachdienst Wirtschaft")
    fachdienst_group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    change = Permission.objects.get(content_type__app_label="wagtailcore", codename="change_page")
    GroupPagePermission.objects.create(group=fachdienst_group, page=concept.field, permission=change)
    fachdienst = User.objects.create_user("fd", "fd@example.org", "ein-langes-Passwort-2030")
    fachdienst.groups.add(fachdienst_group)
    other_home, _site = second_site()
    stranger = redaktion(other_home, name="fremd")
    report = draft(concept)
    for user in (fachdienst, stranger):
        client.force_login(user)
        client.post(
            reverse("publications_reports"),
            {"site": concept.site.pk, "title": "X", "period_start": "2024-01-01", "period_end": "2024-02-01"},
        )
        assert client.get(reverse("publications_report", args=[report.pk])).status_code in (302, 403)
        client.post(reverse("publications_report_publish", args=[report.pk]))
        client.post(reverse("publications_report_delete", args=[report.pk]))
    report.refresh_from_db()
    assert not report.is_published and not ImplementationReport.objects.filter(title="X").exists()


def _queries(client, url: str) -> int:
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries.captured_queries)


def _gather_queries(concept) -> int:
    """What the draft's preview reads (counted with the site's start page)."""
    site = Site.objects.get(pk=concept.site.pk)
    with CaptureQueriesContext(connection) as queries:
        gather(site, Period(*YEAR_2024), indicator_url="/indikatoren/")
    return len(queries.captured_queries)


def test_query_counts_stay_the_same_when_the_data_grows_tenfold(
    client, concept, progress, django_capture_on_commit_callbacks
):
    report = published(concept, django_capture_on_commit_callbacks)
    urls = [INDEX, f"{INDEX}{report.pk}/", "/umsetzung/"]
    before = [*(_queries(client, url) for url in urls), _gather_queries(concept)]
    for n in range(10):
        measure = MeasureFactory(approach=concept.approach, key=f"mehr-{n}", text=f"<p>Maßnahme {n}</p>")
        record(measure, (datetime.date(2024, 5, 1), Status.PLANNED, "Geplant."))
        project = ProjectFactory(measure=measure, key=f"projekt-{n}")
        record(project, (datetime.date(2024, 5, 1), Status.COMPLETED, "Fertig."))
        IdeaFactory(measure=measure, key=f"idee-mehr-{n}")
        indicator = Indicator.objects.create(
            site=concept.site,
            key=f"ind-{n}",
            name=f"Indikator {n}",
            definition="-",
            unit="Stück",
            source="-",
            spatial_level="county",
        )
        IndicatorTarget.objects.create(indicator=indicator, year=2030, value=Decimal(5), origin="KEK")
        reports.publish(draft(concept, title=f"Bericht {n}"), None)  # without its PDF (made after the commit)
    report = reports.publish(draft(concept, title="Großer Bericht"), None)
    urls[1] = f"{INDEX}{report.pk}/"
    after = [*(_queries(client, url) for url in urls), _gather_queries(concept)]
    assert after == before
    # Exactly what each needs today: a change in either direction is a decision.
    assert after == [13, 13, 32, 22]  # pages: with the site's content version (kek/core/content_cache.py)


def test_report_index_page_sits_below_the_overview(concept):
    index = ReportIndexPage.objects.get()
    assert Page.objects.get(pk=index.pk).get_parent().slug == "umsetzung"
    assert add_report_index(concept.home) == []  # once only


def test_pdf_is_made_on_the_first_download_if_the_worker_has_not_come_yet(client, concept, progress):
    report = reports.publish(draft(concept), None)  # its PDF task waits for the commit, which never comes here
    assert not ImplementationReport.objects.get(pk=report.pk).pdf
    response = client.get(f"{INDEX}{report.pk}/pdf/")
    assert response.status_code == 200 and b"".join(response.streaming_content)[:5] == b"%PDF-"
    assert response["Content-Disposition"] == 'attachment; filename="umsetzungsbericht-2024-01-01-2024-12-31.pdf"'
    assert ImplementationReport.objects.get(pk=report.pk).pdf_size > 1000
