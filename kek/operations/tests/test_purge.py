"""Which addresses a publication refreshes, sent over real HTTP to a server standing in for nginx's
refresh server (it records each request's Host and path)."""

import datetime
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.db import transaction
from django.db.models.signals import post_delete
from django.test import override_settings
from django.utils import timezone, translation
from wagtail import signals as wagtail_signals
from wagtail.models import Site

from kek.monitoring.models import ProgressOverviewPage, ProjectIndexPage
from kek.monitoring.services import ensure_pages as ensure_monitoring_pages
from kek.monitoring.tests.factories import record
from kek.operations import purge
from kek.participation import services
from kek.participation.models import ParticipationPage, PriorityRound, Proposal
from kek.participation.services import ensure_page as ensure_participation_page
from kek.participation.tests.factories import published
from kek.participation.tests.helpers import member_of, post
from kek.participation.tests.test_rounds import ADMIN, open_round, site_redaktion
from kek.plan.models import Measure
from kek.publications.models import ContentVersion
from kek.publications.tasks import mark_changed


class Recorder(BaseHTTPRequestHandler):
    seen: list[tuple[str, str, str]] = []
    moments: list[datetime.datetime] = []  # when each request came

    def do_HEAD(self) -> None:
        Recorder.seen.append((self.command, self.headers["Host"], self.path))
        Recorder.moments.append(timezone.now())
        self.send_response(200)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args) -> None:
        pass


@pytest.fixture
def refresh_server() -> Iterator[list[tuple[str, str, str]]]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), Recorder)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    Recorder.seen = []
    Recorder.moments = []
    backend = {
        "BACKEND": "kek.operations.frontend_cache.NginxRefreshBackend",
        "LOCATION": f"http://127.0.0.1:{server.server_port}",
    }
    with override_settings(WAGTAILFRONTENDCACHE={"nginx": backend}):
        yield Recorder.seen
    server.shutdown()


def _paths(seen) -> set[str]:
    return {path for _method, _host, path in seen}


def _publish(page, django_capture_on_commit_callbacks) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()


def _sections(concept) -> tuple[str, str]:
    """Addresses of the progress overview (a measure's page: massnahmen/<key>/ below it) and of the
    project index (a project's or idea's page: <key>/ below it)."""
    ensure_monitoring_pages(concept.home)
    overview = ProgressOverviewPage.objects.descendant_of(concept.home).live().get()
    projects = ProjectIndexPage.objects.descendant_of(concept.home).live().get()
    return overview.url, projects.url


def test_a_text_edit_refreshes_the_page_its_ancestors_the_change_log_and_the_sitemap(
    concept, refresh_server, django_capture_on_commit_callbacks
) -> None:
    approach = concept.approach
    approach.search_description = "Neu gefasst"
    _publish(approach, django_capture_on_commit_callbacks)
    paths = _paths(refresh_server)
    ancestors = {page.url for page in approach.get_ancestors().filter(depth__gte=2)}
    expected = {approach.url, *ancestors, "/aenderungen/", "/aenderungen/feed/", "/sitemap.xml"}
    assert expected <= paths
    assert not any(path.startswith("/en/") for path in paths)  # the English interface is not kept
    # Pages that do not show the approach are left alone.
    assert concept.theme.url not in paths
    assert "/orte/" not in paths
    assert not any(path.startswith(_sections(concept)[0]) for path in paths)  # nor the item pages
    site = Site.objects.get(root_page=concept.home)
    assert {host for _method, host, _path in refresh_server} == {site.hostname}
    assert {method for method, _host, _path in refresh_server} == {"HEAD"}


