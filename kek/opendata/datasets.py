"""The open data of a concept, described once.

Every dataset is a list of columns: name, type, German meaning and how to read the value from an
item (by default the item's attribute of the column's name). The API's record schemas (`api.py`), the CSV files (`csv_files.py`) and the data dictionary
(`catalogue.py`, datapackage.json) are all made from these lists. A new field, such as the
implementation status of the monitoring (`STATUS_COLUMNS`), is one more `Column` and then appears
in the API, its schema, the CSV and the dictionary alike.

Identifiers are the concept's stable ones: the key of a measure, project, idea or indicator, the
slug path below the start page for a level of the hierarchy (as the content file names pages),
the slug of a theme, Teilraum or place. They survive export and re-import.
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property
from typing import Any, Literal

from django.contrib.contenttypes.models import ContentType
from django.db.models import Prefetch
from wagtail.models import Page, Site

from kek.core.richtext import text_of
from kek.history.records import ChangeRecord
from kek.indicators.models import Indicator, IndicatorValue
from kek.monitoring import items as monitoring
from kek.monitoring.vocabulary import Status
from kek.places.models import Place, SubRegionPage
from kek.plan.models import (
    ApproachPage,
    CrossCuttingThemePage,
    FieldOfActionPage,
    Measure,
    Project,
    StrategicGoalPage,
    SubGoalPage,
)

# Frictionless table-schema types and the Python types the API declares for them.
PYTHON_TYPES: dict[str, type] = {
    "string": str,
    "integer": int,
    "number": float,
    "date": datetime.date,
    "datetime": datetime.datetime,
    "array": list[str],
}


@dataclass(frozen=True)
class Column:
    name: str
    type: str  # a key of PYTHON_TYPES, or "object" with `python` given
    title: str  # German meaning, for the data dictionary and the API schema
    get: Callable[[Any, "Concept"], Any] | None = None  # None: the item's attribute of the column's name
    null: bool = False  # the value may be missing (null in JSON, empty in CSV)
    python: Any = None  # the Python type of an "object" column
    choices: tuple[str, ...] = ()  # the only values it takes (a filter on it accepts only these)

    def value(self, item: Any, concept: "Concept") -> Any:
        return getattr(item, self.name) if self.get is None else self.get(item, concept)

    @property
    def annotation(self) -> Any:
        kind = self.python or PYTHON_TYPES[self.type]
        return kind | None if self.null else kind

    @property
    def filter_annotation(self) -> Any:
        """What a filter on this column accepts: one of its choices, else any identifier."""
        return Literal[self.choices] | None if self.choices else str | None


@dataclass(frozen=True)
class Dataset:
    name: str  # API path and file name
    title: str
    description: str
    columns: tuple[Column, ...]
    items: Callable[["Concept"], list]
    filters: dict[str, str] = field(default_factory=dict)  # query parameter → column it matches
    csv: str = ""  # file name of its CSV download, if it has one

    def records(self, concept: "Concept") -> list[dict]:
        return [{c.name: c.value(item, concept) for c in self.columns} for item in self.items(concept)]


class Concept:
    """What the datasets of one site need, read with a fixed number of queries."""

    def __init__(self, site: Site):
        self.site = site
        self.home = site.root_page
        self.root_url = site.root_url.rstrip("/")
        levels = (FieldOfActionPage, StrategicGoalPage, SubGoalPage, ApproachPage)
        types = {ContentType.objects.get_for_model(m).pk: m for m in levels}
        pages = Page.objects.live().descendant_of(self.home).filter(content_type_id__in=types)
        self.pages = list(pages.only("id", "title", "slug", "url_path", "path", "depth", "content_type_id"))
        self.level_of = {p.pk: types[p.content_type_id] for p in self.pages}
        self.by_path = {p.path: p for p in self.pages}
        self.themes = list(CrossCuttingThemePage.objects.live().descendant_of(self.home))
        self.sub_regions = list(SubRegionPage.objects.live().descendant_of(self.home))

    def ident(self, page: Page) -> str:
        """The page's slug path below the start page: its identifier in data and content file."""
        return page.url_path[len(self.home.url_path) :].strip("/")

    def url(self, page_or_url_path, anchor: str = "") -> str:
        url_path = getattr(page_or_url_path, "url_path", page_or_url_path)
        return self.root_url + "/" + url_path[len(self.home.url_path) :] + (f"#{anchor}" if anchor else "")

    def of_level(self, model: type[Page]) -> list[Page]:
        return [p for p in self.pages if self.level_of[p.pk] is model]

    def ancestor(self, page_path: str, model: type[Page]) -> str | None:
        """Identifier of the `model` page above (or at) the page with tree path `page_path`."""
        step = Page.steplen
        for end in range(step, len(page_path) + 1, step):
            page = self.by_path.get(page_path[:end])
            if page is not None and self.level_of[page.pk] is model:
                return self.ident(page)
        return None

    def parent(self, page: Page) -> str | None:
        parent = self.by_path.get(page.path[: -Page.steplen])
        return self.ident(parent) if parent else None

    @cached_property
    def states(self) -> dict[tuple[str, int], monitoring.Item]:
        """Every public measure, project and idea with its implementation state, as the
        monitoring's pages show it, by ("measure" | "project", primary key)."""
        concept = monitoring.Concept.at(self.home.path)
        if concept is None:
            return {}
        return {
            ("measure" if item.kind == monitoring.ItemKind.MEASURE else "project", item.obj.pk): item
            for item in monitoring.load_items(concept)
        }

    def state_of(self, obj: Measure | Project) -> monitoring.Item:
        return self.states[("measure" if isinstance(obj, Measure) else "project", obj.pk)]

    def measures(self) -> list[Measure]:
        public = Project.objects.public().order_by("sort_order", "pk").only("id", "key", "kind", "measure_id")
        return list(
            Measure.objects.filter(approach__in=self.of_level(ApproachPage))
            .select_related("approach")
            .prefetch_related("themes", Prefetch("projects", queryset=public, to_attr="public_examples"))
            .order_by("approach__path", "sort_order", "pk")
        )

    def examples(self, kind: str) -> list[Project]:
        return list(
            Project.objects.public()
            .filter(kind=kind, approach__in=self.of_level(ApproachPage))
            .select_related("approach", "measure")
            .prefetch_related("themes", "sub_regions", "places")
            .order_by("approach__path", "sort_order", "pk")
        )


