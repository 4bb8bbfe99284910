"""Every measure, running project and idea of one concept with its implementation state, loaded
with a fixed number of queries however large the concept is.

The overview, the list with its filters, the admin list, the dashboard panel and the reminders all
work on these `Item`s, so each counts and filters exactly the same way. Counting and filtering run
in Python over the loaded items: a concept has a few hundred of them (a tenfold one a few
thousand), and the statuses are partly derived, which SQL could only repeat awkwardly.
"""

import datetime
from dataclasses import dataclass, field
from functools import cached_property

from django.db import models
from django.db.models import Q
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page, Site

from kek.core.pages import home_path
from kek.core.richtext import text_of
from kek.places.models import Place, SubRegionPage
from kek.plan.models import (
    ApproachPage,
    CrossCuttingThemePage,
    FieldOfActionPage,
    HomePage,
    Measure,
    Project,
    StrategicGoalPage,
    SubGoalPage,
)
from kek.plan.tree import FIELD_DEPTH

from .records import Funding, Implementation, ProgressEntry
from .status import IDEA, MEASURE, RUNNING, ConceptDates, State, Timeliness, current_state, last_update, timeliness
from .vocabulary import PHASE_OF

PAGE_FIELDS = ("id", "title", "url_path", "path", "depth", "slug", "content_type_id")


class ItemKind(models.TextChoices):
    MEASURE = MEASURE, _("Maßnahme")
    RUNNING = RUNNING, _("Laufendes Projekt")
    IDEA = IDEA, _("Projektidee")


@dataclass
class Concept:
    """One site's concept as monitoring sees it: its start page, dates and the monitoring pages."""

    site: Site
    home: HomePage
    dates: ConceptDates
    overview_url: str | None = None  # the section "Umsetzungsstand"
    measures_url: str | None = None  # where a measure's page is: <overview>/massnahmen/
    projects_url: str | None = None  # where a project's page is: <project index>/
    places_url: str | None = None  # the places section: <places>/<slug>/ and <places>/karte/

    @classmethod
    def at(cls, path: str) -> "Concept | None":
        """The concept the page at tree path `path` belongs to (None if it is no concept)."""
        home = HomePage.objects.filter(path=home_path(path)).only(*PAGE_FIELDS, "decided_on", "baseline_at").first()
        site = Site.objects.filter(root_page__path=home_path(path)).first() if home else None
        if home is None or site is None:
            return None
        return cls(site, home, ConceptDates(home.decided_on, home.baseline_at))


@dataclass
class Item:
    kind: str
    obj: Measure | Project
    approach: Page
    field: Page | None
    goal: Page | None
    sub_goal: Page | None
    implementation: Implementation | None
    entries: list[ProgressEntry]
    state: State
    timeliness: Timeliness
    order: tuple
    fundings: list = field(default_factory=list)
    themes: list[Page] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    sub_region_ids: set[int] = field(default_factory=set)
    detail_url: str = ""  # its own page: /projekte/<key>/ or the measure's page in the overview
    anchor_url: str = ""  # where it stands in the concept: its approach page at its anchor

    @property
    def key(self) -> str:
        return self.obj.key

    @cached_property
    def title(self) -> str:
        return text_of(self.obj.text) if self.kind == MEASURE else self.obj.title

    @property
    def kind_label(self) -> str:
        return ItemKind(self.kind).label

    @property
    def phase(self) -> str:
        return PHASE_OF[self.state.status]

    @property
    def unit(self):
        return self.implementation.unit if self.implementation else None

    @property
    def programmes(self) -> set[str]:
        return {f.programme for f in self.fundings}

    @property
    def last_update(self) -> datetime.date:
        return last_update(self.state, self.implementation)


@dataclass
class Tree:
    """The live pages of the concept's hierarchy, by path."""

    by_path: dict[str, Page] = field(default_factory=dict)

    def above(self, approach: Page) -> tuple[Page | None, Page | None, Page | None]:
        step = Page.steplen
        return tuple(self.by_path.get(approach.path[: step * depth]) for depth in range(FIELD_DEPTH, FIELD_DEPTH + 3))

    def of_type(self, model: type[Page]) -> list[Page]:
        return [p for p in self.by_path.values() if p.specific_class is model]


def load_tree(home: Page) -> Tree:
    pages = (
        Page.objects.live().descendant_of(home).type(FieldOfActionPage, StrategicGoalPage, SubGoalPage, ApproachPage)
    )
    return Tree({p.path: p for p in pages.only(*PAGE_FIELDS).order_by("path")})


