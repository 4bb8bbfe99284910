"""The importer: counts per level, idempotence, and that a broken file changes nothing.

The mechanics on the small content file (factories.py); the counts and wording of the KEK 2030 in
marked tests on the session's import of the real file. Broken files are variations of the real one.
"""

from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from wagtail.models import GroupPagePermission, Page, Revision, Site

from kek.editorial.roles import FACHDIENST_PREFIX, REDAKTION
from kek.exchange.content_file import ContentFileError, load, parse
from kek.exchange.importer import import_concept
from kek.history.models import BaselineSnapshot, ChangeRecord
from kek.legal.models import ImprintPage
from kek.places.models import Place, SubRegionPage
from kek.plan.models import (
    AboutPage,
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

from .factories import write_files

CONTENT = (Path(__file__).parents[3] / "content" / "kek2030.yaml").read_text(encoding="utf-8")
pytestmark = pytest.mark.django_db


def test_import_into_an_empty_installation_builds_everything(tmp_path):
    concept, places = write_files(tmp_path)
    call_command("import_kek", str(concept), places=str(places), stdout=StringIO())
    home = HomePage.objects.get()
    assert home.get_site().is_default_site and Site.objects.count() == 1  # Wagtail's placeholder site made way
    assert [f.title for f in FieldOfActionPage.objects.child_of(home).live()] == [
        "Starke Wirtschaft",
        "Lebenswerte Orte",
    ]
    assert ApproachPage.objects.live().count() == 3
    assert Measure.objects.count() == 9
    assert Project.objects.public().filter(kind=Project.Kind.RUNNING).count() == 3
    assert Project.objects.public().filter(kind=Project.Kind.IDEA).count() == 4
    assert RegionalFocus.objects.count() == 1 and home.contacts.count() == 1
    assert list(Place.objects.filter(site=home.get_site()).order_by("name").values_list("name", flat=True)) == [
        "Altdorf",
        "Amt Elbtal-Land",
        "Neustadt an der Elbe",
    ]
    assert Project.objects.get(key="ausbildungsmesse").places.get().name == "Altdorf"
    assert Project.objects.get(key="wlan-ortszentren").themes.get().slug == "digitalisierung"
    # what every site needs beside its content (setup.complete_site)
    assert ImprintPage.objects.child_of(home).live().exists()
    assert GroupPagePermission.objects.filter(group__name=REDAKTION, page=home).exists()
    for field in FieldOfActionPage.objects.child_of(home):
        assert GroupPagePermission.objects.filter(group__name=f"{FACHDIENST_PREFIX}{field.title}", page=field).exists()


def test_the_first_import_is_the_decided_version(small_file):
    home = HomePage.objects.get()
    assert home.baseline_at is not None
    concept_pages = Page.objects.descendant_of(home, inclusive=True).type(
        HomePage,
        FieldOfActionPage,
        StrategicGoalPage,
        SubGoalPage,
        ApproachPage,
        CrossCuttingThemePage,
        SubRegionPage,
        AboutPage,
    )  # not the section overviews, not the service pages
    assert sorted(BaselineSnapshot.objects.values_list("page_id", flat=True)) == sorted(p.pk for p in concept_pages)
    assert not ChangeRecord.objects.exists()  # loading the decided version is not a change
    baseline = home.baseline_at
    import_concept(parse(small_file.read_text(encoding="utf-8").replace("Gründungen erleichtern", "Gründen")))
    home.refresh_from_db()
    assert home.baseline_at == baseline  # a later import is a change to the decided version
    assert ChangeRecord.objects.get().title == "Gründen"


def test_every_example_hangs_on_a_measure_of_its_own_approach(small_file):
    projects = Project.objects.select_related("measure")
    assert projects.count() == 7
    assert all(p.measure is not None and p.measure.approach_id == p.approach_id for p in projects)


def test_cross_references_become_page_links(small_file):
    measure = Measure.objects.get(key="breitband-gewerbegebiete")
    target = FieldOfActionPage.objects.get(slug="lebenswerte-orte")
    assert measure.text == (
        f'<p>Breitband für die Gewerbegebiete, siehe <a linktype="page" id="{target.pk}">Handlungsfeld '
        "„Lebenswerte Orte“</a></p>"
    )


def test_second_import_changes_nothing(small_file):
    revisions = Revision.objects.count()
    measure_ids = list(Measure.objects.order_by("pk").values_list("pk", flat=True))
    result = import_concept(load(small_file))
    assert (result.created, result.updated, result.examples_written) == (0, 0, 0)
    assert result.unchanged == Page.objects.descendant_of(HomePage.objects.get(), inclusive=True).count()
    assert Revision.objects.count() == revisions
    assert list(Measure.objects.order_by("pk").values_list("pk", flat=True)) == measure_ids


def test_import_restores_edited_content_and_keeps_ids(small_file):
    measure = Measure.objects.get(key="berufsorientierung")
    approach = measure.approach
    examples = Project.objects.filter(approach=approach).count()
    Measure.objects.filter(pk=measure.pk).update(text="<p>verändert</p>")
    Project.objects.filter(approach=approach).delete()
    result = import_concept(load(small_file))
    measure.refresh_from_db()
    assert measure.text == "<p>Berufsorientierung an allen Schulen</p>"
    assert result.updated == 1
    assert Project.objects.filter(approach=approach).count() == examples > 0
    assert approach.revisions.count() == 2


@pytest.mark.kek2030
def test_counts_per_level_match_the_kek2030():
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
    # the decided version: start page, 3 fields, 10 goals, 24 sub-goals, 49 approaches, 5 themes,
    # 4 sub-regions and "Über das KEK" (not the section overviews)
    assert BaselineSnapshot.objects.count() == 1 + 3 + 10 + 24 + 49 + 5 + 4 + 1
    snapshot = BaselineSnapshot.objects.get(title="Weiterentwicklung und Sicherung der Qualität der Infrastruktur")
    assert "Radwegemeister" in snapshot.sections["Projektideen"]
    # The typo corrections are published after the decided version, as editorial corrections only.
    records = list(ChangeRecord.objects.all())
    assert records and all(record.editorial for record in records)
    assert {"Kreisseniorenbeirat", "Seniorensicherheitsberater; Pflegelotsen; Alltagsbegleiter"} <= {
        r.title for r in records
    }
    decided = [item for s in BaselineSnapshot.objects.all() for items in s.sections.values() for item in items]
    assert any("Kreissenorenbeirats" in item for item in decided)  # the wording as decided, typo included


@pytest.mark.kek2030
def test_goals_per_field_follow_the_kek2030():
    counts = {
        field.title: StrategicGoalPage.objects.child_of(field).count() for field in FieldOfActionPage.objects.all()
    }
    assert counts == {"Starker Wirtschaftsstandort": 4, "Nachhaltiger Lebensraum": 3, "Lebenswerte Orte": 3}


@pytest.mark.kek2030
def test_every_example_of_the_kek2030_hangs_on_a_measure_of_its_own_approach():
    projects = Project.objects.select_related("measure")
    assert all(p.measure is not None and p.measure.approach_id == p.approach_id for p in projects)


@pytest.mark.kek2030
def test_cross_references_of_the_kek2030_become_page_links():
    measure = Measure.objects.get(text__contains="Potenziale der Erneuerbaren Energien")
    target = StrategicGoalPage.objects.get(title__startswith="Erneuerbare Energien, Klimaschutz")
    assert f'<a linktype="page" id="{target.pk}">Handlungsfeld „Nachhaltiger Lebensraum“</a>' in measure.text


@pytest.mark.kek2030
def test_second_import_of_the_kek2030_changes_nothing():
    revisions = Revision.objects.count()
    measure_ids = list(Measure.objects.order_by("pk").values_list("pk", flat=True))
    result = import_concept(parse(CONTENT))
    assert (result.created, result.updated, result.examples_written) == (0, 0, 0)
    assert result.unchanged == Page.objects.descendant_of(HomePage.objects.get(), inclusive=True).count()
    assert Revision.objects.count() == revisions
    assert list(Measure.objects.order_by("pk").values_list("pk", flat=True)) == measure_ids


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


def test_broken_file_changes_nothing_in_the_database(small_file, tmp_path):
    broken = tmp_path / "kaputt.yaml"
    broken.write_text(small_file.read_text(encoding="utf-8").replace("slug: ausbildung\n", "slug: Aus Bildung\n"))
    titles = list(Page.objects.order_by("path").values_list("title", flat=True))
    revisions = Revision.objects.count()
    with pytest.raises(CommandError) as caught:
        call_command("import_kek", str(broken))
    assert "die Datenbank ist unverändert" in str(caught.value)
    assert "Zeile" in str(caught.value)
    assert list(Page.objects.order_by("path").values_list("title", flat=True)) == titles
    assert Revision.objects.count() == revisions


def test_failure_during_writing_rolls_everything_back(small_file, monkeypatch):
    """A valid file whose import fails half-way (here: a forced error) leaves no trace."""
    from kek.exchange import importer

    text = small_file.read_text(encoding="utf-8").replace(
        "title: Starke Wirtschaft\n", "title: Starke Wirtschaft (neu)\n"
    )
    titles = list(Page.objects.order_by("path").values_list("title", flat=True))

    def explode(*args, **kwargs):
        raise RuntimeError("Abbruch mitten im Import")

    monkeypatch.setattr(importer, "_sync_examples", explode)
    with pytest.raises(RuntimeError):
        import_concept(parse(text))
    assert list(Page.objects.order_by("path").values_list("title", flat=True)) == titles


def test_if_empty_flag_leaves_a_loaded_concept_alone(small_file, capsys):
    Measure.objects.filter(key="berufsorientierung").update(text="<p>x</p>")
    call_command("import_kek", str(small_file), "--if-empty")
    assert Measure.objects.filter(text="<p>x</p>").exists()
    assert "bereits geladen" in capsys.readouterr().out
