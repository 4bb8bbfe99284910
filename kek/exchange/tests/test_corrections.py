"""Typo corrections are editorial changes: the decided version keeps the wording as decided, the
correction is a dated editorial record in the history, and the file keeps both wordings."""

from io import StringIO

import pytest
from django.core.management import call_command
from wagtail.models import Site

from kek.exchange.content_file import ContentFileError, parse
from kek.exchange.exporter import export_concept, to_yaml
from kek.history.models import BaselineSnapshot, ChangeLogPage, ChangeRecord
from kek.plan.models import ApproachPage, Project

from .factories import CONCEPT, write_files

CORRECTED = (
    CONCEPT.replace(
        "                    text: Ausbau der Berufsschulen in Neustadt\n",
        "                    text: Ausbau der Berufsschulen in Neustadt\n"
        "                    corrections:\n"
        '                      - decided: "Berufschulen"\n'
        '                        corrected: "Berufsschulen"\n',
    )
    .replace(
        "                        title: Gründungswettbewerb Musterland\n",
        "                        title: Gründungswettbewerb Musterland\n"
        "                        kind_inferred: true\n"
        "                        corrections:\n"
        '                          - decided: "Gründungswetbewerb"\n'
        '                            corrected: "Gründungswettbewerb"\n',
    )
    .replace(
        "                        url: https://messe.musterland.example/\n",
        "                        url: https://messe.musterland.example/\n"
        "                        url_source: https://presse.musterland.example/messe\n",
    )
)


@pytest.fixture
def imported(db, tmp_path):
    concept, places = write_files(tmp_path, CORRECTED)
    call_command("import_kek", str(concept), places=str(places), stdout=StringIO())
    return concept


def test_the_decided_version_keeps_the_decided_wording(imported):
    approach = ApproachPage.objects.get(slug="ausbildung")
    decided = BaselineSnapshot.objects.get(page_id=approach.pk).sections
    assert "Ausbau der Berufschulen in Neustadt" in decided["Maßnahmen"]
    assert (
        "Gründungswetbewerb Musterland"
        in BaselineSnapshot.objects.get(title="Gründungen erleichtern").sections["Laufende Projekte"]
    )
    assert "Berufsschulen" in approach.measures.get(key="berufsschulen").text  # today's page: corrected


def test_each_correction_is_a_dated_editorial_record(imported, client):
    records = ChangeRecord.objects.all()
    assert {r.title for r in records} == {"Ausbildung in der Region stärken", "Gründungswettbewerb Musterland"}
    assert all(r.editorial and r.created and "Redaktionelle Korrektur" in r.note for r in records)
    measure_change = records.get(title="Ausbildung in der Region stärken").changes
    assert measure_change[0]["reworded"] == [
        ["Ausbau der Berufschulen in Neustadt", "Ausbau der Berufsschulen in Neustadt"]
    ]
    page = client.get(ChangeLogPage.objects.get().url).content.decode()
    assert "Redaktionelle Korrektur" in page and "noch keine Änderungen" not in page


def test_only_untouched_pages_say_unchanged(imported, client):
    corrected = client.get(ApproachPage.objects.get(slug="ausbildung").url).content.decode()
    untouched = client.get(ApproachPage.objects.get(slug="aerztehaeuser").url).content.decode()
    assert "Zuletzt geändert am" in corrected and "Unverändert seit" not in corrected
    assert "Unverändert seit dem Beschluss vom 17. Mai 2023." in untouched


def test_a_second_import_adds_no_record_and_the_export_keeps_both_wordings(imported):
    call_command("import_kek", str(imported), stdout=StringIO())
    assert ChangeRecord.objects.count() == 2
    exported = export_concept(Site.objects.get(is_default_site=True))
    assert exported.model_dump() == parse(CORRECTED).model_dump()
    text = to_yaml(exported)
    assert "decided: Berufschulen" in text and "kind_inferred: true" in text and "url_source:" in text
    assert Project.objects.get(key="gruendungswettbewerb").kind_inferred


def test_a_correction_must_name_wording_of_its_item():
    broken = CORRECTED.replace('corrected: "Berufsschulen"', 'corrected: "Berufsakademien"')
    with pytest.raises(ContentFileError) as caught:
        parse(broken)
    assert "„Berufsakademien“ steht nicht im Text dieses Eintrags" in str(caught.value)
    line = broken.splitlines().index('                      - decided: "Berufschulen"') + 1
    assert f"Zeile {line}:" in str(caught.value)


def test_a_concept_frozen_with_the_corrected_wording_gets_the_decided_wording_back(db, tmp_path, client):
    """Loaded before corrections were kept apart: the first file had the corrected text only."""
    concept, places = write_files(tmp_path, CONCEPT)
    call_command("import_kek", str(concept), places=str(places), stdout=StringIO())
    approach = ApproachPage.objects.get(slug="ausbildung")
    assert (
        "Ausbau der Berufsschulen in Neustadt"
        in BaselineSnapshot.objects.get(page_id=approach.pk).sections["Maßnahmen"]
    )
    assert not ChangeRecord.objects.exists()

    corrected, _places = write_files(tmp_path, CORRECTED)
    call_command("import_kek", str(corrected), stdout=StringIO())
    decided = BaselineSnapshot.objects.get(page_id=approach.pk).sections["Maßnahmen"]
    assert "Ausbau der Berufschulen in Neustadt" in decided
    records = ChangeRecord.objects.filter(editorial=True)
    assert {r.title for r in records} == {"Ausbildung in der Region stärken", "Gründungen erleichtern"}
    assert records.get(title="Ausbildung in der Region stärken").changes[0]["reworded"] == [
        ["Ausbau der Berufschulen in Neustadt", "Ausbau der Berufsschulen in Neustadt"]
    ]
    call_command("import_kek", str(corrected), stdout=StringIO())
    assert ChangeRecord.objects.filter(editorial=True).count() == 2  # once only
