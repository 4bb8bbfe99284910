"""Monitoring's parts of pages that lower apps own, filled through their hooks: the status line
under each measure and example of an approach page (plan's APPROACH_ITEMS_HOOK) and "what is
under way here" on a place's page (places' PLACE_SECTIONS_HOOK). Each costs a fixed number of
queries, however many items the page shows, and is kept until the site's content changes or the
day ends (a state's timeliness counts days; kek/core/content_cache.py)."""

from functools import partial

from django.db.models import Prefetch, Q
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import SafeString
from wagtail.models import Page

from kek.core.content_cache import kept
from kek.core.richtext import text_of

from .items import load_items
from .models import locate
from .records import Implementation, ProgressEntry
from .status import MEASURE, current_state, last_update


def approach_states(request: HttpRequest, page: Page, measures: list, projects: list) -> dict[str, SafeString]:
    """{anchor: status line with a link to the item's own page} for the items of one approach.

    Lighter than load_items (four queries): an approach page needs states and links only."""
    build = partial(_approach_states, request, page, measures, projects)
    return kept(request, "monitoring-approach", build, page.pk, timezone.localdate())


def _approach_states(request: HttpRequest, page: Page, measures: list, projects: list) -> dict[str, SafeString]:
    concept = locate(page, request)
    if concept is None:
        return {}
    records = (
        Implementation.objects.public()
        .filter(Q(measure__in=[m.pk for m in measures]) | Q(project__in=[p.pk for p in projects]))
        .prefetch_related(Prefetch("entries", queryset=ProgressEntry.objects.order_by("date", "pk")))
    )
    by_measure, by_project = {}, {}
    for r in records:
        (by_measure if r.measure_id else by_project)[r.measure_id or r.project_id] = r
    notes = {}
    for kind, obj, base in [
        *((MEASURE, m, concept.measures_url) for m in measures),
        *((p.kind, p, concept.projects_url) for p in projects),
    ]:
        record = (by_measure if kind == MEASURE else by_project).get(obj.pk)
        state = current_state(kind, obj, list(record.entries.all()) if record else [], concept.dates)
        context = {
            "kind": kind,
            "state": state,
            "updated": last_update(state, record),
            "url": f"{base}{obj.key}/" if base else "",
            "title": obj.title if kind != MEASURE else text_of(obj.text),
        }
        notes[obj.anchor] = render_to_string("monitoring/includes/approach_note.html", context, request=request)
    return notes


def place_section(request: HttpRequest, page: Page, place, area: list[int]) -> SafeString:
    """What is under way at the place, its Amt or its Gemeinden, in its Teilraum, and county-wide
    (measures and projects under way with no place or Teilraum of their own)."""
    build = partial(_place_section, request, page, place, area)
    return kept(request, "monitoring-place", build, page.pk, place.pk, timezone.localdate())


def _place_section(request: HttpRequest, page: Page, place, area: list[int]) -> SafeString:
    concept = locate(page, request)
    if concept is None:
        return SafeString("")
    region = place.sub_region
    here, around, county = [], [], []
    for item in load_items(concept, request):
        if not item.state.under_way:
            continue
        if any(p.pk in area for p in item.places):
            here.append(item)
        elif region is not None and region.pk in item.sub_region_ids:
            around.append(item)
        elif not item.places and not item.sub_region_ids:
            county.append(item)
    context = {"here": here, "around": around, "county": county, "region": region, "place": place, "concept": concept}
    return render_to_string("monitoring/includes/place_section.html", context, request=request)
