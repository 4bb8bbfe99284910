"""Items keep their identity by key: insert, reorder, reword, move and delete in a copy of the
content file, import it, and every untouched item keeps its primary key, anchor, revisions and
change history. On the small content file (factories.py)."""

import pytest
from bs4 import BeautifulSoup
from wagtail.models import Revision, Site

from kek.exchange.content_file import ContentFileError, MeasureData, load, parse
from kek.exchange.exporter import export_concept, to_yaml
from kek.exchange.importer import import_concept
from kek.history.models import ChangeRecord
from kek.plan.models import ApproachPage, Measure, Project

from .factories import CONCEPT

pytestmark = pytest.mark.django_db


def approach(data, slug: str):
    return next(a for f in data.fields for g in f.goals for s in g.sub_goals for a in s.approaches if a.slug == slug)


def identity() -> dict[str, tuple]:
    """Every measure and example by key: primary key, approach, number of revisions."""
    revisions = Revision.objects.filter(base_content_type__model="project")
    counts: dict[str, int] = {}
    for object_id in revisions.values_list("object_id", flat=True):
        counts[object_id] = counts.get(object_id, 0) + 1
    items = {m.key: ("measure", m.pk, m.approach_id, None) for m in Measure.objects.all()}
    items |= {p.key: ("example", p.pk, p.approach_id, counts.get(str(p.pk), 0)) for p in Project.objects.all()}
    return items


def anchors(page: ApproachPage, client) -> set[str]:
    html = client.get(page.url).content.decode()
    return {tag["id"] for tag in BeautifulSoup(html, "html.parser").select(".kek-measure[id], .kek-example[id]")}


def test_insert_reorder_reword_move_and_delete_keep_every_other_items_identity(client, small_file):
    data = load(small_file)
    before = identity()
    records_before = set(ChangeRecord.objects.values_list("pk", flat=True))
    training = approach(data, "ausbildung")
    first = training.measures[0].key
    # insert a new measure (without key) at the top of an approach
    training.measures.insert(0, MeasureData(text="Einrichtung eines Mobilitätsbeirats für den Landkreis"))
    # reorder: the last measure of another approach first
    other = approach(data, "gruendungen")
    other.measures.insert(0, other.measures.pop())
    reordered = other.measures[0].key
    # reword a measure and an idea
    reworded = training.measures[2]
    reworded.text += " (fortgeschrieben)"
    reworded.ideas[0].title = "Kostenloses WLAN in allen Ortszentren"
    # move a measure with its projects to another approach
    moved = training.measures.pop(4)
    other.measures.append(moved)
    # delete a measure and a single idea
    deleted = training.measures.pop(-1)
    breitband = next(m for m in training.measures if m.ideas and len(m.ideas) > 1)
    dropped_idea = breitband.ideas.pop()

    result = import_concept(parse(to_yaml(data)))

    after = identity()
    new_key = result.new_keys[0]
    assert result.new_keys == [new_key] and after[new_key][0] == "measure"
    assert deleted.key not in after and dropped_idea.key not in after
    assert moved.projects and moved.ideas and dropped_idea.key != reworded.ideas[0].key  # the file has them
    training_page = ApproachPage.objects.get(slug="ausbildung")
    other_page = ApproachPage.objects.get(slug="gruendungen")
    assert after[moved.key][1] == before[moved.key][1] and after[moved.key][2] == other_page.pk
    for project in moved.projects:
        assert after[project.key][1:3] == (before[project.key][1], other_page.pk)
    changed = {deleted.key, dropped_idea.key, moved.key, *[p.key for p in moved.projects + moved.ideas]}
    changed |= {reworded.ideas[0].key}
    for key, (kind, pk, approach_id, revisions) in before.items():
        if key in changed:
            continue
        assert after[key][:3] == (kind, pk, approach_id), key  # same object, same place
        if kind == "example":
            assert after[key][3] == revisions, key  # untouched examples get no new revision
    assert after[reworded.ideas[0].key][1] == before[reworded.ideas[0].key][1]
    assert after[reworded.ideas[0].key][3] == before[reworded.ideas[0].key][3] + 1
    # anchors: the first measure of the approach is still itself, the new one has its own
    assert Measure.objects.get(key=first).pk == before[first][1]
    shown = anchors(training_page, client)
    assert {f"massnahme-{first}", f"massnahme-{new_key}", f"massnahme-{reworded.key}"} <= shown
    assert f"massnahme-{moved.key}" not in shown and f"massnahme-{moved.key}" in anchors(other_page, client)
    assert other_page.measures.values_list("key", flat=True).first() == reordered
    # change history: nothing earlier is lost; the changes are recorded on both approaches
    assert records_before <= set(ChangeRecord.objects.values_list("pk", flat=True))
    new = ChangeRecord.objects.exclude(pk__in=records_before)
    assert {r.title for r in new if r.subject == "Handlungsansatz"} == {training_page.title, other_page.title}
    assert "Kostenloses WLAN in allen Ortszentren" in {r.title for r in new}


def test_importing_the_same_file_twice_keeps_generated_keys(small_file):
    data = load(small_file)
    approach(data, "ausbildung").measures.append(MeasureData(text="Ein neuer Radweg am Schweriner See"))
    text = to_yaml(data)
    first = import_concept(parse(text))
    pk = Measure.objects.get(key=first.new_keys[0]).pk
    second = import_concept(parse(text))
    assert second.new_keys == first.new_keys and (second.created, second.updated) == (0, 0)
    assert Measure.objects.get(key=first.new_keys[0]).pk == pk


def test_duplicate_key_is_refused_with_both_lines():
    text = CONCEPT
    duplicate = text.replace("key: azubi-ticket\n", "key: berufsschulen\n", 1)
    with pytest.raises(ContentFileError) as caught:
        parse(duplicate)
    first = text[: text.index("key: berufsschulen")].count("\n") + 1
    second = text[: text.index("key: azubi-ticket\n")].count("\n") + 1
    problem = caught.value.problems[0]
    assert problem.line == second and f"schon in Zeile {first} vergeben" in problem.message
    assert "berufsschulen" in problem.message


def test_export_writes_every_key(small_file):
    data = export_concept(Site.objects.get(is_default_site=True))
    measures = [m for f in data.fields for g in f.goals for s in g.sub_goals for a in s.approaches for m in a.measures]
    keys = [m.key for m in measures] + [e.key for m in measures for e in m.projects + m.ideas]
    expected = [*Measure.objects.values_list("key", flat=True), *Project.objects.public().values_list("key", flat=True)]
    assert all(keys) and sorted(keys) == sorted(expected)
