"""Supporting a proposal: confirmed by e-mail (a real SMTP server), counted once per person."""

import pytest
from django.test import override_settings

from kek.participation.models import Proposal, Support

from .factories import ProposalFactory, published
from .helpers import browser, post, send_form, soup

pytestmark = pytest.mark.django_db


def support(proposal: Proposal, email: str, **extra):
    return send_form(browser(), f"/mitmachen/vorschlag/{proposal.pk}/", {"email": email, "consent": "on", **extra})


def confirm(link: str):
    visitor = browser()
    assert visitor.get(link).status_code == 200
    return post(visitor, link, {"csrfmiddlewaretoken": visitor.cookies["csrftoken"].value})


def count_shown(client, proposal: Proposal) -> str:
    return soup(client.get(f"/mitmachen/vorschlag/{proposal.pk}/")).select_one(".kek-support-count").get_text()


def test_support_counts_once_confirmed_and_once_per_person(concept, smtp, client):
    proposal = published(concept.approach)
    response = support(proposal, "lea@example.org")
    assert response.status_code == 200
    assert "Wir haben Ihnen eine E-Mail geschickt" in soup(response).get_text()
    assert count_shown(client, proposal) == "0"
    assert not Support.objects.exists()  # nothing stored before the confirmation

    link = smtp.link("lea@example.org")
    assert confirm(link).status_code == 302
    assert count_shown(client, proposal) == "1"
    assert Support.objects.get().person != "lea@example.org"  # only a keyed hash

    assert confirm(link).status_code == 410  # the same link again
    support(proposal, "LEA@example.org ")  # the same person again, with another spelling
    assert confirm(smtp.link("LEA@example.org")).status_code == 410
    support(proposal, "ole@example.org")
    assert confirm(smtp.link("ole@example.org")).status_code == 302
    assert count_shown(client, proposal) == "2"


def test_only_public_proposals_can_be_supported(concept, client):
    waiting = ProposalFactory(approach=concept.approach)
    assert client.get(f"/mitmachen/vorschlag/{waiting.pk}/").status_code == 404


@pytest.mark.parametrize(
    "values, message",
    [
        ({"email": ""}, "Bitte geben Sie Ihre E-Mail-Adresse an."),
        ({"email": "lea@@example"}, "name@beispiel.de"),
        ({"email": "lea@example.org", "consent": ""}, "Datenschutzhinweise gelesen"),
        ({"email": "lea@example.org", "website": "x"}, "Bitte leer lassen"),
    ],
)
def test_bad_support_input_is_answered_in_german_and_kept(concept, values, message):
    proposal = published(concept.approach)
    response = support(proposal, **{"consent": "on", **values})
    assert response.status_code == 400
    page = soup(response)
    assert message in page.select_one(".kek-error-summary").get_text(" ")
    assert page.find("input", attrs={"name": "email"}).get("value", "") == values["email"]


@override_settings(KEK_FORM_ADDRESS_LIMIT=1000)
def test_supports_from_one_browser_are_rate_limited(concept):
    proposal = published(concept.approach)
    visitor = browser()
    url = f"/mitmachen/vorschlag/{proposal.pk}/"
    statuses = [send_form(visitor, url, {"email": f"p{n}@example.org", "consent": "on"}).status_code for n in range(21)]
    assert statuses[:20] == [200] * 20
    assert statuses[20] == 429