def test_a_new_title_refreshes_the_pages_that_name_it(
    concept, refresh_server, django_capture_on_commit_callbacks
) -> None:
    overview, projects = _sections(concept)
    concept.approach.title = "Ganz neuer Titel"
    _publish(concept.approach, django_capture_on_commit_callbacks)
    paths = _paths(refresh_server)
    assert {concept.theme.url, "/orte/", "/orte/karte/", "/indikatoren/", concept.approaches[1].url} <= paths
    assert "/impressum/" not in paths  # names neither the approach nor anything above it
    # The progress overview names it among the approaches without a running project; the pages of
    # its measures, projects and ideas name and link it, those of the other approach do not.
    assert {overview, f"{overview}liste/", projects} <= paths
    own = {f"{overview}massnahmen/berufsschulen/", f"{overview}massnahmen/breitband-gewerbegebiete/"}
    own |= {f"{projects}ausbildungsmesse/", f"{projects}azubi-ticket/", f"{projects}wlan-ortszentren/"}
    assert own <= paths
    assert f"{overview}massnahmen/gruenderzentrum/" not in paths
    assert f"{projects}gruendungswettbewerb/" not in paths


def test_a_reworded_measure_refreshes_the_pages_that_show_it(
    concept, refresh_server, django_capture_on_commit_callbacks
) -> None:
    overview, projects = _sections(concept)
    approach = concept.approach
    measures = list(approach.measures.all())
    broadband = next(m for m in measures if m.key == "breitband-gewerbegebiete")
    broadband.text = "<p>Glasfaser für alle Gewerbegebiete</p>"
    approach.measures = measures  # edited inline, as in the page editor
    _publish(approach, django_capture_on_commit_callbacks)
    paths = _paths(refresh_server)
    # Its own page, the page of its idea (which names it), the progress list (its text is the
    # title there) and the theme page it is tagged with.
    shown = {f"{overview}massnahmen/breitband-gewerbegebiete/", f"{projects}wlan-ortszentren/"}
    assert shown | {overview, f"{overview}liste/", concept.theme.url} <= paths
    # The pages of the other measures and their projects show nothing of it.
    assert f"{overview}massnahmen/berufsschulen/" not in paths
    assert f"{projects}ausbildungsmesse/" not in paths
    assert f"{overview}massnahmen/gruenderzentrum/" not in paths


def test_a_new_title_in_the_main_menu_refreshes_the_whole_site(
    concept, refresh_server, django_capture_on_commit_callbacks
) -> None:
    concept.field.title = "Neues Handlungsfeld"
    _publish(concept.field, django_capture_on_commit_callbacks)
    assert {"/impressum/", "/barrierefreiheit/", concept.about.url, concept.region.url} <= _paths(refresh_server)


def test_refresh_now_covers_what_the_next_visitor_opens_first(concept) -> None:
    concept.approach.search_description = "Neu gefasst"
    refresh = purge.for_page(concept.approach, elsewhere=False)
    now = {url.split("/", 3)[3] for url in refresh.now}
    assert now == {
        url.lstrip("/")
        for url in [concept.approach.url, *(p.url for p in concept.approach.get_ancestors().filter(depth__gte=2))]
    } | {"aenderungen/", "aenderungen/feed/", "aenderungen/beschluss-2017/", "sitemap.xml"}
    assert not any("/en/" in url for url in refresh.now)  # the English interface follows in the worker


