"""Priority rounds in Chromium against the real server: the personal rating page (empty, its error
state, after saving) and a closed round's result page have no axe-core violations at 320 px and
do not scroll sideways; the result's chart carries its numbers as text, not colour."""

import json

import pytest
from playwright.sync_api import expect

from .conftest import run_manage

pytestmark = [pytest.mark.browser, pytest.mark.kek2030]  # the server's own database holds the KEK 2030

SETUP = """
import json
from wagtail.models import Site
from kek.participation import links, rounds
from kek.participation.models import ParticipationPage, PriorityRound, RoundParticipant
from kek.plan.models import ApproachPage
site = Site.objects.get(is_default_site=True)
approaches = list(ApproachPage.objects.live().filter(path__startswith=site.root_page.path).order_by("path")[:6])
def make(title):
    r = PriorityRound.objects.create(site=site, title=title, question="Was ist Ihnen am wichtigsten?", audience="invited")
    r.approaches.set(approaches)
    return r
open_round, closed = make("Browser: offene Runde"), make("Browser: beendete Runde")
person = RoundParticipant.objects.create(round=open_round, person="browser-test")
for n in range(3):
    voter = RoundParticipant.objects.create(round=closed, person=f"voter-{n}")
    rounds.rate(voter, {a.pk: 1 + (i + n) % 5 for i, a in enumerate(approaches)})
rounds.close(closed)
page = ParticipationPage.objects.live().filter(path__startswith=site.root_page.path).first()
print(json.dumps({
    "rate": page.url + page.reverse_subpage("round-rate", kwargs={"signed": links.make(links.ROUND, r=open_round.pk, t=str(person.token))}),
    "result": page.url + page.reverse_subpage("round-result", kwargs={"pk": closed.pk}),
    "round": page.url + page.reverse_subpage("round", kwargs={"pk": open_round.pk}),
}))
"""


@pytest.fixture(scope="module")
def urls(site_url):
    return json.loads(run_manage("shell", "-c", SETUP).strip().splitlines()[-1])


def _sideways(page) -> int:
    return page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")


def _check(page, run_axe) -> None:
    assert run_axe(page) == []
    assert _sideways(page) <= 0


def test_rating_page_its_error_state_and_saving_at_320_px(page, site_url, run_axe, urls):
    page.set_viewport_size({"width": 320, "height": 800})
    page.goto(site_url + urls["rate"])
    _check(page, run_axe)
    page.get_by_role("button", name="Bewertung speichern").click()  # nothing chosen: the error state
    expect(page.locator("main")).to_contain_text("Bitte wählen Sie eine Bewertung")
    _check(page, run_axe)
    for choice in page.get_by_label("4 – sehr wichtig").all():  # one per approach
        choice.check()
    page.get_by_role("button", name="Bewertung speichern").click()
    expect(page.locator("main")).to_contain_text("Ihre Bewertung ist gespeichert")
    _check(page, run_axe)
    page.goto(site_url + urls["round"])
    _check(page, run_axe)


def test_result_page_at_320_px(page, site_url, run_axe, urls):
    page.set_viewport_size({"width": 320, "height": 800})
    page.goto(site_url + urls["result"])
    _check(page, run_axe)
    expect(page.locator("main")).to_contain_text("3 Personen haben bewertet")
    expect(page.locator(".kek-round-bars li").first).to_contain_text("Mittelwert")
    expect(page.get_by_role("link", name="Ergebnis als CSV-Datei herunterladen")).to_be_visible()
