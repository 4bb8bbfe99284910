"""A small content file and places file: what the exchange app's tests import, export and change.

The same small concept as kek/plan/tests/factories.py (words of its own, not the KEK 2030), written
as the importer reads it: two fields, a cross-reference, themes, places, and enough measures,
projects and ideas in one approach to insert, reorder, reword, move and delete some.
"""

from io import StringIO
from pathlib import Path

from django.core.management import call_command

CONCEPT = """\
concept:
  title: Kreisentwicklungskonzept Musterland 2030
  short_title: KEK Musterland
  county: Landkreis Musterland
  decided_on: 2023-05-17
  decided_by: Kreistag des Landkreises Musterland
  motto: Gemeinsam für ein starkes Musterland
  summary: Das Konzept beschreibt, wie sich der Landkreis Musterland bis 2030 entwickeln soll.
  intro: Das Konzept ist der Handlungsrahmen des Landkreises für die Kreisentwicklung.
sub_regions:
  - slug: elbtal
    title: Elbtal
    intro: Wiesen, Wälder und kleine Städte an der Elbe.
cross_cutting_themes:
  - slug: digitalisierung
    title: Digitalisierung
    text: Digitale Angebote werden in jedem Handlungsfeld mitgedacht.
fields:
  - slug: starke-wirtschaft
    title: Starke Wirtschaft
    topics: [Arbeit, Ausbildung]
    easy_language: Alle Menschen in Musterland sollen gute Arbeit finden.
    situation:
      strengths: [Gute Anbindung an die Autobahn, Vielfältiges Handwerk]
      weaknesses: [Wenige Hochschulabsolventen]
    regional_focus:
      elbtal: Das Handwerk in Altdorf stärken.
    goals:
      - slug: vielfalt
        title: Die Wirtschaft ist vielfältig und wächst.
        sub_goals:
          - slug: fachkraefte
            title: Die Betriebe finden Fachkräfte.
            legal_framework: [Berufsbildungsgesetz (BBiG)]
            footnotes: [Zahlen der Agentur für Arbeit von 2022.]
            approaches:
              - slug: ausbildung
                title: Ausbildung in der Region stärken
                measures:
                  - key: berufsschulen
                    text: Ausbau der Berufsschulen in Neustadt
                    themes: [digitalisierung]
                    projects:
                      - key: ausbildungsmesse
                        title: Ausbildungsmesse Musterland
                        url: https://messe.musterland.example/
                        places: ["99000002"]
                  - key: breitband-gewerbegebiete
                    text: Breitband für die Gewerbegebiete, siehe Handlungsfeld „Lebenswerte Orte“
                    links:
                      Handlungsfeld „Lebenswerte Orte“: lebenswerte-orte
                    ideas:
                      - key: wlan-ortszentren
                        title: Kostenloses WLAN in den Ortszentren
                        themes: [digitalisierung]
                      - key: glasfaser-schulen
                        title: Glasfaser für alle Schulen
                  - key: praktikumsboerse
                    text: Eine Praktikumsbörse für Schülerinnen und Schüler
                    ideas:
                      - key: azubi-ticket
                        title: Azubi-Ticket für Bus und Bahn
                  - key: berufsorientierung
                    text: Berufsorientierung an allen Schulen
                    projects:
                      - key: berufeparcours
                        title: Berufeparcours Musterland
                    ideas:
                      - key: schnuppertage
                        title: Schnuppertage in Betrieben
                  - key: ausbildungsverbuende
                    text: Ausbildungsverbünde kleiner Betriebe
                  - key: ausbildungsbotschafter
                    text: Ausbildungsbotschafter in den Schulen
              - slug: gruendungen
                title: Gründungen erleichtern
                measures:
                  - key: gruenderzentrum
                    text: Einrichtung eines Gründerzentrums
                    projects:
                      - key: gruendungswettbewerb
                        title: Gründungswettbewerb Musterland
                  - key: gruendungsberatung
                    text: Gründungsberatung in den Ämtern
  - slug: lebenswerte-orte
    title: Lebenswerte Orte
    goals:
      - slug: versorgung
        title: Die Grundversorgung ist gesichert.
        sub_goals:
          - slug: aerzte
            title: Ärztinnen und Ärzte sind erreichbar.
            approaches:
              - slug: aerztehaeuser
                title: Ärztehäuser fördern
                measures:
                  - key: aerztehaus-neustadt
                    text: Ein Ärztehaus in Neustadt
contacts:
  - role: Ansprechpartner
    organisation: Landkreis Musterland
    unit: Stabsstelle Kreisentwicklung
    people: [Mia Muster, Tom Beispiel]
"""

PLACES = """\
municipalities:
  - ags: "99000001"
    name: Neustadt an der Elbe
    kind: stadt
    sub_region: elbtal
offices:
  - name: Amt Elbtal-Land
    sub_region: elbtal
    municipalities:
      - ags: "99000002"
        name: Altdorf
        kind: gemeinde
        lat: 53.2
        lon: 11.5
"""


def write_files(folder: Path, concept: str = CONCEPT) -> tuple[Path, Path]:
    """The content file and the places file in `folder`."""
    (folder / "musterland.yaml").write_text(concept, encoding="utf-8")
    (folder / "orte.yaml").write_text(PLACES, encoding="utf-8")
    return folder / "musterland.yaml", folder / "orte.yaml"


def import_small_concept(folder: Path) -> Path:
    """Load the small concept and its places into the default site, as `import_kek` does on an empty
    installation (with service pages and editor groups); returns the content file."""
    concept, places = write_files(folder)
    call_command("import_kek", str(concept), places=str(places), stdout=StringIO())
    return concept
