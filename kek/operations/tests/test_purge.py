"""Which addresses a publication refreshes, sent over real HTTP to a server standing in for nginx's
refresh server (it records each request's Host and path)."""

import datetime
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.db import transaction
from django.test import override_settings
from django.utils import timezone
from wagtail.models import Site

from kek.monitoring.services import ensure_pages as ensure_monitoring_pages
from kek.monitoring.tests.factories import record
from kek.operations import purge
from kek.participation import services
from kek.participation.models import ParticipationPage, Proposal
from kek.participation.services import ensure_page as ensure_participation_page
from kek.participation.tests.factories import published
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
    site = Site.objects.get(root_page=concept.home)
    assert {host for _method, host, _path in refresh_server} == {site.hostname}
    assert {method for method, _host, _path in refresh_server} == {"HEAD"}


def test_a_new_title_refreshes_the_pages_that_name_it(
    concept, refresh_server, django_capture_on_commit_callbacks
) -> None:
    concept.approach.title = "Ganz neuer Titel"
    _publish(concept.approach, django_capture_on_commit_callbacks)
    paths = _paths(refresh_server)
    assert {concept.theme.url, "/orte/", "/orte/karte/", "/indikatoren/", concept.approaches[1].url} <= paths
    assert "/impressum/" not in paths  # names neither the approach nor anything above it


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
    project = concept.running[0]
    project.description = "Neue Beschreibung"
    with django_capture_on_commit_callbacks(execute=True):
        project.save_revision().publish()
    paths = _paths(refresh_server)
    assert {project.approach.url, "/aenderungen/", concept.theme.url, "/orte/karte/"} <= paths


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