# Columns that several datasets share.
TITLE = Column("title", "string", "Titel")
PAGE_URL = Column("url", "string", "Adresse der Seite im Portal", lambda p, c: c.url(p))
ADDITION = " (redaktionelle Ergänzung, nicht Teil des Beschlusses)"


def _coordinates(note: str = "") -> tuple[Column, ...]:
    """Latitude and longitude of an item that has them; `note` says where they come from."""
    return (
        Column("latitude", "number", "Breitengrad (WGS 84)" + note, lambda o, c: _number(o.latitude), null=True),
        Column("longitude", "number", "Längengrad (WGS 84)" + note, lambda o, c: _number(o.longitude), null=True),
    )


def _slugs(name: str, title: str, relation: str, *, sort: bool = False) -> Column:
    """The short names of the item's `relation` (themes, Teilräume, places), an editorial addition."""

    def get(item, concept: "Concept") -> list[str]:
        slugs = [other.slug for other in getattr(item, relation).all()]
        return sorted(slugs) if sort else slugs

    return Column(name, "array", f"{title} (Kurznamen){ADDITION}", get)


def _hierarchy(model: type[Page], name: str, title: str, description: str, filters: dict) -> Dataset:
    columns = [
        Column("id", "string", "Kennung: Pfad der Kurznamen unterhalb der Startseite", lambda p, c: c.ident(p)),
        Column("title", "string", "Titel im beschlossenen Wortlaut"),
        Column("parent", "string", "Kennung der übergeordneten Ebene", lambda p, c: c.parent(p), null=True),
        Column("field", "string", "Kennung des Handlungsfelds", lambda p, c: c.ancestor(p.path, FieldOfActionPage)),
    ]
    if model in (SubGoalPage, ApproachPage):
        columns.append(
            Column(
                "goal", "string", "Kennung des Strategischen Ziels", lambda p, c: c.ancestor(p.path, StrategicGoalPage)
            )
        )
    if model is ApproachPage:
        columns.append(
            Column("sub_goal", "string", "Kennung des Teilziels", lambda p, c: c.ancestor(p.path, SubGoalPage))
        )
    columns.append(PAGE_URL)
    return Dataset(name, title, description, tuple(columns), lambda c: c.of_level(model), filters)


