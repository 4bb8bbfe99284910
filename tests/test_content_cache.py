"""Parts of pages kept per content version (kek/core/content_cache.py) are never stale: with every
kept part warm, a published edit, a setting saved, a status published, a page moved or a proposal
published shows on the very next request. Each change is committed (its on-commit work runs), as in
the back office."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.template.defaultfilters import filesizeformat
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kek.core.content_cache import forget_kept
from kek.core.models import SiteIdentity
from kek.core.richtext import text_of
from kek.legal.models import LegalSettings
from kek.monitoring.services import ensure_pages
from kek.monitoring.tests.factories import record, unit
from kek.monitoring.vocabulary import Status
from kek.participation import services
from kek.participation.models import ParticipationPage, PriorityRound, Proposal
from kek.participation.services import Links, ensure_page
from kek.participation.tests.factories import ProposalFactory, published
from kek.plan.tests.fixtures import concept_fixtures
from kek.publications import files
from kek.publications.models import ContentVersion
from kek.publications.pdf import PDF_FILE

pytestmark = pytest.mark.django_db
DAY = datetime.date(2024, 3, 1)


def _complete(concept) -> None:
    ensure_pages(concept.home)  # monitoring's sections: the status lines link to them
    ensure_page(concept.home)  # "Mitmachen": the proposals on approach pages


module_concept, concept = concept_fixtures(_complete)


@pytest.fixture
def commit(settings, django_capture_on_commit_callbacks):
    """Run a change's on-commit work (the content version moves), as a committed request would."""
    settings.KEK_BUILD_FILES = False  # the files built after a change are not what these tests check

    def run(change):
        with django_capture_on_commit_callbacks(execute=True):
            return change()

    return run


@pytest.fixture
def versioned(concept, commit):
    """The small concept with a recorded content version, as after its import."""
    commit(lambda: unit(concept.site))  # any committed change of the site records it
    assert ContentVersion.objects.filter(site=concept.site).exists()
    return concept


def text(response) -> str:
    return " ".join(BeautifulSoup(response.content.decode(), "html.parser").get_text(" ").split())


def warm(client, *urls: str) -> None:
    for url in urls:
        assert client.get(url).status_code == 200


def queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def test_kept_parts_are_reused_until_the_version_moves(client, versioned, commit):
    url = versioned.approaches[0].url
    warm(client, url)
    warm_count = queries(client, url)
    commit(lambda: record(versioned.running[0], (DAY, Status.COMPLETED, "Fertig.")))
    assert queries(client, url) > warm_count  # built anew for the new version
    assert queries(client, url) == warm_count


def test_published_page_edit_shows_in_page_and_menu_on_the_next_request(client, versioned, commit):
    field, about = versioned.field, versioned.about
    warm(client, about.url, field.url)

    def retitle():
        field.title = "Starke Wirtschaft und Arbeit"
        field.save_revision().publish()

    commit(retitle)
    assert "Starke Wirtschaft und Arbeit" in text(client.get(about.url))  # the main menu on another page


def test_page_move_shows_in_the_menu_on_the_next_request(client, versioned, commit):
    theme_index, about = versioned.theme_index, versioned.about
    menu = BeautifulSoup(client.get(about.url).content.decode(), "html.parser").select_one(".kek-nav")
    assert theme_index.title in menu.get_text()
    commit(lambda: theme_index.move(versioned.field, pos="last-child"))
    menu = BeautifulSoup(client.get(about.url).content.decode(), "html.parser").select_one(".kek-nav")
    assert theme_index.title not in menu.get_text()


def test_appearance_and_legal_settings_show_on_the_next_request(client, versioned, commit):
    warm(client, "/", versioned.about.url)
    commit(lambda: SiteIdentity.objects.update_or_create(site=versioned.site, defaults={"name": "Musterkreis digital"}))

    def provider():
        legal = LegalSettings.for_site(versioned.site)
        legal.provider = "Landkreis Musterland, Der Landrat"
        legal.save()

    commit(provider)
    page = text(client.get(versioned.about.url))
    assert "Musterkreis digital" in page
    assert "Offizielle Website – Landkreis Musterland, Der Landrat" in page
    assert page.rstrip().endswith("Landkreis Musterland, Der Landrat")  # the footer


def test_published_status_shows_on_approach_and_place_page_on_the_next_request(client, versioned, commit):
    project, measure = versioned.running[0], versioned.measures[2]
    place_url = f"{versioned.place_index.url}altdorf/"

    def status_lines() -> str:
        soup = BeautifulSoup(client.get(project.approach.url).content.decode(), "html.parser")
        return " ".join(note.get_text(" ") for note in soup.select(".kek-approach-note"))

    def under_way_here() -> str:
        return text(client.get(place_url)).split("Was hier in Arbeit ist", 1)[1]

    assert "abgeschlossen" not in status_lines()
    assert text_of(measure.text) not in under_way_here()
    commit(lambda: record(project, (DAY + datetime.timedelta(days=30), Status.COMPLETED, "Fertig.")))
    assert "abgeschlossen" in status_lines()
    commit(lambda: record(measure, (DAY, Status.ONGOING, "Beratung jede Woche.")))
    assert text_of(measure.text) in under_way_here().split("Im ganzen Landkreis", 1)[1]


