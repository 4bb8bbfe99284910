"""Monitoring's parts of pages that lower apps own, filled through their hooks: the status line
under each measure and example of an approach page (plan's APPROACH_ITEMS_HOOK) and "what is
under way here" on a place's page (places' PLACE_SECTIONS_HOOK). Each costs a fixed number of
queries, however many items the page shows."""

from django.db.models import Q
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils.safestring import SafeString
from wagtail.models import Page

from .items import load_items
from .models import locate


def approach_states(request: HttpRequest, page: Page, measures: list, projects: list) -> dict[str, SafeString]:
    """{anchor: status line with a link to the item's own page} for the items of one approach."""
    concept = locate(page, request)
    if concept is None:
        return {}
    items = load_items(concept, request, measures=Q(approach=page), projects=Q(approach=page))
    return {
        item.obj.anchor: render_to_string("monitoring/includes/approach_note.html", {"item": item}, request=request)
        for item in items
    }


def place_section(request: HttpRequest, page: Page, place, area: list[int]) -> SafeString:
    """What is under way at the place, its Amt or its Gemeinden, in its Teilraum, and county-wide
    (measures and projects under way with no place or Teilraum of their own)."""
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
