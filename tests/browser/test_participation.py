"""The citizens' dialogue in Chromium against the real server, its task worker and a real SMTP
server: propose, confirm by the mailed link, moderate as the Moderation role, find it in public,
support it with its own mailed link, see the count rise; the author is mailed at each step.
axe-core finds nothing on each form, its error state, the overview, a proposal and the rules.
The same form sent twice at the same moment is stored once."""

import json
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
from playwright.sync_api import expect

from .conftest import run_manage
from .live import Visitor, is_postgres, query

pytestmark = [pytest.mark.browser, pytest.mark.kek2030]  # the server's own database holds the KEK 2030

PASSWORD = "ein-langes-Passwort-2030"
AUTHOR = "autorin@example.org"
SUPPORTER = "unterstuetzer@example.org"
MODERATOR = "moderation@example.org"
TITLE = "Mitfahrbänke an den Haltestellen im Amt Hagenow"
APPROACH_URL = "/starker-wirtschaftsstandort/wirtschaftsstruktur/standortbedingungen/infrastruktur/"
FORM_MIN_SECONDS = 3  # KEK_FORM_MIN_SECONDS of the server: a faster form is taken for a robot

SETUP = """
import json
from django.contrib.auth.models import Group, User
from kek.plan.models import ApproachPage
user, _ = User.objects.get_or_create(username="moderation", defaults={"email": "MODERATOR"})
user.set_password("PASSWORD")
user.save()
user.groups.add(Group.objects.get(name="Moderation"))
print(json.dumps({"approach": ApproachPage.objects.get(slug="infrastruktur").pk}))
""".replace("PASSWORD", PASSWORD).replace("MODERATOR", MODERATOR)


@pytest.fixture(scope="module")
def ids(site_url):
    return json.loads(run_manage("shell", "-c", SETUP).strip().splitlines()[-1])


def wait_like_a_person(page) -> None:
    page.wait_for_timeout(FORM_MIN_SECONDS * 1000 + 300)


def test_whole_path_from_proposal_to_support(page, site_url, mailbox, ids):
    # Propose from the approach page, without an account.
    page.goto(site_url + APPROACH_URL)
    page.get_by_role("link", name="Eine Idee zu diesem Handlungsansatz einreichen").click()
    expect(page.locator("#id_approach")).to_have_value(str(ids["approach"]))
    page.fill("#id_title", TITLE)
    page.fill("#id_description", "Bänke mit Schild, auf denen man wartet, bis jemand in die gleiche Richtung fährt.")
    page.fill("#id_author_name", "Anna aus Hagenow")
    page.fill("#id_email", AUTHOR)
    page.check("#id_consent")
    wait_like_a_person(page)
    page.get_by_role("button", name="Vorschlag senden").click()
    page.wait_for_url(site_url + "/mitmachen/eingereicht/")

    # Confirm with the link from the mail that the SMTP server received.
    page.goto(mailbox.link(AUTHOR))
    page.get_by_role("button", name="Ja, Vorschlag bestätigen").click()
    expect(page.locator("main")).to_contain_text("liegt jetzt der Moderation vor")
    assert "wartet auf die Moderation" in mailbox.wait_for(MODERATOR)[0]["Subject"]

    # Moderate: publish it from the queue.
    page.goto(site_url + "/admin/login/")
    page.fill("#id_username", "moderation")
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(site_url + "/admin/")
    page.goto(site_url + "/admin/snippets/participation/proposal/?status=submitted")
    page.get_by_role("link", name=TITLE).first.click()
    page.select_option("#id_status", "published")
    with page.expect_navigation():
        page.get_by_role("button", name="Speichern").first.click()
    status_mails = mailbox.wait_for(AUTHOR, 3)  # confirmation link, receipt, status
    assert status_mails[2]["Subject"] == "Neuer Stand Ihres Vorschlags: veröffentlicht"

    # Public: on the approach page, clearly marked, and on its own page.
    page.context.clear_cookies()
    page.goto(site_url + APPROACH_URL)
    section = page.locator(".kek-citizen-proposals")
    expect(section).to_contain_text("Vorschlag aus der Bürgerschaft")
    section.get_by_role("link", name=TITLE).click()
    expect(page.locator(".kek-support-count")).to_have_text("0")

    # Support, confirmed by its own mail; the count rises.
    page.fill("#id_email", SUPPORTER)
    page.check("#id_consent")
    wait_like_a_person(page)
    page.get_by_role("button", name="Unterstützen").click()
    expect(page.locator("main")).to_contain_text("Wir haben Ihnen eine E-Mail geschickt")
    page.goto(mailbox.link(SUPPORTER))
    page.get_by_role("button", name="Ja, ich unterstütze diesen Vorschlag").click()
    expect(page.locator(".kek-support-count")).to_have_text("1")
    expect(page.locator("main")).to_contain_text("Ihre Unterstützung ist gezählt")