def _placement(get_path: Callable[[Any], str]) -> tuple[Column, ...]:
    """Where an item stands in the hierarchy: its approach, sub-goal, goal and field."""
    return tuple(
        Column(name, "string", f"Kennung des {label}", lambda item, c, model=model: c.ancestor(get_path(item), model))
        for name, label, model in (
            ("approach", "Handlungsansatzes", ApproachPage),
            ("sub_goal", "Teilziels", SubGoalPage),
            ("goal", "Strategischen Ziels", StrategicGoalPage),
            ("field", "Handlungsfelds", FieldOfActionPage),
        )
    )


def _keys(items) -> list[str]:
    return [i.key for i in items]


def _number(value: Decimal | None) -> float | None:
    return float(value) if value is not None else None


def _status_date(item: monitoring.Item) -> datetime.date | None:
    """A measure nobody has assessed yet claims no date (as on its page)."""
    if item.state.derived and item.kind == monitoring.ItemKind.MEASURE:
        return None
    return item.state.since


# The implementation state of the monitoring, the same for measures, projects and ideas.
STATUS_COLUMNS = (
    Column(
        "status",
        "string",
        "Stand der Umsetzung (Kennung aus dem Begriffsverzeichnis /umsetzung/begriffe/)",
        lambda o, c: c.state_of(o).state.status,
        choices=tuple(Status.values),
    ),
    Column("status_label", "string", "Stand der Umsetzung in Worten", lambda o, c: str(c.state_of(o).state.label)),
    Column("status_date", "date", "Stand vom (Datum)", lambda o, c: _status_date(c.state_of(o)), null=True),
    Column(
        "status_origin",
        "string",
        "Herkunft des Stands: entry (veröffentlichter Eintrag) oder decision (Ausgangsstand laut Beschluss)",
        lambda o, c: "decision" if c.state_of(o).state.derived else "entry",
    ),
    Column(
        "implementing_unit",
        "string",
        "Für die Umsetzung verantwortliche Stelle (Umsetzungsstand)",
        lambda o, c: c.state_of(o).unit.name if c.state_of(o).unit else None,
        null=True,
    ),
    Column("last_updated", "date", "Zuletzt aktualisiert", lambda o, c: c.state_of(o).last_update),
)

MEASURE_COLUMNS = (
    Column("id", "string", "Dauerhafter Schlüssel der Maßnahme", lambda m, c: m.key),
    Column("text", "string", "Wortlaut der Maßnahme (Beschluss des Kreistags)", lambda m, c: text_of(m.text)),
    Column("position", "integer", "Stelle der Maßnahme im Handlungsansatz, ab 1", lambda m, c: m.sort_order + 1),
    *_placement(lambda m: m.approach.path),
    _slugs("themes", "Querschnittsthemen", "themes"),
    Column(
        "projects",
        "array",
        "Schlüssel der laufenden Projekte zu dieser Maßnahme",
        lambda m, c: _keys(p for p in m.public_examples if p.kind == Project.Kind.RUNNING),
    ),
    Column(
        "ideas",
        "array",
        "Schlüssel der Projektideen zu dieser Maßnahme",
        lambda m, c: _keys(p for p in m.public_examples if p.kind == Project.Kind.IDEA),
    ),
    *STATUS_COLUMNS,
    Column("url", "string", "Adresse der Maßnahme im Portal", lambda m, c: c.url(m.approach, m.anchor)),
)

# Running projects and ideas share their columns.
EXAMPLE_COLUMNS = (
    Column("id", "string", "Dauerhafter Schlüssel des Projekts oder der Idee", lambda p, c: p.key),
    TITLE,
    Column("description", "string", "Beschreibung"),
    Column("link", "string", "Externer Link" + ADDITION, lambda p, c: p.url),
    Column("measure", "string", "Schlüssel der Maßnahme", lambda p, c: p.measure.key if p.measure else None, null=True),
    *_placement(lambda p: p.approach.path),
    Column("responsible_unit", "string", "Verantwortliche Stelle"),
    _slugs("themes", "Querschnittsthemen", "themes"),
    _slugs("sub_regions", "Teilräume", "sub_regions"),
    _slugs("places", "Orte", "places", sort=True),
    *_coordinates(ADDITION),
    Column("published_at", "datetime", "Zuletzt veröffentlicht", lambda p, c: p.last_published_at, null=True),
    *STATUS_COLUMNS,
    Column("url", "string", "Adresse im Portal", lambda p, c: c.url(p.approach, p.anchor)),
)

