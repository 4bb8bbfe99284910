"""A small concept of its own for the indicator tests, on a site of its own, so they pass whether
or not the test session loads the KEK 2030."""

import datetime
from dataclasses import dataclass
from decimal import Decimal

import pytest
from django.contrib.auth.models import Group, Permission
from wagtail.models import GroupPagePermission, Page, Site

from kek.indicators.models import Indicator, IndicatorTarget, IndicatorValue
from kek.indicators.numbers import parse_german
from kek.indicators.services import ensure_page
from kek.plan.models import ApproachPage, FieldOfActionPage, HomePage, StrategicGoalPage, SubGoalPage

HOST = "indikatoren.example"
INDEX = "/indikatoren/"


@dataclass
class Concept:
    site: Site
    home: HomePage
    field: FieldOfActionPage
    sub_goal: SubGoalPage
    approach: ApproachPage
    other_field: FieldOfActionPage
    other_sub_goal: SubGoalPage
    index: Page


def _add(parent: Page, page: Page) -> Page:
    parent.add_child(instance=page)
    return page


def build_concept(host: str, slug: str) -> Concept:
    home = _add(
        Page.get_first_root_node(),
        HomePage(
            title="Konzept Musterland",
            slug=slug,
            county="Landkreis Musterland",
            decided_on=datetime.date(2020, 5, 4),
            decided_by="Kreistag Musterland",
        ),
    )
    site = Site.objects.create(hostname=host, port=80, root_page=home, site_name="Musterland")
    field = _add(home, FieldOfActionPage(title="Nachhaltiger Lebensraum", slug="lebensraum"))
    goal = _add(field, StrategicGoalPage(title="Das Klima wird geschützt.", slug="klima"))
    sub_goal = _add(goal, SubGoalPage(title="Klimaschutzmaßnahmen werden umgesetzt.", slug="klimaschutz"))
    approach = _add(sub_goal, ApproachPage(title="Zielvorgaben umsetzen", slug="zielvorgaben"))
    other_field = _add(home, FieldOfActionPage(title="Starke Wirtschaft", slug="wirtschaft"))
    other_goal = _add(other_field, StrategicGoalPage(title="Die Wirtschaft wächst.", slug="wachstum"))
    other_sub_goal = _add(other_goal, SubGoalPage(title="Betriebe finden Flächen.", slug="flaechen"))
    return Concept(site, home, field, sub_goal, approach, other_field, other_sub_goal, ensure_page(home))


@pytest.fixture
def concept(settings) -> Concept:
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, HOST, "zweiter.example"]
    return build_concept(HOST, "musterland")


@pytest.fixture
def second_concept(concept) -> Concept:
    return build_concept("zweiter.example", "zweitland")


def make_indicator(
    concept: Concept,
    key: str = "co2",
    *,
    baseline: tuple[int, str] | None = (1990, "100"),
    values: list[tuple[int, str]] = (),
    targets: list[tuple[int, str]] = ((2030, "45"), (2050, "15")),
    sub_goal: SubGoalPage | None = None,
) -> Indicator:
    indicator = Indicator.objects.create(
        site=concept.site,
        key=key,
        name="CO₂-Emissionen in Westmecklenburg",
        definition="CO₂-Emissionen als Index, 1990 = 100.",
        unit="Index (1990 = 100)",
        source="Integriertes Klimaschutzkonzept Westmecklenburg",
        spatial_level="region",
        area="Westmecklenburg",
        baseline_year=baseline[0] if baseline else None,
        baseline_value=Decimal(baseline[1]) if baseline else None,
        baseline_source="Bezugsjahr 1990 = 100 nach Definition des Index" if baseline else "",
    )
    indicator.sub_goals.add(sub_goal or concept.sub_goal)
    indicator.save()
    for year, value in targets:
        IndicatorTarget.objects.create(indicator=indicator, year=year, value=Decimal(value), origin="KEK 2030")
    for year, value in values:
        IndicatorValue.objects.create(
            indicator=indicator,
            year=year,
            value=parse_german(value),
            source=f"Statistikamt, Bericht {year + 1}",
            as_of=datetime.date(year + 1, 6, 30),
        )
    return indicator


def grant(name: str, page: Page, *codenames: str) -> Group:
    """A group with page permissions on `page`, as each site's Redaktion and Fachdienste have them."""
    group = Group.objects.create(name=name)
    group.permissions.add(Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"))
    for permission in Permission.objects.filter(content_type__app_label="wagtailcore", codename__in=codenames):
        GroupPagePermission.objects.create(group=group, page=page, permission=permission)
    return group