def _no_sideways_scrolling(page) -> int:
    return page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")


PAGES = {
    "overview": "/mitmachen/",
    "overview_filtered": "/mitmachen/?status=published&sortierung=unterstuetzt",
    "form": "/mitmachen/idee-einreichen/",
    "rules": "/mitmachen/regeln/",
    "subscribe": "/mitmachen/folgen/",
    "broken_link": "/mitmachen/bestaetigen/kaputt/",
}


@pytest.mark.parametrize("url", PAGES.values(), ids=PAGES.keys())
def test_pages_have_no_accessibility_violations_at_320_px(page, site_url, run_axe, url):
    page.set_viewport_size({"width": 320, "height": 800})
    page.goto(site_url + url)
    assert run_axe(page) == []
    assert _no_sideways_scrolling(page) <= 0


def test_error_states_and_proposal_page_are_accessible_at_320_px(page, site_url, run_axe):
    page.set_viewport_size({"width": 320, "height": 800})
    page.goto(site_url + "/mitmachen/idee-einreichen/")
    page.fill("#id_title", "<b>Zu kurz</b>")
    page.fill("#id_email", "keine-adresse")
    page.get_by_role("button", name="Vorschlag senden").click()
    expect(page.locator("#fehler")).to_be_focused()
    assert page.input_value("#id_title") == "<b>Zu kurz</b>"
    assert run_axe(page) == []
    assert _no_sideways_scrolling(page) <= 0

    page.goto(site_url + "/mitmachen/folgen/")
    page.fill("#id_email", "leser@")
    page.get_by_role("button", name="Abonnieren").click()
    expect(page.locator("#fehler")).to_be_focused()
    assert page.input_value("#id_email") == "leser@"
    assert run_axe(page) == []
    assert _no_sideways_scrolling(page) <= 0

    run_manage("shell", "-c", PUBLISHED)
    page.goto(site_url + "/mitmachen/")
    page.locator(".kek-proposal__title a").first.click()
    assert run_axe(page) == []
    assert _no_sideways_scrolling(page) <= 0
    page.fill("#id_email", "falsch@")
    page.get_by_role("button", name="Unterstützen").click()
    expect(page.locator("#fehler")).to_be_focused()
    assert run_axe(page) == []
    assert _no_sideways_scrolling(page) <= 0


# A published proposal with a long unbroken word, for the proposal page's audit.
PUBLISHED = """
from django.utils import timezone
from kek.participation.models import Proposal
from kek.plan.models import ApproachPage
approach = ApproachPage.objects.get(slug="infrastruktur")
Proposal.objects.create(site=approach.get_site(), approach=approach, title="Breitbandausbaubeschleunigungsvorhaben",
    description="Langes Wort: Donaudampfschifffahrtsgesellschaftskapitänsmützenabzeichen.", email="a@example.org",
    status=Proposal.Status.PUBLISHED, confirmed_at=timezone.now(), decided_at=timezone.now())
"""


def test_atom_feed_opens_as_a_readable_page(page, site_url):
    page.goto(site_url + "/aenderungen/feed/")
    expect(page.locator("h1")).to_have_text("Änderungen am Kreisentwicklungskonzept")
    expect(page.locator("main")).to_contain_text("Newsfeed im Atom-Format")


def test_the_same_proposal_sent_twice_at_the_same_moment_is_stored_once(site_url, ids):
    """Two copies of one form released together by a barrier: both answered with the thanks page,
    one row (the token is unique; get_or_create finds the other request's row)."""
    for round_ in range(4):
        visitor = Visitor(site_url)
        values = {
            **visitor.form("/mitmachen/idee-einreichen/"),
            "title": f"Zwillingsvorschlag {round_}",
            "description": "Derselbe Vorschlag, zweimal im selben Augenblick gesendet.",
            "approach": str(ids["approach"]),
            "email": "zwilling@example.org",
            "consent": "on",
        }
        time.sleep(FORM_MIN_SECONDS + 0.3)
        barrier = threading.Barrier(2)

        def send(values=values, visitor=visitor, barrier=barrier):
            barrier.wait()
            return visitor.post("/mitmachen/idee-einreichen/", values)

        with ThreadPoolExecutor(2) as pool:
            responses = [future.result() for future in [pool.submit(send) for _ in range(2)]]
        assert [r.status for r in responses] == [302, 302], [r.text[:300] for r in responses]
        token = values["token"].replace("-", "") if not is_postgres() else values["token"]
        stored = query(
            "SELECT count(*) FROM participation_proposal WHERE token = ?",
            "SELECT count(*) FROM participation_proposal WHERE token = %s",
            token,
        )
        assert stored[0][0] == 1