def test_unpublishing_refreshes_the_page_and_the_site(
    concept, refresh_server, django_capture_on_commit_callbacks
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        concept.approaches[1].unpublish()
    paths = _paths(refresh_server)
    assert concept.approaches[1].url in paths
    assert concept.theme.url in paths


def test_deleting_refreshes_the_page_and_its_parent(
    concept, refresh_server, django_capture_on_commit_callbacks
) -> None:
    url, parent = concept.approaches[1].url, concept.sub_goal.url
    with django_capture_on_commit_callbacks(execute=True):
        concept.approaches[1].delete()
    paths = _paths(refresh_server)
    assert {url, parent, "/aenderungen/", "/sitemap.xml"} <= paths


def test_a_move_refreshes_the_old_addresses_too(concept, refresh_server, django_capture_on_commit_callbacks) -> None:
    old = concept.approach.url
    with django_capture_on_commit_callbacks(execute=True):
        concept.approach.move(concept.goal, pos="last-child")  # the tree allows it; the page type is not checked here
    concept.approach.refresh_from_db()
    paths = _paths(refresh_server)
    assert old in paths
    assert concept.approach.url in paths
    assert concept.approach.url != old


def test_a_project_refreshes_its_approach_the_themes_and_the_places(
    concept, refresh_server, django_capture_on_commit_callbacks
) -> None:
    overview, projects = _sections(concept)
    project = concept.running[0]
    project.title = "Ausbildungsmesse Musterland 2027"
    with django_capture_on_commit_callbacks(execute=True):
        project.save_revision().publish()
    paths = _paths(refresh_server)
    assert {project.approach.url, "/aenderungen/", concept.theme.url, "/orte/karte/"} <= paths
    # Its own page, its measure's page (which lists its projects), the lists of items.
    assert {f"{projects}ausbildungsmesse/", f"{overview}massnahmen/berufsschulen/"} <= paths
    assert {overview, f"{overview}liste/", projects} <= paths
    assert f"{overview}massnahmen/breitband-gewerbegebiete/" not in paths


def test_a_published_status_refreshes_the_approach_the_item_page_and_the_overviews(
    concept, refresh_server, django_capture_on_commit_callbacks
) -> None:
    ensure_monitoring_pages(concept.home)
    measure = concept.measures[0]
    with django_capture_on_commit_callbacks(execute=True):
        record(measure, (datetime.date(2026, 5, 4), "running", "Begonnen."))
    paths = _paths(refresh_server)
    own_page = f"/umsetzung/massnahmen/{measure.key}/"
    assert {measure.approach.url, own_page, "/umsetzung/", "/umsetzung/liste/", "/aenderungen/"} <= paths
    assert not any(path.startswith("/umsetzung/massnahmen/") and path != own_page for path in paths)


def test_a_projects_status_refreshes_its_measures_page_too(
    concept, refresh_server, django_capture_on_commit_callbacks
) -> None:
    overview, projects = _sections(concept)
    with django_capture_on_commit_callbacks(execute=True):
        record(concept.running[0], (datetime.date(2026, 5, 4), "completed", "Die Messe hat stattgefunden."))
    paths = _paths(refresh_server)
    assert {f"{projects}ausbildungsmesse/", f"{overview}massnahmen/berufsschulen/", f"{overview}liste/"} <= paths
    assert f"{overview}massnahmen/breitband-gewerbegebiete/" not in paths


def test_item_pages_are_refreshed_under_the_address_shared_caches_keep(concept) -> None:
    """An editor working in the English admin: the addresses are still those of the default language,
    which nginx keeps (the English interface, /en/…, is never kept)."""
    overview, _projects = _sections(concept)
    status = record(concept.measures[0], (datetime.date(2026, 5, 4), "running", "Begonnen."))
    with translation.override("en"):
        refresh = purge.for_implementation(status)
    assert any(url.endswith(f"{overview}massnahmen/berufsschulen/") for url in refresh.now)
    assert not any("/en/" in url for url in refresh.now | refresh.later)


def test_citizens_activity_refreshes_the_approach_and_the_participation_page(
    concept, refresh_server, django_capture_on_commit_callbacks
) -> None:
    ensure_participation_page(concept.home)
    page = ParticipationPage.objects.descendant_of(concept.home).get()
    proposal = published(concept.approach)
    with django_capture_on_commit_callbacks(execute=True):
        services.confirm_support(proposal, "hash-einer-person")
    assert {concept.approach.url, page.url} <= _paths(refresh_server)
    assert concept.approaches[1].url not in _paths(refresh_server)
    refresh_server.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.change_status(proposal, Proposal.Status.IN_REVIEW, "", urls=services.Links.of(page))
    assert {concept.approach.url, page.url} <= _paths(refresh_server)


def test_a_round_edited_in_the_admin_refreshes_the_approaches_it_asked_about_before_and_now(
    concept, refresh_server
) -> None:
    ensure_participation_page(concept.home)
    redaktion = member_of(site_redaktion(concept))
    round_ = open_round(concept, PriorityRound.Audience.PUBLIC)  # the approach pages link it
    kept, dropped = concept.approaches
    values = {
        "site": str(concept.site.pk),
        "title": round_.title,
        "question": round_.question,
        "audience": round_.audience,
        "approaches": [str(kept.pk)],
    }
    assert post(redaktion, f"{ADMIN}edit/{round_.pk}/", values).status_code == 302
    assert list(round_.approaches.all()) == [kept]
    assert {kept.url, dropped.url} <= _paths(refresh_server)  # the dropped one no longer links it
    refresh_server.clear()
    assert post(redaktion, f"{ADMIN}delete/{round_.pk}/").status_code == 302
    assert not PriorityRound.objects.filter(pk=round_.pk).exists()
    assert kept.url in _paths(refresh_server)
    assert dropped.url not in _paths(refresh_server)
    refresh_server.clear()
    invited = open_round(concept)  # no public page links a round for invited people
    values = {**values, "audience": invited.audience, "approaches": [str(kept.pk)]}
    assert post(redaktion, f"{ADMIN}edit/{invited.pk}/", values).status_code == 302
    assert refresh_server == []


def test_one_transaction_refreshes_each_address_once(
    concept, refresh_server, django_capture_on_commit_callbacks
) -> None:
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        for approach in concept.approaches:
            approach.search_description = "Neu gefasst"
            approach.save_revision().publish()
    paths = [path for _method, _host, path in refresh_server]
    assert {approach.url for approach in concept.approaches} <= set(paths)
    assert len(paths) == len(set(paths))


def test_without_a_configured_cache_nothing_is_sent(concept, django_capture_on_commit_callbacks) -> None:
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        concept.approach.save_revision().publish()
    assert not any(getattr(c, "__qualname__", "").startswith("send") for c in callbacks)


def test_the_content_version_moves_before_nginx_is_asked_to_refresh(
    concept, refresh_server, django_capture_on_commit_callbacks, settings
) -> None:
    """nginx's refresh renders the page at once: asked before the version moved, the app would answer
    with the page kept for the old version, and nginx would keep that for KEK_CACHE_SECONDS. Whether
    this app's commit callback comes before kek/publications' depends on which signal receiver ran
    first (operations' receivers are connected before publications' for some signals)."""
    settings.KEK_BUILD_FILES = False  # the files built afterwards are not what this test is about
    with django_capture_on_commit_callbacks(execute=True):
        purge.send(purge.for_page(concept.field, elsewhere=False))
        mark_changed(concept.site.pk)
    changed_at = ContentVersion.objects.get(site=concept.site).changed_at
    assert Recorder.moments and changed_at <= min(Recorder.moments)


def test_a_project_moved_to_another_measure_refreshes_where_it_was(
    concept, refresh_server, django_capture_on_commit_callbacks
) -> None:
    overview, _projects = _sections(concept)
    project = concept.running[0]
    old_approach = project.approach.url
    with django_capture_on_commit_callbacks(execute=True):
        project.save_revision().publish()  # its publication before the move, as editing leaves it
    target = Measure.objects.get(key="breitband-gewerbegebiete")
    project.measure, project.approach = target, target.approach
    Recorder.seen.clear()
    with django_capture_on_commit_callbacks(execute=True):
        project.save_revision().publish()
    paths = _paths(refresh_server)
    assert {target.approach.url, f"{overview}massnahmen/breitband-gewerbegebiete/"} <= paths
    assert {old_approach, f"{overview}massnahmen/berufsschulen/"} <= paths


@pytest.mark.parametrize(
    "signal",
    [
        wagtail_signals.page_published,
        wagtail_signals.page_unpublished,
        wagtail_signals.post_page_move,
        wagtail_signals.published,
        wagtail_signals.unpublished,
        post_delete,
    ],
)
def test_the_version_is_recorded_before_the_refresh_is_asked_for(signal) -> None:
    """Outside a transaction (a management command) commit callbacks run at once, in the order of
    the signal's receivers: kek/publications, which records the content version, must come before
    this app, whose refresh would otherwise get the page kept for the old version."""
    modules = [getattr(ref(), "__module__", "") for _key, ref, *_rest in signal.receivers]
    if "kek.operations.purge" in modules and "kek.publications.signals" in modules:
        assert modules.index("kek.publications.signals") < modules.index("kek.operations.purge")