PLACEMENT_FILTERS = {"feld": "field", "ziel": "goal", "teilziel": "sub_goal", "ansatz": "approach"}
# "stand" is the name of the status filter of the site's list /umsetzung/liste/.
EXAMPLE_FILTERS = {
    **PLACEMENT_FILTERS,
    "thema": "themes",
    "teilraum": "sub_regions",
    "ort": "places",
    "stand": "status",
}


def _indicator_values(concept: Concept) -> list[IndicatorValue]:
    values = IndicatorValue.objects.filter(indicator__site=concept.site).select_related("indicator")
    return list(values.order_by("indicator__sort_order", "indicator__name", "year"))


def _indicators(concept: Concept) -> list[Indicator]:
    return list(
        Indicator.objects.filter(site=concept.site)
        .prefetch_related(
            "targets", "sub_goals", "approaches", Prefetch("values", queryset=IndicatorValue.objects.order_by("year"))
        )
        .order_by("sort_order", "name")
    )


def _pairs(items, **names) -> list[dict]:
    return [{key: _plain(getattr(item, attr)) for key, attr in names.items()} for item in items]


def _plain(value):
    return float(value) if isinstance(value, Decimal) else value


FIELDS = _hierarchy(FieldOfActionPage, "fields", "Handlungsfelder", "Die Handlungsfelder des Konzepts.", {})
GOALS = _hierarchy(
    StrategicGoalPage, "goals", "Strategische Ziele", "Die Strategischen Ziele je Handlungsfeld.", {"feld": "field"}
)
SUB_GOALS = _hierarchy(
    SubGoalPage, "sub-goals", "Teilziele", "Die Teilziele je Strategischem Ziel.", {"feld": "field", "ziel": "goal"}
)
APPROACHES = _hierarchy(
    ApproachPage,
    "approaches",
    "Handlungsansätze",
    "Die Handlungsansätze je Teilziel.",
    {"feld": "field", "ziel": "goal", "teilziel": "sub_goal"},
)
MEASURES = Dataset(
    "measures",
    "Maßnahmen",
    "Alle Maßnahmen des Konzepts mit ihrem Handlungsansatz, Querschnittsthemen und Beispielen.",
    MEASURE_COLUMNS,
    lambda c: c.measures(),
    {**PLACEMENT_FILTERS, "thema": "themes", "stand": "status"},
    csv="massnahmen.csv",
)
PROJECTS = Dataset(
    "projects",
    "Laufende Projekte",
    "Die laufenden Projekte, die das Konzept als Beispiele zu seinen Maßnahmen nennt.",
    EXAMPLE_COLUMNS,
    lambda c: c.examples(Project.Kind.RUNNING),
    EXAMPLE_FILTERS,
    csv="projekte.csv",
)
IDEAS = Dataset(
    "ideas",
    "Projektideen",
    "Die Projektideen aus dem Ideenpool des Konzepts.",
    EXAMPLE_COLUMNS,
    lambda c: c.examples(Project.Kind.IDEA),
    EXAMPLE_FILTERS,
    csv="ideen.csv",
)
THEMES = Dataset(
    "themes",
    "Querschnittsthemen",
    "Die Querschnittsthemen, die in jedem Handlungsfeld mitgedacht werden.",
    (
        Column("id", "string", "Kurzname des Querschnittsthemas", lambda t, c: t.slug),
        TITLE,
        Column("text", "string", "Text des Konzepts", lambda t, c: text_of(t.text)),
        PAGE_URL,
    ),
    lambda c: c.themes,
)
SUB_REGIONS = Dataset(
    "sub-regions",
    "Teilräume",
    "Die Teilräume des Landkreises.",
    (
        Column("id", "string", "Kurzname des Teilraums", lambda r, c: r.slug),
        TITLE,
        PAGE_URL,
    ),
    lambda c: c.sub_regions,
)
PLACES = Dataset(
    "places",
    "Orte",
    "Ämter, amtsfreie Städte und Gemeinden mit ihrem Amtlichen Gemeindeschlüssel" + ADDITION + ".",
    (
        Column("id", "string", "Kurzname des Orts", lambda p, c: p.slug),
        Column("name", "string", "Name"),
        Column("kind", "string", "Art (amt, town, municipality)"),
        Column("ags", "string", "Amtlicher Gemeindeschlüssel"),
        Column("office", "string", "Kurzname des Amts", lambda p, c: p.office.slug if p.office else None, null=True),
        Column("sub_region", "string", "Kurzname des Teilraums", lambda p, c: p.sub_region_slug),
        *_coordinates(),
    ),
    lambda c: list(Place.objects.filter(site=c.site).select_related("office").order_by("name")),
    {"teilraum": "sub_region", "art": "kind"},
)
CHANGES = Dataset(
    "changes",
    "Änderungen am Konzept",
    "Jede veröffentlichte Änderung seit dem Beschluss, die neueste zuerst.",
    (
        Column("id", "integer", "Laufende Nummer der Änderung", lambda r, c: r.pk),
        Column("created", "datetime", "Zeitpunkt der Veröffentlichung"),
        Column("action", "string", "Art: added, changed, removed"),
        Column("subject", "string", "Gegenstand, z. B. Handlungsansatz"),
        Column("title", "string", "Titel des Gegenstands"),
        Column("field", "string", "Kurzname des Handlungsfelds", lambda r, c: r.field_slug),
        Column("note", "string", "Änderungsnotiz der Redaktion"),
        Column(
            "sections",
            "object",
            "Geänderte Abschnitte: hinzugefügt, entfernt, umformuliert",
            lambda r, c: r.changes,
            python=list[dict[str, Any]],
        ),
    ),
    lambda c: list(ChangeRecord.objects.filter(site=c.site)),
    {"feld": "field"},
)
INDICATORS = Dataset(
    "indicators",
    "Indikatoren",
    "Die Indikatoren des Konzepts mit Zielen und belegten Werten.",
    (
        Column("id", "string", "Dauerhafter Schlüssel des Indikators", lambda i, c: i.key),
        Column("name", "string", "Name"),
        Column("definition", "string", "Was gemessen wird und wie"),
        Column("unit", "string", "Einheit"),
        Column("source", "string", "Datenquelle"),
        Column("area", "string", "Gebiet"),
        Column("baseline_year", "integer", "Ausgangsjahr", null=True),
        Column("baseline_value", "number", "Ausgangswert", lambda i, c: _number(i.baseline_value), null=True),
        Column(
            "targets",
            "object",
            "Ziele: Jahr, Wert, Herkunft",
            lambda i, c: _pairs(i.targets.all(), year="year", value="value", origin="origin"),
            python=list[dict[str, int | float | str]],
        ),
        Column(
            "values",
            "object",
            "Werte: Jahr, Wert, Quelle, Stand",
            lambda i, c: _pairs(i.values.all(), year="year", value="value", source="source", as_of="as_of"),
            python=list[dict[str, int | float | str | datetime.date]],
        ),
        Column("sub_goals", "array", "Kennungen der Teilziele", lambda i, c: [c.ident(p) for p in i.sub_goals.all()]),
        Column(
            "approaches",
            "array",
            "Kennungen der Handlungsansätze",
            lambda i, c: [c.ident(p) for p in i.approaches.all()],
        ),
    ),
    _indicators,
)
INDICATOR_VALUES = Dataset(
    "indicator-values",
    "Indikatorwerte",
    "Alle belegten Werte der Indikatoren, je Indikator und Jahr.",
    (
        Column("indicator", "string", "Schlüssel des Indikators", lambda v, c: v.indicator.key),
        Column("indicator_name", "string", "Name des Indikators", lambda v, c: v.indicator.name),
        Column("unit", "string", "Einheit", lambda v, c: v.indicator.unit),
        Column("year", "integer", "Jahr"),
        Column("value", "number", "Wert", lambda v, c: float(v.value)),
        Column("source", "string", "Quelle des Werts"),
        Column("as_of", "date", "Stand der Angabe"),
    ),
    _indicator_values,
    {"indikator": "indicator"},
    csv="indikatorwerte.csv",
)

DATASETS = (
    FIELDS,
    GOALS,
    SUB_GOALS,
    APPROACHES,
    MEASURES,
    PROJECTS,
    IDEAS,
    THEMES,
    SUB_REGIONS,
    PLACES,
    CHANGES,
    INDICATORS,
    INDICATOR_VALUES,
)
CSV_DATASETS = tuple(d for d in DATASETS if d.csv)


def select(records: list[dict], dataset: Dataset, params: dict[str, str | None]) -> list[dict]:
    """The records matching the filters given (a list column matches when it holds the value)."""
    for param, column in dataset.filters.items():
        wanted = params.get(param)
        if wanted:
            records = [
                r for r in records if (wanted in r[column] if isinstance(r[column], list) else r[column] == wanted)
            ]
    return records
