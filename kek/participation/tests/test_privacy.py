"""Withdrawal by the author's link, and deletion after the configured time."""

import datetime

import pytest
from django.utils import timezone

from kek.participation import links, services
from kek.participation.models import Proposal, StatusChange, Support
from kek.participation.tasks import purge_personal_data

from .factories import ProposalFactory, published
from .helpers import browser, post, soup

pytestmark = pytest.mark.django_db


def withdraw_url(proposal: Proposal) -> str:
    return f"/mitmachen/zurueckziehen/{links.make(links.WITHDRAW, p=proposal.pk, t=str(proposal.token))}/"


def test_withdrawing_deletes_the_proposal_with_everything_that_belongs_to_it(concept):
    proposal = published(concept.approach)
    services.confirm_support(proposal, links.person_key("lea@example.org"))
    url = withdraw_url(proposal)
    visitor = browser()
    assert "Vorschlag zurückziehen und Daten löschen" in soup(visitor.get(url)).get_text()
    assert Proposal.objects.exists()  # opening the link deletes nothing
    response = post(visitor, url, {"csrfmiddlewaretoken": visitor.cookies["csrftoken"].value})
    assert response.status_code == 200
    assert not Proposal.objects.exists() and not Support.objects.exists() and not StatusChange.objects.exists()
    again = visitor.get(url)
    assert again.status_code == 410
    assert "zurückgezogen oder gelöscht" in soup(again).get_text()


def test_the_link_of_one_proposal_does_not_withdraw_another(concept):
    first, second = published(concept.approach), published(concept.approach)
    forged = links.make(links.WITHDRAW, p=second.pk, t=str(first.token))
    assert browser().get(f"/mitmachen/zurueckziehen/{forged}/").status_code == 410
    assert Proposal.objects.count() == 2


def test_the_task_deletes_expired_unconfirmed_proposals_and_erases_old_personal_data(concept, settings):
    settings.KEK_PARTICIPATION_RETENTION_DAYS = 30
    now = timezone.now()
    old = now - datetime.timedelta(days=31)
    stale = ProposalFactory(
        approach=concept.approach, status=Proposal.Status.UNCONFIRMED, created=now - datetime.timedelta(hours=49)
    )
    fresh = ProposalFactory(approach=concept.approach, status=Proposal.Status.UNCONFIRMED)
    closed = published(concept.approach, status=Proposal.Status.ACCEPTED, closed_at=old)
    services.confirm_support(closed, "hash-einer-person")
    open_ = published(concept.approach)
    result = purge_personal_data.enqueue()
    assert result.return_value == {"unconfirmed": 1, "erased": 1, "supports": 1}
    assert not Proposal.objects.filter(pk=stale.pk).exists()
    assert Proposal.objects.filter(pk=fresh.pk).exists()
    closed.refresh_from_db()
    assert (closed.email, closed.author_name, closed.support_count) == ("", "", 1)  # the count stays
    open_.refresh_from_db()
    assert open_.email == "kim@example.org"
