"""Rights on indicators follow page permissions: a site's Redaktion has all of its site's, a
Fachdienst those linked to its field (no deleting), another site's Redaktion none."""

import datetime

import pytest
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.admin.panels import ObjectList
from wagtail.permissions import policy_registry

from kek.core.admin_urls import names_an_object
from kek.indicators.forms import IndicatorForm
from kek.indicators.models import Indicator
from kek.indicators.wagtail_hooks import IndicatorViewSet

from .conftest import grant, make_indicator

pytestmark = pytest.mark.django_db

REDAKTION = ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]
FACHDIENST = ["add_page", "change_page"]


@pytest.fixture
def people(concept, second_concept):
    groups = {
        "redaktion": grant("Redaktion Musterland", concept.home, *REDAKTION),
        "fachdienst": grant("Fachdienst Lebensraum", concept.field, *FACHDIENST),
        "fachdienst_other": grant("Fachdienst Wirtschaft", concept.other_field, *FACHDIENST),
        "redaktion_other_site": grant("Redaktion Zweitland", second_concept.home, *REDAKTION),
    }
    users = {}
    for name, group in groups.items():
        users[name] = User.objects.create_user(name, f"{name}@example.org", "ein-langes-Passwort-2030")
        users[name].groups.add(group)
    return users


@pytest.fixture
def indicators(concept):
    return {
        "own": make_indicator(concept, "co2"),
        "other": make_indicator(concept, "flaechen", sub_goal=concept.other_sub_goal),
    }


def may(user, action, indicator) -> bool:
    return policy_registry.get_by_type(Indicator).user_has_permission_for_instance(user, action, indicator)


EXPECTED = {
    # role: {(action, indicator) that must be allowed}; everything else must be refused
    "redaktion": {(a, i) for a in ("change", "delete") for i in ("own", "other")},
    "fachdienst": {("change", "own")},
    "fachdienst_other": {("change", "other")},
    "redaktion_other_site": set(),
}


@pytest.mark.parametrize("role", EXPECTED)
def test_rights_per_role_site_and_field(people, indicators, role):
    allowed = {(a, i) for a in ("change", "delete") for i in indicators if may(people[role], a, indicators[i])}
    assert allowed == EXPECTED[role]
    listed = policy_registry.get_by_type(Indicator).instances_user_has_permission_for(people[role], "change")
    assert {i.key for i in listed} == {indicators[i].key for a, i in EXPECTED[role] if a == "change"}


@pytest.mark.parametrize("role", EXPECTED)
def test_admin_urls_of_an_indicator_check_that_indicator(client, people, indicators, role):
    client.force_login(people[role])
    for target, indicator in indicators.items():
        for view, action in (("edit", "change"), ("delete", "delete")):
            url = reverse(f"wagtailsnippets_indicators_indicator:{view}", args=[indicator.pk])
            response = client.get(url)
            expected = 200 if (action, target) in EXPECTED[role] else 302
            assert response.status_code == expected, (role, view, target)
            if expected == 302:  # Wagtail's "permission denied": back to the dashboard
                assert response["Location"] == reverse("wagtailadmin_home")


def test_every_admin_url_naming_an_indicator_checks_that_indicator(client, people, indicators):
    """Including views a later Wagtail adds: each is sent as a form, the riskier of GET and POST."""
    patterns = [p for p in Indicator.snippet_viewset.get_urlpatterns() if names_an_object(p)]
    assert {p.name for p in patterns} >= {"edit", "delete", "history", "usage"}
    indicator = indicators["own"]
    urls = [reverse(f"wagtailsnippets_indicators_indicator:{p.name}", args=[indicator.pk]) for p in patterns]
    urls.sort(key=lambda url: "/delete/" in url)  # deleting last
    for role in ("fachdienst_other", "redaktion_other_site"):
        client.force_login(people[role])
        for url in urls:
            response = client.post(url)
            assert (response.status_code, response["Location"]) == (302, reverse("wagtailadmin_home")), (role, url)
    assert Indicator.objects.filter(pk=indicator.pk).exists()
    client.force_login(people["redaktion"])
    for url in urls:
        response = client.post(url)
        assert response.status_code != 403 and response.get("Location") != reverse("wagtailadmin_home"), url
    assert not Indicator.objects.filter(pk=indicator.pk).exists()  # the Redaktion's delete went through


