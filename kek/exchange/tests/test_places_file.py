"""The places file (content/places.yaml): every municipality of the county with its key, loaded
into a site of its own."""

from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

from kek.places.models import Place
from kek.places.tests.factories import site_with_root

pytestmark = pytest.mark.django_db
PLACES = Path(__file__).parents[3] / "content" / "places.yaml"


def test_places_file_holds_every_municipality_with_its_key():
    site = site_with_root()
    call_command("import_places", str(PLACES), site=f"{site.hostname}:{site.port}", stdout=StringIO())
    places = Place.objects.filter(site=site)
    municipalities = places.exclude(kind=Place.Kind.OFFICE)
    assert municipalities.count() == 142
    assert places.filter(kind=Place.Kind.OFFICE).count() == 15
    keys = [p.ags for p in municipalities]
    assert len(set(keys)) == len(keys) and all(k.startswith("13076") and len(k) == 8 for k in keys)
    assert places.get(name="Lübz").office.name == "Amt Eldenburg Lübz"
    assert places.get(name="Parchim").office is None

    ids = sorted(places.values_list("pk", flat=True))
    call_command("import_places", str(PLACES), site=f"{site.hostname}:{site.port}", stdout=StringIO())
    assert sorted(places.values_list("pk", flat=True)) == ids  # a second load matches every place
