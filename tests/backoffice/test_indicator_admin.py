"""The indicator form in the admin, sent as a browser sends it: a Fachdienst enters a value with its
source for an indicator of its field; a value without a source or dated in the future is refused
with a German message; the public page shows what was saved."""

import datetime

import pytest
from django.contrib.auth.models import User
from django.urls import reverse

from kek.editorial.tests.admin_forms import form_fields
from kek.indicators.models import IndicatorValue
from kek.indicators.tests.conftest import HOST, INDEX, Concept, build_concept, grant, make_indicator

pytestmark = pytest.mark.django_db


@pytest.fixture
def concept(settings) -> Concept:
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, HOST]
    return build_concept(HOST, "musterland")


@pytest.fixture
def fachdienst(client, concept) -> User:
    user = User.objects.create_user("fachdienst", "fd@example.org", "ein-langes-Passwort-2030")
    user.groups.add(grant("Fachdienst Lebensraum", concept.field, "add_page", "change_page"))
    client.force_login(user)
    return user


def send_value(client, indicator, **value):
    url = reverse("wagtailsnippets_indicators_indicator:edit", args=[indicator.pk])
    data = form_fields(client.get(url).content.decode())
    data.update({"values-TOTAL_FORMS": "1", "values-0-id": "", "values-0-ORDER": "1", "values-0-DELETE": ""})
    data.update({f"values-0-{name}": str(v) for name, v in value.items()})  # numbers as a number input sends them
    return client.post(url, data)


def test_fachdienst_enters_a_sourced_value_that_the_public_page_shows(client, concept, fachdienst):
    indicator = make_indicator(concept)
    response = send_value(client, indicator, year=2021, value="62.5", source="Energiebericht 2022", as_of="15.03.2022")
    assert response.status_code == 302
    assert list(IndicatorValue.objects.filter(indicator=indicator).values_list("year", "source")) == [
        (2021, "Energiebericht 2022")
    ]
    page = client.get(INDEX + "co2/", HTTP_HOST=HOST).content.decode()
    assert "Energiebericht 2022" in page and "62,5" in page


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ({"source": "", "as_of": "15.03.2022"}, "Dieses Feld muss ausgefüllt werden."),
        (
            {"source": "Bericht", "as_of": (datetime.date.today() + datetime.timedelta(days=3)).strftime("%d.%m.%Y")},
            "liegt in der Zukunft",
        ),
    ],
)
def test_a_value_without_source_or_from_the_future_is_refused(client, concept, fachdienst, value, message):
    indicator = make_indicator(concept)
    response = send_value(client, indicator, year=2021, value="62.5", **value)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not IndicatorValue.objects.filter(indicator=indicator).exists()


def test_fachdienst_cannot_link_an_indicator_to_another_field_through_the_form(client, concept, fachdienst):
    indicator = make_indicator(concept)
    url = reverse("wagtailsnippets_indicators_indicator:edit", args=[indicator.pk])
    data = form_fields(client.get(url).content.decode())
    data["sub_goals"] = [str(concept.sub_goal.pk), str(concept.other_sub_goal.pk)]
    response = client.post(url, data)
    assert response.status_code == 200
    assert "Sie dürfen nur Seiten verknüpfen oder lösen, die Sie bearbeiten dürfen." in response.content.decode()
    assert list(indicator.sub_goals.all()) == [concept.sub_goal]
