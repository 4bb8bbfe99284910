"""Submitting a proposal through the whole stack (CSRF, form, rate limit, database, mail)."""

import pytest
from django.core import mail, signing
from django.test import override_settings

from kek.core.models import FormSubmission
from kek.participation.models import Proposal

from .helpers import FORM_URL, browser, hidden_fields, last_link, post, proposal_values, send_form, soup

pytestmark = pytest.mark.django_db


def test_form_is_reached_from_the_approach_page_with_the_approach_preselected(client, concept):
    page = soup(client.get(concept.approach.url))
    section = page.select_one(".kek-citizen-proposals")
    assert "Vorschläge aus der Bürgerschaft" in section.get_text()
    link = section.find("a", string=lambda s: s and "Idee zu diesem Handlungsansatz" in s)["href"]
    assert link == f"{FORM_URL}?ansatz={concept.approach.pk}"
    form = soup(client.get(link))
    assert form.select_one("select[name=approach] option[selected]")["value"] == str(concept.approach.pk)
    # The Art. 13 notice stands at the form; the general page is in the main menu.
    assert "Art. 13 DSGVO" in form.select_one(".kek-privacy-notice").get_text()
    assert "Mitmachen" in [a.get_text(strip=True) for a in soup(client.get("/")).select(".kern-navigation a, nav a")]


def test_valid_proposal_is_stored_unconfirmed_and_the_author_gets_a_link(concept):
    visitor = browser()
    response = send_form(visitor, FORM_URL, proposal_values(concept))
    assert response.status_code == 302
    assert response["Location"] == "/mitmachen/eingereicht/"
    proposal = Proposal.objects.get()
    assert proposal.status == Proposal.Status.UNCONFIRMED
    assert proposal.site == concept.site
    assert proposal.approach_id == concept.approach.pk
    assert "/mitmachen/bestaetigen/" in last_link("kim@example.org")
    assert mail.outbox[-1].subject == "Bitte bestätigen Sie Ihren Vorschlag"


def test_no_raw_address_is_stored(concept):
    send_form(browser(), FORM_URL, proposal_values(concept))
    stored = [str(value) for row in FormSubmission.objects.values_list() for value in row]
    stored += [str(value) for row in Proposal.objects.values_list() for value in row]
    assert not any("127.0.0.1" in value for value in stored)


def test_place_fills_in_its_sub_region(concept):
    town = next(p for p in concept.places if p.name == "Neustadt an der Elbe")
    send_form(browser(), FORM_URL, proposal_values(concept, place=str(town.pk)))
    proposal = Proposal.objects.get()
    assert proposal.place == town
    assert proposal.sub_region is not None and proposal.sub_region.slug == town.sub_region_slug


TOO_LONG = "x" * 4001
BAD_INPUT = {
    "empty": ({"title": "", "description": "", "email": ""}, "Bitte geben Sie Ihrem Vorschlag einen Titel."),
    "too long": ({"description": TOO_LONG}, "höchstens 4000 Zeichen (jetzt 4001)"),
    "title too long": ({"title": "T" * 151}, "höchstens 150 Zeichen"),
    "markup": ({"description": "Ein Radweg <script>alert(1)</script> nach Altdorf bitte."}, "ohne HTML-Auszeichnungen"),
    "markup in title": ({"title": "<b>Radweg</b> jetzt"}, "ohne HTML-Auszeichnungen"),
    "wrong e-mail": ({"email": "kim@"}, "name@beispiel.de"),
    "no consent": ({"consent": ""}, "Datenschutzhinweise gelesen"),
    "approach of nowhere": ({"approach": "999999"}, "Handlungsansatz aus der Liste"),
    "honeypot": ({"website": "http://spam.example"}, "Bitte leer lassen"),
    "damaged time stamp": ({"started": "kaputt"}, "Das Formular war zu lange geöffnet"),
}


@pytest.mark.parametrize("changes, message", BAD_INPUT.values(), ids=BAD_INPUT.keys())
def test_bad_input_gets_a_german_message_and_keeps_what_was_typed(concept, changes, message):
    values = proposal_values(concept, **changes)
    response = send_form(browser(), FORM_URL, values)
    assert response.status_code == 400
    page = soup(response)
    assert message in page.select_one(".kek-error-summary").get_text(" ")
    assert page.find("input", attrs={"name": "title"}).get("value", "") == values["title"]
    assert page.find("textarea", attrs={"name": "description"}).get_text().removeprefix("\n") == values["description"]
    assert page.find("input", attrs={"name": "email"}).get("value", "") == values["email"]
    assert not Proposal.objects.exists()
    assert not mail.outbox


def test_a_damaged_time_stamp_is_replaced_so_the_form_goes_through_when_sent_again(concept):
    visitor = browser()
    response = send_form(visitor, FORM_URL, proposal_values(concept, started="kaputt"))
    again = hidden_fields(response.content.decode())
    signing.loads(again["started"], salt="kek.participation.form-started")  # a valid new stamp
    assert post(visitor, FORM_URL, {**proposal_values(concept), **again}).status_code == 302


@override_settings(KEK_FORM_MIN_SECONDS=60)
def test_a_form_sent_within_moments_is_refused_politely(concept):
    response = send_form(browser(), FORM_URL, proposal_values(concept))
    assert response.status_code == 400
    assert "Das ging sehr schnell" in soup(response).select_one(".kek-error-summary").get_text()
    assert not Proposal.objects.exists()


def test_the_same_form_sent_twice_is_stored_once(concept):
    visitor = browser()
    hidden = hidden_fields(visitor.get(FORM_URL).content.decode())
    values = {**hidden, **proposal_values(concept)}
    assert post(visitor, FORM_URL, values).status_code == 302
    assert post(visitor, FORM_URL, values).status_code == 302
    assert Proposal.objects.count() == 1
    assert len(mail.outbox) == 1


def test_a_sixth_proposal_within_the_hour_waits_and_keeps_the_text(concept):
    visitor = browser()
    for number in range(5):
        assert send_form(visitor, FORM_URL, proposal_values(concept, title=f"Vorschlag {number}")).status_code == 302
    response = send_form(visitor, FORM_URL, proposal_values(concept, title="Der sechste Vorschlag"))
    assert response.status_code == 429
    assert response["Retry-After"] == "600"
    page = soup(response)
    assert "Bitte warten Sie einige Minuten" in page.get_text()
    assert page.find("input", attrs={"name": "title"})["value"] == "Der sechste Vorschlag"
    assert Proposal.objects.count() == 5


def test_methods_other_than_get_and_post_are_refused(client, concept):
    assert client.put(FORM_URL).status_code == 405
