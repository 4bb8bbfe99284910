"""Double opt-in through a real SMTP server: the link is taken from the mail that arrived there."""

import time

import pytest
from django.contrib.auth.models import Group, User

from kek.participation import links
from kek.participation.models import Proposal

from .helpers import FORM_URL, browser, post, proposal_values, send_form, soup

pytestmark = pytest.mark.django_db
AUTHOR = "kim@example.org"


@pytest.fixture
def moderator(db):
    user = User.objects.create_user("moderatorin", "moderation@example.org")
    user.groups.add(Group.objects.get(name="Moderation"))
    return user


def submit(concept, smtp) -> str:
    visitor = browser()
    assert send_form(visitor, FORM_URL, proposal_values(concept)).status_code == 302
    return smtp.link(AUTHOR)


def test_link_from_the_mail_confirms_once_and_the_moderation_is_told(concept, smtp, moderator):
    link = submit(concept, smtp)
    assert smtp.to(AUTHOR)[0]["Subject"] == "Bitte bestätigen Sie Ihren Vorschlag"
    visitor = browser()
    page = visitor.get(link)  # a mail scanner opening the link confirms nothing
    assert page.status_code == 200
    assert Proposal.objects.get().status == Proposal.Status.UNCONFIRMED
    response = post(visitor, link, {"csrfmiddlewaretoken": visitor.cookies["csrftoken"].value})
    assert response.status_code == 200
    assert "liegt jetzt der Moderation vor" in soup(response).get_text()
    proposal = Proposal.objects.get()
    assert proposal.status == Proposal.Status.SUBMITTED
    assert proposal.confirmed_at is not None
    notice = smtp.wait_for("moderation@example.org")[0]
    assert "wartet auf die Moderation" in notice["Subject"]
    assert "/admin/snippets/participation/proposal/edit/" in notice.get_content()
    received = smtp.wait_for(AUTHOR, 2)[1]
    assert "/mitmachen/zurueckziehen/" in received.get_content()

    # The same link again: used.
    again = post(visitor, link, {"csrfmiddlewaretoken": visitor.cookies["csrftoken"].value})
    assert again.status_code == 410
    assert "schon verwendet" in soup(again).get_text()
    assert visitor.get(link).status_code == 410


def test_an_expired_link_says_so(concept, smtp, monkeypatch):
    submit(concept, smtp)
    proposal = Proposal.objects.get()
    real = time.time()
    monkeypatch.setattr("django.core.signing.time.time", lambda: real - 49 * 3600)
    old = links.make(links.CONFIRM, p=proposal.pk, t=str(proposal.token))
    monkeypatch.undo()
    response = browser().get(f"/mitmachen/bestaetigen/{old}/")
    assert response.status_code == 410
    assert "abgelaufen" in soup(response).get_text()
    assert Proposal.objects.get().status == Proposal.Status.UNCONFIRMED


def test_a_damaged_link_says_so(concept, smtp):
    link = submit(concept, smtp)
    response = browser().get(link.replace("/bestaetigen/", "/bestaetigen/x"))
    assert response.status_code == 410
    assert "beschädigt" in soup(response).get_text()


def test_a_link_of_another_purpose_is_refused(concept, smtp):
    submit(concept, smtp)
    proposal = Proposal.objects.get()
    withdraw = links.make(links.WITHDRAW, p=proposal.pk, t=str(proposal.token))
    assert browser().get(f"/mitmachen/bestaetigen/{withdraw}/").status_code == 410
