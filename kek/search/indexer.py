"""Build the search index from the published concept. A full rebuild takes well under a second,
so every publication simply rebuilds it, in a background task once its transaction has committed
(tasks.py)."""

from django.db import transaction
from wagtail.models import Page, Site

from kek.core.richtext import text_of
from kek.places.models import Place, PlaceIndexPage, SubRegionPage
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
from kek.plan.tree import FIELD_DEPTH, ancestor_paths

from . import facets, text
from .models import SearchEntry

Kind = SearchEntry.Kind


def _entry(site, kind, title, body, url, trail, order, field_slug="", goal_id=None, themes=(), sub_regions=(), item=""):
    entry = SearchEntry(
        site=site,
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
        # The tags as slugs in the row itself, so that a search counts and filters them without a
        # query of its own (facets.py).
        facets={key: sorted(slugs) for key, slugs in (("thema", themes), ("teilraum", sub_regions)) if slugs},
    )
    entry._item = item  # "measure:<key>" or "project:<key>": how other apps' facets name it
    return entry


def build_entries(site: Site) -> list[SearchEntry]:
    """The entries of one site's concept, in its reading order."""
    home = site.root_page
    live = Page.objects.live().descendant_of(home)
    pages = {p.pk: p for p in live.only("id", "title", "url_path", "path", "depth", "slug")}
    by_path = {p.path: p for p in pages.values()}

    def ancestry(page) -> list:
        return [by_path[path] for path in ancestor_paths(page.path) if path in by_path]

    def context(page):
        chain = ancestry(page)  # field, goal, sub-goal, ... below the start page
        field = chain[0] if chain else page
        goal = chain[1] if len(chain) > 1 else (page if page.depth == FIELD_DEPTH + 1 else None)
        return [p.title for p in chain], field.slug, goal.pk if goal else None

    entries: list[SearchEntry] = []

    def add(*args, **kwargs) -> None:
        entries.append(_entry(site, *args, order=len(entries), **kwargs))

    def below(model):
        return model.objects.live().descendant_of(home)

    for field in below(FieldOfActionPage):
        focus = " ".join(text_of(f.text) for f in field.regional_focus.all())
        body = " ".join([field.topics, *(text_of(h) for _k, _h, h in field.situation), focus])
        add(Kind.FIELD, field.title, body, field.url, [], field_slug=field.slug)
    for goal in below(StrategicGoalPage):
        trail, field_slug, _goal = context(goal)
        add(Kind.GOAL, goal.title, "", goal.url, trail, field_slug=field_slug, goal_id=goal.pk)
    for sub_goal in below(SubGoalPage):
        trail, field_slug, goal_id = context(sub_goal)
        body = f"{text_of(sub_goal.legal_framework)} {text_of(sub_goal.footnotes)}"
        add(Kind.SUB_GOAL, sub_goal.title, body, sub_goal.url, trail, field_slug=field_slug, goal_id=goal_id)

    approaches = {a.pk: a for a in below(ApproachPage)}
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
            themes=[t.slug for t in measure.themes.all()],
            item=f"measure:{measure.key}",
        )
    projects = (
        Project.objects.public().filter(approach__in=approaches).prefetch_related("themes", "sub_regions", "places")
    )
    regions = {r.slug for r in below(SubRegionPage)}
    for project in projects.order_by("approach__path", "sort_order"):
        approach = approaches[project.approach_id]
        trail, field_slug, goal_id = context(approach)
        sub_regions = {r.slug for r in project.sub_regions.all()}
        sub_regions |= {p.sub_region_slug for p in project.places.all() if p.sub_region_slug in regions}
        places = " ".join(p.name for p in project.places.all())
        add(
            Kind.RUNNING if project.kind == Project.Kind.RUNNING else Kind.IDEA,
            project.title,
            f"{project.description} {places}".strip(),
            f"{approach.url}#{project.anchor}",
            [*trail, approach.title],
            field_slug=field_slug,
            goal_id=goal_id,
            themes=[t.slug for t in project.themes.all()],
            sub_regions=sub_regions,
            item=f"project:{project.key}",
        )
    for theme in below(CrossCuttingThemePage):
        add(Kind.THEME, theme.title, text_of(theme.text), theme.url, [], themes=[theme.slug])
    for region in below(SubRegionPage):
        body = " ".join(text_of(f.text) for f in region.regional_focus.all())
        add(Kind.REGION, region.title, body, region.url, [], sub_regions=[region.slug])
    place_index = below(PlaceIndexPage).first()
    if place_index is not None:
        for place in Place.objects.filter(site=site).select_related("office"):
            trail = [place.office.name] if place.office else []
            sub_regions = [place.sub_region_slug] if place.sub_region_slug in regions else []
            add(
                Kind.PLACE,
                place.name,
                place.get_kind_display(),
                f"{place_index.url}{place.slug}/",
                trail,
                sub_regions=sub_regions,
            )
    for about in below(AboutPage):
        add(Kind.PAGE, about.title, text_of(about.body), about.url, [])
    for facet in facets.extra():
        values = facet["values"](site)
        for entry in entries:
            if values.get(entry._item):
                entry.facets[facet["key"]] = values[entry._item]
    return entries


@transaction.atomic
def rebuild() -> int:
    """Rebuild the entries of every site that has a concept; returns how many there are."""
    entries = [entry for site in Site.objects.select_related("root_page") for entry in build_entries(site)]
    SearchEntry.objects.all().delete()
    SearchEntry.objects.bulk_create(entries)
    return len(entries)
