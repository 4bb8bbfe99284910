"""The concept's projects and ideas on the place pages and the map (hooks of kek.places)."""

from functools import partial

from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils.safestring import SafeString
from wagtail.models import Page

from kek.core.content_cache import kept

from .models import FieldOfActionPage, Project
from .tree import home_path


def place_examples(request: HttpRequest, page: Page, place, area: list[int]) -> SafeString:
    """The projects and ideas located at a place, its Amt or its Gemeinden, in the concept's order;
    kept until the site's content changes (kek/core/content_cache.py)."""
    return kept(request, "plan-place-examples", partial(_place_examples, request, page, place, area), page.pk, place.pk)


def _place_examples(request: HttpRequest, page: Page, place, area: list[int]) -> SafeString:
    projects = Project.objects.public().filter(places__in=area, approach__path__startswith=home_path(page.path))
    projects = projects.distinct().select_related("approach", "measure").order_by("approach__path", "sort_order")
    fields = FieldOfActionPage.objects.child_of(Page.objects.get(path=home_path(page.path))).live()
    context = {"projects": projects, "page": page, "place": place, "fields": fields.only("id", "title", "url_path")}
    return render_to_string("plan/includes/place_examples.html", context, request=request)


def map_items(page: Page) -> list[dict]:
    """Public projects and ideas with coordinates: their own, or those of their first located place."""
    items = []
    projects = Project.objects.public().filter(approach__path__startswith=home_path(page.path))
    for project in projects.select_related("approach").prefetch_related("places"):
        places = list(project.places.all())
        located = next((p for p in places if p.latitude is not None), None)
        latitude = project.latitude if project.latitude is not None else (located.latitude if located else None)
        longitude = project.longitude if project.longitude is not None else (located.longitude if located else None)
        if latitude is None or longitude is None:
            continue
        items.append(
            {
                "title": project.title,
                "kind": project.kind,
                "kind_label": str(project.get_kind_display()),
                "url": f"{project.approach.url}#{project.anchor}",
                "places": ", ".join(p.name for p in places),
                "own_position": project.latitude is not None,
                "lat": float(latitude),
                "lon": float(longitude),
            }
        )
    return items
