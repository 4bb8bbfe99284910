"""Fixtures for tests that span apps: a second county's concept on a site of its own."""

from io import StringIO

import pytest
from django.core.management import call_command
from wagtail.models import Site

OTHER = "musterkreis.example"
CONCEPT = """
concept:
  title: Kreisentwicklungskonzept Musterkreis 2035
  short_title: Muster 2035
  county: Landkreis Musterkreis
  decided_on: 2024-03-01
  decided_by: Kreistag des Landkreises Musterkreis
sub_regions:
  - slug: nord
    title: Musternord
cross_cutting_themes:
  - slug: digitales
    title: Digitales
    text: Alles wird digital.
fields:
  - slug: musterwirtschaft
    title: Musterwirtschaft
    regional_focus:
      nord: Schwerpunkt Windmühlenwirtschaft im Norden.
    goals:
      - slug: wachstum
        title: Die Musterwirtschaft wächst.
        sub_goals:
          - slug: betriebe
            title: Die Betriebe finden Flächen.
            approaches:
              - slug: windmuehlen
                title: Windmühlenwirtschaft stärken
                measures:
                  - key: windmuehlen-foerdern
                    text: Förderung der Windmühlenwirtschaft in Musterhausen
                    projects:
                      - key: muehlenpfad
                        title: Mühlenpfad Musterhausen
                        places: ["99999001"]
              - slug: muehlenpfade
                title: Mühlenpfade ausbauen
                measures:
                  - key: muehlenpfade-beschildern
                    text: Beschilderung der Mühlenpfade
"""
PLACES = """
municipalities:
  - ags: "99999001"
    name: Musterhausen
    kind: stadt
    sub_region: nord
"""


@pytest.fixture
def other_site(tmp_path, settings) -> Site:
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, OTHER]
    (tmp_path / "muster.yaml").write_text(CONCEPT, encoding="utf-8")
    (tmp_path / "orte.yaml").write_text(PLACES, encoding="utf-8")
    call_command(
        "import_kek", str(tmp_path / "muster.yaml"), site=OTHER, places=str(tmp_path / "orte.yaml"), stdout=StringIO()
    )
    return Site.objects.get(hostname=OTHER)
