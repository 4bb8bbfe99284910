"""Build the search index from the published concept. A full rebuild takes well under a second,
so every publication simply rebuilds it, in a background task once its transaction has committed
(tasks.py)."""

from django.db import transaction
from wagtail.models import Page

from kek.core.richtext import text_of
from kek.places.models import Place, SubRegionPage
from kek.plan.models import (
    AboutPage,
    ApproachPage,
    CrossCuttingThemePage,
    FieldOfActionPage,
    Measure,
    Project,
    StrategicGoalPage,
    SubGoalPage,
)

from . import text
from .models import SearchEntry

Kind = SearchEntry.Kind


def _entry(kind, title, body, url, trail, order, field_slug="", goal_id=None, themes=(), sub_regions=()):
    entry = SearchEntry(
        kind=kind,
        title=title,
        body=body,
        url=url,
        trail=trail,
        field_slug=field_slug,
        goal_id=goal_id,
        title_terms=text.terms(title),
        terms=text.terms(f"{title} {body}"),
        order=order,
    )
    entry._themes, entry._sub_regions = list(themes), list(sub_regions)
    return entry


def build_entries() -> list[SearchEntry]:
    pages = {p.pk: p for p in Page.objects.live().only("id", "title", "url_path", "path", "depth", "slug")}
    by_path = {p.path: p for p in pages.values()}

    def ancestry(page) -> list:
        return [by_path[page.path[:i]] for i in range(12, len(page.path), 4) if page.path[:i] in by_path]

    def context(page):
        chain = ancestry(page)  # field, goal, sub-goal, ... below the start page
        field = chain[0] if chain else page
        goal = chain[1] if len(chain) > 1 else (page if page.depth == 4 else None)
        return [p.title for p in chain], field.slug, goal.pk if goal else None

    entries: list[SearchEntry] = []

    def add(*args, **kwargs) -> None:
        entries.append(_entry(*args, order=len(entries), **kwargs))

    for field in FieldOfActionPage.objects.live():
        focus = " ".join(text_of(f.text) for f in field.regional_focus.all())
        body = " ".join([field.topics, *(text_of(h) for _k, _h, h in field.situation), focus])
        add(Kind.FIELD, field.title, body, field.url, [], field_slug=field.slug)
    for goal in StrategicGoalPage.objects.live():
        trail, field_slug, _goal = context(goal)
        add(Kind.GOAL, goal.title, "", goal.url, trail, field_slug=field_slug, goal_id=goal.pk)
    for sub_goal in SubGoalPage.objects.live():
        trail, field_slug, goal_id = context(sub_goal)
        body = f"{text_of(sub_goal.legal_framework)} {text_of(sub_goal.footnotes)}"
        add(Kind.SUB_GOAL, sub_goal.title, body, sub_goal.url, trail, field_slug=field_slug, goal_id=goal_id)

    approaches = {a.pk: a for a in ApproachPage.objects.live()}
    for approach in approaches.values():
        trail, field_slug, goal_id = context(approach)
        add(Kind.APPROACH, approach.title, "", approach.url, trail, field_slug=field_slug, goal_id=goal_id)
    for measure in (
        Measure.objects.filter(approach__in=approaches)
        .prefetch_related("themes")
        .order_by("approach__path", "sort_order")
    ):
        approach = approaches[measure.approach_id]
        trail, field_slug, goal_id = context(approach)
        add(
            Kind.MEASURE,
            text_of(measure.text),
            "",
            f"{approach.url}#{measure.anchor}",
            [*trail, approach.title],
            field_slug=field_slug,
            goal_id=goal_id,
            themes=[t.pk for t in measure.themes.all()],
        )
    projects = (
        Project.objects.public().filter(approach__in=approaches).prefetch_related("themes", "sub_regions", "places")
    )
    regions = {r.slug: r.pk for r in SubRegionPage.objects.live()}
    for project in projects.order_by("approach__path", "sort_order"):
        approach = approaches[project.approach_id]
        trail, field_slug, goal_id = context(approach)
        sub_regions = {r.pk for r in project.sub_regions.all()}
        sub_regions |= {regions[p.sub_region_slug] for p in project.places.all() if p.sub_region_slug in regions}
        places = " ".join(p.name for p in project.places.all())
        add(
            Kind.RUNNING if project.kind == Project.Kind.RUNNING else Kind.IDEA,
            project.title,
            f"{project.description} {places}".strip(),
            f"{approach.url}#beispiel-{project.pk}",
            [*trail, approach.title],
            field_slug=field_slug,
            goal_id=goal_id,
            themes=[t.pk for t in project.themes.all()],
            sub_regions=sorted(sub_regions),
        )
    for theme in CrossCuttingThemePage.objects.live():
        add(Kind.THEME, theme.title, text_of(theme.text), theme.url, [], themes=[theme.pk])
    for region in SubRegionPage.objects.live():
        body = " ".join(text_of(f.text) for f in region.regional_focus.all())
        add(Kind.REGION, region.title, body, region.url, [], sub_regions=[region.pk])
    place_index = Page.objects.live().filter(slug="orte", depth=3).first()
    if place_index is not None:
        for place in Place.objects.select_related("office"):
            trail = [place.office.name] if place.office else []
            sub_regions = [regions[place.sub_region_slug]] if place.sub_region_slug in regions else []
            add(
                Kind.PLACE,
                place.name,
                place.get_kind_display(),
                f"{place_index.url}{place.slug}/",
                trail,
                sub_regions=sub_regions,
            )
    for about in AboutPage.objects.live():
        add(Kind.PAGE, about.title, text_of(about.body), about.url, [])
    return entries


@transaction.atomic
def rebuild() -> int:
    entries = build_entries()
    SearchEntry.objects.all().delete()
    SearchEntry.objects.bulk_create(entries)
    theme_links, region_links = [], []
    for entry in entries:
        theme_links += [
            SearchEntry.themes.through(searchentry_id=entry.pk, crosscuttingthemepage_id=t) for t in entry._themes
        ]
        region_links += [
            SearchEntry.sub_regions.through(searchentry_id=entry.pk, subregionpage_id=r) for r in entry._sub_regions
        ]
    SearchEntry.themes.through.objects.bulk_create(theme_links)
    SearchEntry.sub_regions.through.objects.bulk_create(region_links)
    return len(entries)
