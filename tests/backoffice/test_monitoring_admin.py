"""Organisational units: a list per site that only that site's Redaktion keeps; everyone who
records progress picks from it, and only from their own site's list."""

import pytest
from django.test import Client
from django.urls import reverse
from wagtail.models import Site

from kek.editorial.roles import FACHDIENST_PREFIX, REDAKTION
from kek.editorial.tests.admin_forms import form_fields
from kek.editorial.tests.login import log_in, make_user
from kek.monitoring.records import OrganisationalUnit

from ..conftest import OTHER

pytestmark = [pytest.mark.django_db, pytest.mark.kek2030]
UNITS = "wagtailsnippets_monitoring_organisationalunit"


def browser_for(username: str, group: str, host: str = "localhost") -> Client:
    browser = Client(HTTP_HOST=host)
    log_in(browser, make_user(username, group))
    return browser


def add_unit(browser: Client, name: str) -> bool:
    url = reverse(f"{UNITS}:add")
    page = browser.get(url)
    if page.status_code != 200:
        return False
    data = form_fields(page.content.decode())
    site = Site.objects.get(is_default_site=True)
    browser.post(url, {**data, "site": str(site.pk), "name": name, "kind": "fachdienst"})
    return OrganisationalUnit.objects.filter(name=name).exists()


def test_only_the_redaktion_keeps_the_list_of_units(other_site):
    assert add_unit(browser_for("red", REDAKTION), "Fachdienst Bauordnung")
    assert not add_unit(browser_for("fd", f"{FACHDIENST_PREFIX}Starker Wirtschaftsstandort"), "Erfundene Stelle")


def test_a_redaktion_sees_and_edits_only_its_own_sites_units(other_site):
    home_unit = OrganisationalUnit.objects.create(site=other_site, name="Stabsstelle Muster")
    default_site_unit = OrganisationalUnit.objects.create(
        site=Site.objects.get(is_default_site=True), name="Fachdienst Wirtschaft"
    )
    other = browser_for("red2", f"{REDAKTION} ({OTHER})", OTHER)
    listing = other.get(reverse(f"{UNITS}:list")).content.decode()
    assert "Stabsstelle Muster" in listing and "Fachdienst Wirtschaft" not in listing
    assert other.get(reverse(f"{UNITS}:edit", args=[home_unit.pk])).status_code == 200
    refused = other.get(reverse(f"{UNITS}:edit", args=[default_site_unit.pk]))
    assert refused.status_code == 403 or refused["Location"] == "/admin/"
