"""Demo data: only where KEK_DEMO is set, and then every page says "Beispieldaten"."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from kek.monitoring.records import Implementation

pytestmark = pytest.mark.django_db


def test_demo_data_are_refused_outside_the_demo(client, concept):
    with pytest.raises(CommandError, match="Beispieldaten nur in der Vorführung"):
        call_command("load_demo")
    assert not Implementation.objects.exists()
    assert "Beispieldaten" not in client.get("/umsetzung/").content.decode()


def test_demo_fills_the_views_and_stamps_every_page(client, concept, settings):
    settings.KEK_DEMO = True
    call_command("load_demo", stdout=StringIO())
    assert Implementation.objects.filter(live=True).count() > 0
    for url in [
        "/",
        "/umsetzung/",
        "/projekte/",
        "/projekte/ausbildungsmesse/",
        concept.approach.url,
        "/orte/altdorf/",
    ]:
        assert "Beispieldaten" in client.get(url).content.decode(), url
