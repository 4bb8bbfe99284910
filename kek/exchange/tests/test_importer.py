"""The importer: counts per level, idempotence, and that a broken file changes nothing."""

from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from wagtail.models import Page, Revision

from kek.exchange.content_file import ContentFileError, parse
from kek.exchange.importer import import_concept
from kek.places.models import SubRegionPage
from kek.plan.models import (
    ApproachPage,
    CrossCuttingThemePage,
    FieldOfActionPage,
    HomePage,
    Measure,
    Project,
    RegionalFocus,
    StrategicGoalPage,
    SubGoalPage,
)

CONTENT = (Path(__file__).parents[3] / "content" / "kek2030.yaml").read_text(encoding="utf-8")
PLACES = Path(__file__).parents[3] / "content" / "places.yaml"
pytestmark = pytest.mark.django_db


def test_counts_per_level_match_the_concept():
    assert FieldOfActionPage.objects.live().count() == 3
    assert StrategicGoalPage.objects.live().count() == 10
    assert SubGoalPage.objects.live().count() == 24
    assert ApproachPage.objects.live().count() == 49
    assert Measure.objects.count() == 226
    assert Project.objects.public().filter(kind=Project.Kind.RUNNING).count() == 87
    assert Project.objects.public().filter(kind=Project.Kind.IDEA).count() == 78
    assert CrossCuttingThemePage.objects.live().count() == 5
    assert SubRegionPage.objects.live().count() == 4
    assert RegionalFocus.objects.count() == 12
    assert HomePage.objects.get().contacts.count() == 2


def test_goals_per_field_follow_the_concept():
    counts = {
        field.title: StrategicGoalPage.objects.child_of(field).count() for field in FieldOfActionPage.objects.all()
    }
    assert counts == {"Starker Wirtschaftsstandort": 4, "Nachhaltiger Lebensraum": 3, "Lebenswerte Orte": 3}


def test_every_example_hangs_on_a_measure_of_its_own_approach():
    projects = Project.objects.select_related("measure")
    assert all(p.measure is not None and p.measure.approach_id == p.approach_id for p in projects)


def test_cross_references_become_page_links():
    measure = Measure.objects.get(text__contains="Potenziale der Erneuerbaren Energien")
    target = StrategicGoalPage.objects.get(title__startswith="Erneuerbare Energien, Klimaschutz")
    assert f'<a linktype="page" id="{target.pk}">Handlungsfeld „Nachhaltiger Lebensraum“</a>' in measure.text


def test_second_import_changes_nothing():
    revisions = Revision.objects.count()
    measure_ids = list(Measure.objects.order_by("pk").values_list("pk", flat=True))
    result = import_concept(parse(CONTENT))
    assert (result.created, result.updated, result.examples_written) == (0, 0, 0)
    assert result.unchanged == Page.objects.descendant_of(HomePage.objects.get(), inclusive=True).count()
    assert Revision.objects.count() == revisions
    assert list(Measure.objects.order_by("pk").values_list("pk", flat=True)) == measure_ids


def test_import_restores_edited_content_and_keeps_ids():
    measure = Measure.objects.get(text__contains="Aufbau eines Erhaltungsmanagements")
    approach = measure.approach
    examples = Project.objects.filter(approach=approach).count()
    Measure.objects.filter(pk=measure.pk).update(text="<p>verändert</p>")
    Project.objects.filter(approach=approach).delete()
    result = import_concept(parse(CONTENT))
    measure.refresh_from_db()
    assert "Aufbau eines Erhaltungsmanagements" in measure.text
    assert result.updated == 1
    assert Project.objects.filter(approach=approach).count() == examples > 0
    assert approach.revisions.count() == 2


def test_import_into_an_empty_tree_builds_everything():
    HomePage.objects.get().delete()
    call_command("import_kek", places=str(PLACES), stdout=StringIO())
    assert ApproachPage.objects.live().count() == 49
    assert Measure.objects.count() == 226
    assert HomePage.objects.get().get_site().is_default_site


def _broken(old: str, new: str) -> str:
    assert old in CONTENT, old
    return CONTENT.replace(old, new, 1)


def _line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("    title: Starker Wirtschaftsstandort\n", "    titel: Starker Wirtschaftsstandort\n", "unbekannt"),
        ("  decided_on: 2017-10-12\n", "  decided_on: 12.10.2017\n", "Datum"),
        ("slug: infrastruktur\n", "slug: Infra Struktur\n", "Kurzname"),
        ("nachhaltiger-lebensraum/energie-klima\n", "nachhaltiger-lebensraum/gibt-es-nicht\n", "Linkziel"),
        ("  - slug: westlicher-teil\n", "  - slug: schweriner-umland\n", "doppelt"),
    ],
)
def test_broken_file_is_rejected_with_its_line(old, new, message):
    text = _broken(old, new)
    with pytest.raises(ContentFileError) as caught:
        parse(text)
    line = _line_of(CONTENT, old)
    assert any(message in p.message and p.line == line for p in caught.value.problems), caught.value.problems


def test_yaml_syntax_error_names_the_line():
    text = _broken("  short_title: KEK 2030\n", "  short_title: [KEK 2030\n")
    with pytest.raises(ContentFileError) as caught:
        parse(text)
    assert "kein gültiges YAML" in caught.value.problems[0].message
    assert caught.value.problems[0].line is not None


def test_missing_measure_text_names_the_line():
    text = _broken("  text: Aufbau eines Erhaltungsmanagements", "  txt: Aufbau eines Erhaltungsmanagements")
    with pytest.raises(ContentFileError) as caught:
        parse(text)
    messages = [str(p) for p in caught.value.problems]
    line = _line_of(text, "- key: erhaltungsmanagements-netz-kreisstrassen")  # where the measure starts
    assert f"Zeile {line}: Die Pflichtangabe „text“ fehlt." in messages


def test_broken_file_changes_nothing_in_the_database(tmp_path):
    broken = tmp_path / "kaputt.yaml"
    broken.write_text(_broken("slug: infrastruktur\n", "slug: Infra Struktur\n"), encoding="utf-8")
    titles = list(Page.objects.order_by("path").values_list("title", flat=True))
    revisions = Revision.objects.count()
    with pytest.raises(CommandError) as caught:
        call_command("import_kek", str(broken))
    assert "die Datenbank ist unverändert" in str(caught.value)
    assert "Zeile" in str(caught.value)
    assert list(Page.objects.order_by("path").values_list("title", flat=True)) == titles
    assert Revision.objects.count() == revisions


def test_failure_during_writing_rolls_everything_back(monkeypatch):
    """A valid file whose import fails half-way (here: a forced error) leaves no trace."""
    from kek.exchange import importer

    text = _broken("title: Starker Wirtschaftsstandort\n", "title: Starker Wirtschaftsstandort (neu)\n")
    titles = list(Page.objects.order_by("path").values_list("title", flat=True))

    def explode(*args, **kwargs):
        raise RuntimeError("Abbruch mitten im Import")

    monkeypatch.setattr(importer, "_sync_examples", explode)
    with pytest.raises(RuntimeError):
        import_concept(parse(text))
    assert list(Page.objects.order_by("path").values_list("title", flat=True)) == titles


def test_if_empty_flag_leaves_a_loaded_concept_alone(capsys):
    Measure.objects.filter(text__contains="Aufbau eines Erhaltungsmanagements").update(text="<p>x</p>")
    call_command("import_kek", "--if-empty")
    assert Measure.objects.filter(text="<p>x</p>").exists()
    assert "bereits geladen" in capsys.readouterr().out
