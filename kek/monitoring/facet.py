"""The implementation status as a facet of the site search (kek/core's SEARCH_FACETS_HOOK): the
search stores each measure's, project's and idea's current status in its index when it rebuilds,
so filtering by it costs no query at search time."""

from django.utils.translation import gettext_lazy as _
from wagtail.models import Site

from .items import Concept, load_items
from .records import Implementation
from .status import MEASURE
from .vocabulary import Status


def values(site: Site) -> dict[str, str]:
    """{"measure:<key>" | "project:<key>": current status} of the site's concept, as the overview
    counts it (load_items: a fixed number of queries)."""
    concept = Concept.at(site.root_page.path)
    if concept is None:
        return {}
    return {
        f"{'measure' if item.kind == MEASURE else 'project'}:{item.key}": str(item.state.status)
        for item in load_items(concept)
    }


def status_facet() -> dict:
    return {
        "key": "stand",  # as in the list /umsetzung/liste/?stand=…
        "name": _("Umsetzungsstand"),
        "labels": Status.choices,
        "values": values,
        "models": (Implementation,),
    }
