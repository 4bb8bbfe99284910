"""Export: the same format as the content file, and a lossless round trip (of the small content file,
and in marked tests of the KEK 2030)."""

from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from wagtail.models import Site

from kek.exchange.content_file import load, parse
from kek.exchange.exporter import export_concept, to_yaml
from kek.plan.models import HomePage, Project

from .factories import write_files

pytestmark = pytest.mark.django_db
CONTENT = Path(__file__).parents[3] / "content"
SOURCE = CONTENT / "kek2030.yaml"


def default_site() -> Site:
    return Site.objects.get(is_default_site=True)


def test_export_holds_everything_the_small_content_file_holds(small_file):
    assert export_concept(default_site()).model_dump() == load(small_file).model_dump()


def test_fields_emptied_in_the_editor_are_left_out_not_exported_as_empty_text(small_file):
    """Clearing a rich-text field in the page editor leaves `<p data-block-key="…"></p>` behind."""
    from kek.plan.models import ApproachPage

    approach = ApproachPage.objects.first()
    approach.notes = '<p data-block-key="a1b2c"></p>'
    approach.save_revision().publish()
    exported = export_concept(default_site()).model_dump()
    approaches = [a for f in exported["fields"] for g in f["goals"] for s in g["sub_goals"] for a in s["approaches"]]
    assert not next(a for a in approaches if a["slug"] == approach.slug).get("notes")


def test_round_trip_of_the_small_concept_through_an_empty_database_gives_identical_output(small_file, tmp_path):
    project = Project.objects.get(key="azubi-ticket")
    project.description = "Ein Beispiel mit <Sonderzeichen> & „Anführungszeichen“."
    project.save()
    first = to_yaml(export_concept(default_site()))
    HomePage.objects.get().delete()  # with its site, its places and everything else of it
    assert not Project.objects.exists() and not Site.objects.exists()
    concept, places = write_files(tmp_path, first)
    call_command("import_kek", str(concept), places=str(places), stdout=StringIO())
    assert to_yaml(export_concept(default_site())) == first


@pytest.mark.kek2030
def test_export_holds_everything_the_kek2030_file_holds():
    assert export_concept(default_site()).model_dump() == load(SOURCE).model_dump()


@pytest.mark.kek2030
def test_round_trip_through_an_empty_database_gives_identical_output(tmp_path):
    project = Project.objects.get(title="Radwegemeister")
    project.description = "Ein Beispiel mit <Sonderzeichen> & „Anführungszeichen“."
    project.save()
    first = to_yaml(export_concept(default_site()))
    HomePage.objects.get().delete()  # with its site, its places and everything else of it
    assert not Project.objects.exists() and not Site.objects.exists()
    (tmp_path / "export.yaml").write_text(first, encoding="utf-8")
    call_command("import_kek", str(tmp_path / "export.yaml"), places=str(CONTENT / "places.yaml"), stdout=StringIO())
    assert to_yaml(export_concept(default_site())) == first


def test_export_command_and_admin_download(small_file, tmp_path, admin_client):
    target = tmp_path / "export.yaml"
    call_command("export_kek", str(target))
    assert parse(target.read_text(encoding="utf-8")).fields[0].title == "Starke Wirtschaft"
    response = admin_client.get("/admin/konzept-export/")
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith('attachment; filename="kek-export-')
    assert response.content.decode() == target.read_text(encoding="utf-8")


def test_export_requires_admin_login(client):
    response = client.get("/admin/konzept-export/")
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
