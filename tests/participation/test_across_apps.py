"""The dialogue where it meets other apps: the concept's changes in the digest (kek/history through
a hook of kek/core), the paragraph in the Datenschutzerklärung (kek/legal), the main menu."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.utils import timezone

from kek.history.tests.test_history import publish_measures
from kek.participation import services
from kek.participation.models import Subscription

pytestmark = pytest.mark.django_db


def test_digest_of_the_whole_concept_lists_its_published_changes(concept):
    now = timezone.now()
    Subscription.objects.create(site=concept.site, email="leser@example.org", confirmed_at=now, last_sent_at=now)
    publish_measures(concept.approach, ["Ganz neu formulierte Maßnahme"])
    assert services.send_digests(now + datetime.timedelta(days=7, minutes=1)) == 1
    (digest,) = mail.outbox
    assert "Handlungsansatz" in digest.body and concept.approach.title in digest.body
    assert "/aenderungen/#aenderung-" in digest.body
    assert digest.extra_headers["List-Unsubscribe"].startswith("<http")


def test_privacy_notice_names_what_the_dialogue_stores_and_when_it_is_deleted(client, concept, settings):
    settings.KEK_PARTICIPATION_RETENTION_DAYS = 90
    page = BeautifulSoup(client.get("/datenschutz/").content.decode(), "html.parser")
    section = page.find(id="beteiligung").find_parent("section").get_text(" ")
    assert "90 Tage nach der Entscheidung" in section
    assert "zurückziehen" in section and "Prüfwert" in section