def test_admin_list_shows_only_what_one_may_edit(client, people, indicators):
    client.force_login(people["fachdienst"])
    page = client.get(reverse("wagtailsnippets_indicators_indicator:list")).content.decode()
    assert f"/{indicators['own'].pk}/" in page
    assert f"/{indicators['other'].pk}/" not in page


def form_for(user, concept, **changes) -> IndicatorForm:
    indicator = Indicator.objects.filter(site=concept.site).first()
    form_class = ObjectList(IndicatorViewSet.panels).bind_to_model(Indicator).get_form_class()
    data = {
        "site": concept.site.pk,
        "key": indicator.key if indicator else "neu",
        "name": "Neuer Indikator",
        "definition": "Was gemessen wird.",
        "unit": "%",
        "source": "Amt",
        "spatial_level": "county",
        "area": "",
        "baseline_year": "",
        "baseline_value": "",
        "baseline_source": "",
        "sub_goals": [concept.sub_goal.pk],
        "approaches": [],
        "sort_order": 0,
        **{
            f"{name}-{key}": value
            for name in ("targets", "values")
            for key, value in {"TOTAL_FORMS": 0, "INITIAL_FORMS": 0, "MIN_NUM_FORMS": 0, "MAX_NUM_FORMS": 1000}.items()
        },
        **changes,
    }
    return form_class(data, instance=Indicator(), for_user=user)


def test_fachdienst_may_add_indicators_only_to_its_own_field(people, concept):
    assert form_for(people["fachdienst"], concept).is_valid()
    form = form_for(people["fachdienst"], concept, sub_goals=[concept.other_sub_goal.pk])
    assert not form.is_valid()
    assert form.errors["sub_goals"] == ["Sie dürfen nur Seiten verknüpfen oder lösen, die Sie bearbeiten dürfen."]


def test_no_one_links_pages_of_another_site(people, concept, second_concept):
    form = form_for(people["redaktion"], concept, sub_goals=[second_concept.sub_goal.pk])
    assert not form.is_valid()
    assert "sub_goals" in form.errors
    assert list(form.fields["site"].queryset) == [concept.site]


def test_value_dated_in_the_future_is_refused_in_the_admin_form(people, concept):
    tomorrow = datetime.date.today() + datetime.timedelta(days=2)
    form = form_for(
        people["redaktion"],
        concept,
        **{
            "values-TOTAL_FORMS": 1,
            "values-0-year": 2024,
            "values-0-value": "12.5",
            "values-0-source": "Amt",
            "values-0-as_of": tomorrow.isoformat(),
            "values-0-ORDER": 1,
        },
    )
    assert not form.is_valid()
    assert "liegt in der Zukunft" in str(form.formsets["values"].errors)


def upload(client, concept, text: str):
    data = ("\ufeffindikator;jahr;wert;quelle;stand\r\n" + text).encode()
    return client.post(
        reverse("indicators_upload_values"),
        {"site": concept.site.pk, "file": SimpleUploadedFile("werte.csv", data, content_type="text/csv")},
    )


def test_upload_in_the_admin_checks_rows_and_rights_like_the_command(client, people, indicators, concept):
    client.force_login(people["fachdienst"])
    response = upload(client, concept, "co2;2020;50;Amt;01.07.2021\r\nflaechen;2020;3,5;Amt;01.07.2021\r\n")
    assert response.status_code == 400
    assert "Zeile 3: Den Indikator „flaechen“ dürfen Sie nicht bearbeiten." in response.content.decode()
    assert not indicators["own"].values.exists()
    response = upload(client, concept, "co2;2020;50;Amt;01.07.2021\r\n")
    assert response.status_code == 302
    assert list(indicators["own"].values.values_list("year", "source")) == [(2020, "Amt")]


def test_upload_page_is_closed_to_those_who_may_edit_no_indicator(client, people, indicators):
    client.force_login(people["redaktion_other_site"])
    response = client.get(reverse("indicators_upload_values"))
    assert (response.status_code, response["Location"]) == (302, reverse("wagtailadmin_home"))
