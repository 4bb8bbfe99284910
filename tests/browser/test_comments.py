"""The comment form on a public proposal in Chromium: axe-core finds nothing at 320 px on the page
with the form, on its error state (with what was typed kept) and after sending; nothing scrolls
sideways."""

import json

import pytest
from playwright.sync_api import expect

from .conftest import run_manage

pytestmark = [pytest.mark.browser, pytest.mark.kek2030]  # the server's own database holds the KEK 2030
FORM_MIN_SECONDS = 3  # KEK_FORM_MIN_SECONDS of the server

SETUP = """
import json
from django.utils import timezone
from wagtail.models import Site
from kek.participation.models import Comment, ParticipationPage, Proposal
from kek.plan.models import ApproachPage
site = Site.objects.get(is_default_site=True)
approach = ApproachPage.objects.get(slug="infrastruktur")
proposal = Proposal.objects.create(
    site=site, approach=approach, title="Browser: Bank mit Kommentaren", email="a@example.org",
    description="Eine Bank an der Haltestelle, damit Wartende sitzen können.", status="published",
    confirmed_at=timezone.now(), decided_at=timezone.now(),
)
Comment.objects.create(proposal=proposal, text="Schon veröffentlicht.", author_name="Ben", email="b@example.org", status="published")
page = ParticipationPage.objects.live().get(path__startswith=site.root_page.path)
print(json.dumps({"proposal": page.url + page.reverse_subpage("proposal", kwargs={"pk": proposal.pk})}))
"""


@pytest.fixture(scope="module")
def urls(site_url):
    return json.loads(run_manage("shell", "-c", SETUP).strip().splitlines()[-1])


def _check(page, run_axe) -> None:
    assert run_axe(page) == []
    assert page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth") <= 0


def test_comment_form_its_error_state_and_the_thanks_at_320_px(page, site_url, run_axe, urls):
    page.set_viewport_size({"width": 320, "height": 900})
    page.goto(site_url + urls["proposal"])
    expect(page.locator(".kek-comment")).to_have_count(1)
    _check(page, run_axe)
    page.fill("#id_kommentar-author_name", "Jo")
    page.wait_for_timeout(FORM_MIN_SECONDS * 1000 + 300)
    page.get_by_role("button", name="Kommentar senden").click()  # no text, no address: the error state
    expect(page.locator("main")).to_contain_text("Bitte schreiben Sie Ihren Kommentar.")
    expect(page.locator("#id_kommentar-author_name")).to_have_value("Jo")
    _check(page, run_axe)
    page.fill("#id_kommentar-text", "Ein guter Platz wäre vor der Apotheke.")
    page.fill("#id_kommentar-email", "jo@example.org")
    page.check("#id_kommentar-consent")
    page.wait_for_timeout(FORM_MIN_SECONDS * 1000 + 300)
    page.get_by_role("button", name="Kommentar senden").click()
    expect(page.locator("main")).to_contain_text("Wir haben Ihnen eine E-Mail geschickt")
    expect(page.locator(".kek-comment")).to_have_count(1)  # not shown before the Moderation decides
    _check(page, run_axe)
