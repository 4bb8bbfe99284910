"""Load content/indicators.yaml: a concept's indicators with targets (and values, each with its
source), matched by key, checked in full before anything is written, in one transaction.

The file is authoritative for what it lists: names, definitions and targets are set as the file
says, values of the years it lists are set; values entered since (admin, CSV) for other years stay.
With `only_new` (setup_site, on every start) indicators that already exist are left alone, so
what the Redaktion changed in the back office is not overwritten.
"""

import datetime
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Annotated

import yaml
from django.db import transaction
from django.utils import timezone
from pydantic import BaseModel, ConfigDict, Field, ValidationError
from wagtail.models import Page, Site

from kek.indicators.models import Indicator, IndicatorTarget, IndicatorValue, SpatialLevel, value_problems
from kek.plan.models import ApproachPage, HomePage, SubGoalPage

SlugPath = Annotated[str, Field(pattern=r"^[a-z0-9-]+(/[a-z0-9-]+)*$")]
Text = Annotated[str, Field(min_length=1)]
Year = Annotated[int, Field(ge=1900, le=2100)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class BaselineData(_Strict):
    year: Year
    value: Decimal
    source: Text


class TargetData(_Strict):
    year: Year
    value: Decimal
    origin: Text


class ValueData(_Strict):
    year: Year
    value: Decimal
    source: Text
    as_of: datetime.date


class IndicatorData(_Strict):
    key: Annotated[str, Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", max_length=80)]
    name: Text
    definition: Text
    unit: Text
    source: Text
    spatial_level: SpatialLevel
    area: str = ""
    baseline: BaselineData | None = None
    sub_goals: Annotated[list[SlugPath], Field(min_length=1)]
    approaches: list[SlugPath] = []
    targets: list[TargetData] = []
    values: list[ValueData] = []


class IndicatorsData(_Strict):
    concept: Text  # the title of the concept the file belongs to
    indicators: list[IndicatorData]


class IndicatorsFileError(Exception):
    def __init__(self, problems: list[str]):
        super().__init__("\n".join(problems))
        self.problems = problems


@dataclass(frozen=True)
class Result:
    created: int = 0
    updated: int = 0
    skipped: int = 0

    def __str__(self) -> str:
        return f"Indikatoren neu: {self.created}, aktualisiert: {self.updated}, unverändert gelassen: {self.skipped}."


def load(path: Path) -> IndicatorsData:
    try:
        return IndicatorsData.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))
    except OSError as exc:
        raise IndicatorsFileError([f"Die Indikatorendatei {path} lässt sich nicht lesen: {exc.strerror}."]) from exc
    except yaml.YAMLError as exc:
        raise IndicatorsFileError([f"Die Indikatorendatei {path} ist kein gültiges YAML: {exc}"]) from exc
    except ValidationError as exc:
        raise IndicatorsFileError(
            [f"{' → '.join(str(p) for p in error['loc'])}: {error['msg']}" for error in exc.errors()]
        ) from exc


def belongs_to(data: IndicatorsData, site: Site) -> bool:
    """Whether the site's concept is the one the file was written for."""
    home = HomePage.objects.filter(pk=site.root_page_id).only("title").first()
    return home is not None and home.title == data.concept


def _pages(home: Page, paths: list[str], model: type[Page], label: str, key: str) -> tuple[list[Page], list[str]]:
    wanted = {home.url_path + path + "/": path for path in paths}
    found = {p.url_path: p for p in model.objects.filter(url_path__in=wanted)}
    missing = [
        f"Indikator „{key}“: {label} „{path}“ gibt es in diesem Konzept nicht."
        for url, path in wanted.items()
        if url not in found
    ]
    return [found[url] for url in wanted if url in found], missing


def check(data: IndicatorsData, site: Site, today: datetime.date) -> tuple[dict[str, tuple[list, list]], list[str]]:
    """The pages each indicator links to, and every problem of the file (German)."""
    problems: list[str] = []
    links: dict[str, tuple[list, list]] = {}
    if not belongs_to(data, site):
        return links, [
            f"Die Datei gehört zum Konzept „{data.concept}“; die Site {site.hostname} zeigt ein anderes oder keines."
        ]
    keys = [i.key for i in data.indicators]
    problems += [
        f"Die Kennung „{key}“ steht mehrmals in der Datei." for key in sorted({k for k in keys if keys.count(k) > 1})
    ]
    for item in data.indicators:
        sub_goals, missing = _pages(site.root_page, item.sub_goals, SubGoalPage, "Das Teilziel", item.key)
        approaches, missing_approaches = _pages(
            site.root_page, item.approaches, ApproachPage, "Den Handlungsansatz", item.key
        )
        problems += missing + missing_approaches
        links[item.key] = (sub_goals, approaches)
        for label, years in (("Ziel", [t.year for t in item.targets]), ("Wert", [v.year for v in item.values])):
            problems += [
                f"Indikator „{item.key}“: {label} für {year} steht mehrmals in der Datei."
                for year in sorted({y for y in years if years.count(y) > 1})
            ]
        for value in item.values:
            problems += [
                f"Indikator „{item.key}“, Wert für {value.year}: {p}"
                for p in value_problems(value.year, value.as_of, value.source, today)
            ]
    return links, problems


def import_indicators(data: IndicatorsData, site: Site, *, only_new: bool = False, today=None) -> Result:
    """Create or update the file's indicators on `site`; nothing is written if anything is wrong."""
    links, problems = check(data, site, today or timezone.localdate())
    if problems:
        raise IndicatorsFileError(problems)
    existing = {i.key: i for i in Indicator.objects.of_site(site)}
    created = updated = skipped = 0
    with transaction.atomic():
        for order, item in enumerate(data.indicators):
            indicator = existing.get(item.key)
            if indicator is not None and only_new:
                skipped += 1
                continue
            created, updated = (created + 1, updated) if indicator is None else (created, updated + 1)
            _write(indicator or Indicator(site=site, key=item.key), item, order, *links[item.key])
    return Result(created, updated, skipped)


def _write(indicator: Indicator, item: IndicatorData, order: int, sub_goals: list, approaches: list) -> None:
    indicator.name, indicator.definition, indicator.unit = item.name, item.definition, item.unit
    indicator.source, indicator.spatial_level, indicator.area = item.source, item.spatial_level, item.area
    indicator.baseline_year = item.baseline.year if item.baseline else None
    indicator.baseline_value = item.baseline.value if item.baseline else None
    indicator.baseline_source = item.baseline.source if item.baseline else ""
    indicator.sort_order = order
    indicator.save()
    indicator.sub_goals.set(sub_goals)
    indicator.approaches.set(approaches)
    indicator.save()  # ParentalManyToMany: the links are written on save
    IndicatorTarget.objects.filter(indicator=indicator).exclude(year__in=[t.year for t in item.targets]).delete()
    for target in item.targets:
        IndicatorTarget.objects.update_or_create(
            indicator=indicator, year=target.year, defaults={"value": target.value, "origin": target.origin}
        )
    for value in item.values:
        IndicatorValue.objects.update_or_create(
            indicator=indicator,
            year=value.year,
            defaults={"value": value.value, "source": value.source, "as_of": value.as_of},
        )