def test_citizens_activity_shows_on_the_next_request(client, versioned, commit):
    """Published by the Moderation, supported, withdrawn: each through the service the back office
    and the public forms use."""
    approach = versioned.approaches[0]
    proposal = ProposalFactory(approach=approach, title="Bänke am Radweg", status=Proposal.Status.SUBMITTED)
    warm(client, approach.url)
    assert "Bänke am Radweg" not in text(client.get(approach.url))
    urls = Links.of(ParticipationPage.objects.descendant_of(versioned.home).get())
    commit(lambda: services.change_status(proposal, Proposal.Status.PUBLISHED, "", urls=urls))
    assert "Bänke am Radweg" in text(client.get(approach.url))
    commit(lambda: services.confirm_support(proposal, "person-1"))
    assert "Bänke am Radweg 1 Unterstützung" in text(client.get(approach.url))
    commit(lambda: services.withdraw(proposal))
    assert "Bänke am Radweg" not in text(client.get(approach.url))


def delete_in_back_office(admin_client, commit, snippet) -> None:
    """Delete a participation snippet through its admin view, as the Moderation does."""
    url = reverse(f"wagtailsnippets_participation_{snippet._meta.model_name}:delete", args=[snippet.pk])
    commit(lambda: admin_client.post(url))
    assert not type(snippet).objects.filter(pk=snippet.pk).exists()


def test_a_proposal_deleted_in_the_back_office_leaves_the_page(client, versioned, commit, admin_client):
    approach = versioned.approaches[0]
    proposal = published(approach, title="Bänke am Radweg")
    assert "Bänke am Radweg" in text(client.get(approach.url))
    delete_in_back_office(admin_client, commit, proposal)
    assert "Bänke am Radweg" not in text(client.get(approach.url))


def test_nothing_is_kept_without_a_recorded_version(client, concept):
    """A site whose content was never recorded (as in a test that does not commit) is built
    each time: an edit shows although no version moved."""
    assert not ContentVersion.objects.filter(site=concept.site).exists()
    warm(client, concept.about.url)
    concept.field.title = "Ohne Stand geändert"
    concept.field.save_revision().publish()
    assert "Ohne Stand geändert" in text(client.get(concept.about.url))


def test_a_round_deleted_in_the_back_office_leaves_its_approach_pages(client, versioned, commit, admin_client):
    approach = versioned.approaches[0]
    round_ = PriorityRound.objects.create(
        site=versioned.site, title="Was zuerst?", question="Was ist wichtig?", audience=PriorityRound.Audience.PUBLIC
    )
    round_.approaches.set([approach])
    assert "Diesen Handlungsansatz bewerten" in text(client.get(approach.url))
    delete_in_back_office(admin_client, commit, round_)
    assert "Diesen Handlungsansatz bewerten" not in text(client.get(approach.url))


def test_a_kept_page_is_the_page_built_anew(client, versioned):
    """Kept whole: the next request gets the same bytes without building anything (the queries of a
    bare Wagtail page and the content version), the first one after emptying the cache builds them."""
    url = versioned.approaches[0].url
    built = client.get(url).content
    assert queries(client, url) == 5
    assert client.get(url).content == built
    forget_kept()
    assert queries(client, url) > 5
    assert client.get(url).content == built


def test_what_an_editor_sees_or_a_filter_selects_is_built_each_time(client, versioned, admin_client):
    url = versioned.approaches[0].url
    warm(client, url)
    assert queries(client, url) == 5
    assert queries(client, url + "?ansicht=druck") > 5
    assert queries(client, url + "?ansicht=druck") > 5
    warm(admin_client, url)
    assert queries(admin_client, url) > 5


def test_a_draft_previewed_while_the_page_is_kept_shows_the_draft(client, versioned):
    approach = versioned.approaches[0]
    warm(client, approach.url)
    approach.title = "Entwurf: Ausbildung"
    approach.save_revision()
    preview = approach.get_latest_revision_as_object().make_preview_request()
    assert "Entwurf: Ausbildung" in text(preview.render())
    assert "Entwurf: Ausbildung" not in text(client.get(approach.url))


def test_the_start_page_names_the_pdf_built_after_it_was_kept(client, versioned):
    home = client.get("/")
    assert "Stand:" not in text(home)  # the PDF is not built yet
    stored = files.build(versioned.site, PDF_FILE)
    size = " ".join(filesizeformat(stored.size).split())
    assert f"(PDF, {size}, Stand:" in text(client.get("/"))
