"""Identifiers in the open data are the content's stable keys and slug paths: exporting a
concept and importing it into an empty installation gives the same identifiers."""

from io import StringIO

import pytest
from django.core.management import call_command
from wagtail.models import Site

from kek.exchange.exporter import export_concept, to_yaml
from kek.exchange.tests.factories import import_small_concept, write_files
from kek.plan.models import HomePage, Measure

pytestmark = pytest.mark.django_db
DATASETS = ("fields", "goals", "sub-goals", "approaches", "measures", "projects", "ideas", "themes", "places")


def identifiers(client) -> dict[str, list[str]]:
    return {name: [i["id"] for i in client.get(f"/api/v1/{name}?limit=1000").json()["items"]] for name in DATASETS}


def test_identifiers_survive_export_and_import(tmp_path, client):
    import_small_concept(tmp_path)
    before = identifiers(client)
    assert all(before.values()), before
    old_primary_keys = set(Measure.objects.values_list("pk", flat=True))
    exported = to_yaml(export_concept(Site.objects.get(is_default_site=True)))
    HomePage.objects.get().delete()
    concept, places = write_files(tmp_path, exported)
    call_command("import_kek", str(concept), places=str(places), stdout=StringIO())
    assert not old_primary_keys & set(Measure.objects.values_list("pk", flat=True))  # new rows, same keys
    assert identifiers(client) == before
