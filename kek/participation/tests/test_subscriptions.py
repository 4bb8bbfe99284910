"""Following changes by e-mail: double opt-in through a real SMTP server, digests when something
happened, one-click unsubscribe that deletes the address."""

import datetime

import pytest
from django.test import Client
from django.utils import timezone

from kek.participation import services
from kek.participation.models import Proposal, StatusChange, Subscription
from kek.participation.tasks import send_digests

from .factories import published
from .helpers import browser, post, send_form, soup

pytestmark = pytest.mark.django_db
READER = "leser@example.org"


def subscribe(url: str, smtp, frequency: str = "daily") -> Subscription:
    response = send_form(browser(), url, {"email": READER, "frequency": frequency, "consent": "on"})
    assert response.status_code == 200
    assert "Wir haben Ihnen eine E-Mail geschickt" in soup(response).get_text()
    link = smtp.link(READER)
    visitor = browser()
    assert "Ja, Abonnement bestätigen" in visitor.get(link).content.decode()
    post(visitor, link, {"csrfmiddlewaretoken": visitor.cookies["csrftoken"].value})
    subscription = Subscription.objects.get()
    assert subscription.confirmed_at is not None
    return subscription


def a_day_later(subscription: Subscription) -> datetime.datetime:
    return subscription.last_sent_at + datetime.timedelta(days=1, minutes=1)


def test_approach_digest_lists_new_steps_with_a_one_click_unsubscribe(concept, smtp):
    proposal = published(concept.approach, title="Radweg an der Elbe")
    subscription = subscribe(f"/mitmachen/folgen/?ansatz={concept.approach.pk}", smtp)
    assert subscription.page_id == concept.approach.pk
    StatusChange.objects.create(proposal=proposal, status=Proposal.Status.IN_REVIEW)
    assert services.send_digests(subscription.last_sent_at + datetime.timedelta(hours=1)) == 0  # not due yet
    assert services.send_digests(a_day_later(subscription)) == 1
    digest = smtp.wait_for(READER, 2)[1]
    assert digest["Subject"].strip() == f"Neues zum Handlungsansatz „{concept.approach.title}“"
    assert "Radweg an der Elbe“: in Prüfung" in digest.get_content()
    unsubscribe = digest["List-Unsubscribe"].strip().strip("<>")
    assert digest["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    # The mail program posts once, without cookie or CSRF token; the address is gone.
    response = Client(enforce_csrf_checks=True).post(unsubscribe, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    assert not Subscription.objects.exists()
    assert Client().get(unsubscribe).status_code == 410


def test_nothing_new_sends_nothing_and_other_approaches_do_not_count(concept, smtp):
    other_approach = concept.approaches[1]
    proposal = published(other_approach)
    subscription = subscribe(f"/mitmachen/folgen/?ansatz={concept.approach.pk}", smtp)
    StatusChange.objects.create(proposal=proposal, status=Proposal.Status.IN_REVIEW)
    assert send_digests.enqueue().return_value == 0
    assert services.send_digests(a_day_later(subscription)) == 0


def test_weekly_subscription_to_a_proposal(concept, smtp):
    proposal = published(concept.approach, title="Dorfladen")
    subscription = subscribe(f"/mitmachen/folgen/?vorschlag={proposal.pk}", smtp, frequency="weekly")
    assert subscription.proposal_id == proposal.pk
    StatusChange.objects.create(proposal=proposal, status=Proposal.Status.ACCEPTED)
    assert services.send_digests(a_day_later(subscription)) == 0
    assert services.send_digests(subscription.last_sent_at + datetime.timedelta(days=7, minutes=1)) == 1


def test_the_unsubscribe_page_asks_before_it_deletes(concept, smtp):
    subscribe("/mitmachen/folgen/", smtp)
    subscription = Subscription.objects.get()
    Subscription.objects.filter(pk=subscription.pk).update(last_sent_at=timezone.now() - datetime.timedelta(days=2))
    StatusChange.objects.create(proposal=published(concept.approach), status=Proposal.Status.IN_REVIEW)
    assert services.send_digests() == 1
    link = smtp.wait_for(READER, 2)[1]["List-Unsubscribe"].strip().strip("<>")
    assert "Abonnement beenden" in Client().get(link).content.decode()
    assert Subscription.objects.exists()


@pytest.mark.parametrize(
    "values, message",
    [
        ({"email": "", "frequency": "daily"}, "Bitte geben Sie Ihre E-Mail-Adresse an."),
        ({"email": "leser@", "frequency": "daily"}, "name@beispiel.de"),
        ({"email": READER, "frequency": "stündlich"}, "gültige Auswahl"),
        ({"email": READER, "frequency": "daily", "consent": ""}, "Datenschutzhinweise gelesen"),
    ],
)
def test_bad_subscription_input_is_answered_in_german_and_kept(concept, values, message):
    response = send_form(browser(), "/mitmachen/folgen/", {"consent": "on", **values})
    assert response.status_code == 400
    page = soup(response)
    assert message in page.select_one(".kek-error-summary").get_text(" ")
    assert page.find("input", attrs={"name": "email"}).get("value", "") == values["email"]
    assert not Subscription.objects.exists()


def test_each_scope_is_named_in_whole_german_sentences(concept, smtp):
    """Never "an das ganze …" or "zu Handlungsansatz …": one sentence per scope, declined as German needs."""
    proposal = published(concept.approach, title="Dorfladen")
    cases = {
        "": ("Änderungen am ganzen Kreisentwicklungskonzept", "Neues zum ganzen Kreisentwicklungskonzept"),
        f"?feld={concept.field.pk}": (
            f"Änderungen im Handlungsfeld „{concept.field.title}“",
            f"Neues im Handlungsfeld „{concept.field.title}“",
        ),
        f"?ansatz={concept.approach.pk}": (
            f"Änderungen am Handlungsansatz „{concept.approach.title}“",
            f"Neues zum Handlungsansatz „{concept.approach.title}“",
        ),
        f"?vorschlag={proposal.pk}": ("Vorschlag aus der Bürgerschaft „Dorfladen“", "Neues zum Vorschlag „Dorfladen“"),
    }
    for number, (query, (intro, confirmed)) in enumerate(cases.items()):
        page = soup(browser().get(f"/mitmachen/folgen/{query}")).get_text(" ")
        assert intro in page, page
        send_form(browser(), f"/mitmachen/folgen/{query}", {"email": READER, "frequency": "daily", "consent": "on"})
        assert "täglich per E-Mail folgen." in smtp.wait_for(READER, number + 1)[number].get_content()
        link = smtp.link(READER, number + 1)
        visitor = browser()
        visitor.get(link)
        done = post(visitor, link, {"csrfmiddlewaretoken": visitor.cookies["csrftoken"].value})
        assert f"Danke! Sie bekommen ab jetzt täglich eine E-Mail, wenn es {confirmed} gibt." in soup(done).get_text()