def load_items(
    concept: Concept,
    request: HttpRequest | None = None,
    *,
    today: datetime.date | None = None,
    measures: Q | None = None,
    projects: Q | None = None,
    tree: "Tree | None" = None,
) -> list[Item]:
    """The public items of the concept in its reading order, in a fixed number of queries.

    `measures` and `projects` narrow what is loaded (e.g. `Q(key=...)`, `Q(approach=page)`); by
    default everything is. Pass `measures=NONE` or `projects=NONE` to leave a kind out."""
    today = today or timezone.localdate()
    tree = tree or load_tree(concept.home)
    approaches = {p.pk: p for p in tree.of_type(ApproachPage)}
    below = Q(approach__live=True, approach__path__startswith=concept.home.path)
    measure_rows = list(Measure.objects.filter(below & (measures if measures is not None else Q())))
    project_rows = list(Project.objects.public().filter(below & (projects if projects is not None else Q())))
    measure_ids, project_ids = [m.pk for m in measure_rows], [p.pk for p in project_rows]
    regions = {r.slug: r.pk for r in SubRegionPage.objects.live().descendant_of(concept.home).only("id", "slug")}
    records = list(
        Implementation.objects.public()
        .filter(Q(measure__in=measure_ids) | Q(project__in=project_ids))
        .select_related("unit")
    )
    # Related rows in one query each, read through the link tables: a prefetch would build a
    # queryset per item and relation, which costs more than the rows themselves.
    record_ids = [r.pk for r in records]
    entries = _grouped(
        ProgressEntry.objects.filter(implementation__in=record_ids).order_by("date", "pk"), "implementation_id"
    )
    fundings = _grouped(Funding.objects.filter(implementation__in=record_ids).order_by("pk"), "implementation_id")
    places = {p.pk: p for p in Place.objects.filter(site=concept.site)}
    themes = {t.pk: t for t in themes_of(concept)}
    links = {
        "measure_themes": _links(Measure.themes.through, "measure", measure_ids, "crosscuttingthemepage"),
        "project_themes": _links(Project.themes.through, "project", project_ids, "crosscuttingthemepage"),
        "project_places": _links(Project.places.through, "project", project_ids, "place"),
        "project_regions": _links(Project.sub_regions.through, "project", project_ids, "subregionpage"),
        "record_places": _links(Implementation.places.through, "implementation", record_ids, "place"),
        "record_regions": _links(Implementation.sub_regions.through, "implementation", record_ids, "subregionpage"),
    }
    by_measure = {r.measure_id: r for r in records if r.measure_id}
    by_project = {r.project_id: r for r in records if r.project_id}
    items = []
    for kind_of, rows, by_item, prefix in (
        (lambda m: MEASURE, measure_rows, by_measure, "measure"),
        (lambda p: p.kind, project_rows, by_project, "project"),
    ):
        for obj in rows:
            if obj.approach_id not in approaches:  # below an unpublished page
                continue
            record = by_item.get(obj.pk)
            rid = record.pk if record else None
            if prefix == "measure":  # measures have their places on the record
                place_ids, region_ids = links["record_places"].get(rid, []), links["record_regions"].get(rid, [])
            else:
                place_ids, region_ids = (
                    links["project_places"].get(obj.pk, []),
                    links["project_regions"].get(obj.pk, []),
                )
            item_places = [places[i] for i in place_ids if i in places]
            item = _item(
                concept, tree, approaches[obj.approach_id], kind_of(obj), obj, record, today, entries.get(rid, [])
            )
            item.fundings = fundings.get(rid, [])
            item.themes = [themes[i] for i in links[f"{prefix}_themes"].get(obj.pk, []) if i in themes]
            item.places = item_places
            item.sub_region_ids = set(region_ids) | {
                regions[p.sub_region_slug] for p in item_places if p.sub_region_slug in regions
            }
            items.append(item)
    items.sort(key=lambda item: item.order)
    _set_urls(items, concept, request)
    return items


def _grouped(rows, key: str) -> dict[int, list]:
    groups: dict[int, list] = {}
    for row in rows:
        groups.setdefault(getattr(row, key), []).append(row)
    return groups


def _links(through, owner: str, owner_ids: list[int], target: str) -> dict[int, list[int]]:
    """owner id → target ids, from a many-to-many link table in one query."""
    links: dict[int, list[int]] = {}
    for owner_id, target_id in through.objects.filter(**{f"{owner}__in": owner_ids}).values_list(
        f"{owner}_id", f"{target}_id"
    ):
        links.setdefault(owner_id, []).append(target_id)
    return links


NONE = Q(pk__in=[])  # load no items of this kind


def _item(concept, tree, approach, kind, obj, record, today, entries) -> Item:
    state = current_state(kind, obj, entries, concept.dates)
    single_year = record is not None and _single_year(record)
    field_page, goal, sub_goal = tree.above(approach)
    return Item(
        kind=kind,
        obj=obj,
        approach=approach,
        field=field_page,
        goal=goal,
        sub_goal=sub_goal,
        implementation=record,
        entries=entries,
        state=state,
        timeliness=timeliness(state, today, single_year),
        order=(approach.path, 0 if kind == MEASURE else 1, obj.sort_order, obj.pk),
    )


def _single_year(record: Implementation) -> bool:
    """Planned or done within one calendar year: then no yearly entry is asked for."""
    start = record.start_actual or record.start_planned
    end = record.end_actual or record.end_planned
    return bool(start and end and start == end)


def _set_urls(items: list[Item], concept: Concept, request: HttpRequest | None) -> None:
    approach_urls: dict[int, str] = {}
    for item in items:
        if item.approach.pk not in approach_urls:
            approach_urls[item.approach.pk] = item.approach.get_url(request) or ""
        item.anchor_url = f"{approach_urls[item.approach.pk]}#{item.obj.anchor}"
        base = concept.measures_url if item.kind == MEASURE else concept.projects_url
        item.detail_url = f"{base}{item.key}/" if base else item.anchor_url


def themes_of(concept: Concept) -> list[Page]:
    return list(CrossCuttingThemePage.objects.live().descendant_of(concept.home).only(*PAGE_FIELDS))
