"""Published progress entries are kept: the admin form refuses to delete one or to change its
date or status (the wording may be corrected), with a German message and nothing saved."""

import datetime

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from kek.editorial.tests.admin_forms import form_fields
from kek.monitoring.records import Implementation
from kek.monitoring.tests.factories import record
from kek.monitoring.vocabulary import Status
from kek.plan.tests.factories import small_concept

pytestmark = pytest.mark.django_db


@pytest.fixture
def chief() -> Client:
    client = Client()
    client.force_login(User.objects.create_superuser("chef", "chef@example.org", "pw"))
    return client


@pytest.fixture
def published(chief):
    concept = small_concept()
    return record(concept.running[0], (datetime.date(2024, 2, 1), Status.IMPLEMENTING, "Erste Messe."))


def edit(chief, implementation, **changes):
    url = reverse("wagtailsnippets_monitoring_implementation:edit", args=[implementation.pk])
    data = {**form_fields(chief.get(url).content.decode()), **changes, "action-publish": "1"}
    return chief.post(url, data)


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"entries-0-DELETE": "1"}, "können nicht gelöscht werden"),
        ({"entries-0-status": Status.DROPPED}, "Datum und Stand eines veröffentlichten Eintrags bleiben"),
        ({"entries-0-date": "2023-01-01"}, "Datum und Stand eines veröffentlichten Eintrags bleiben"),
    ],
)
def test_published_entries_cannot_be_deleted_or_redated(chief, published, changes, message):
    response = edit(chief, published, **changes)
    assert response.status_code == 200  # the form again, with what was typed
    assert message in response.content.decode()
    entries = list(Implementation.objects.get(pk=published.pk).entries.values_list("date", "status"))
    assert entries == [(datetime.date(2024, 2, 1), Status.IMPLEMENTING)]


def test_wording_of_a_published_entry_may_be_corrected(chief, published):
    response = edit(chief, published, **{"entries-0-text": "Erste Ausbildungsmesse mit 40 Betrieben."})
    assert response.status_code == 302
    assert Implementation.objects.get(pk=published.pk).entries.get().text.startswith("Erste Ausbildungsmesse")


def test_a_future_entry_is_refused_politely(chief, published):
    future = (datetime.date.today() + datetime.timedelta(days=30)).isoformat()
    url = reverse("wagtailsnippets_monitoring_implementation:edit", args=[published.pk])
    data = form_fields(chief.get(url).content.decode())
    data |= {"entries-TOTAL_FORMS": "2", "entries-1-date": future, "entries-1-status": "completed"}
    data |= {"entries-1-text": "Vorgegriffen.", "action-publish": "1"}
    response = chief.post(url, data)
    assert "Ein Stand kann nicht für die Zukunft eingetragen werden." in response.content.decode()
    assert Implementation.objects.get(pk=published.pk).entries.count() == 1
