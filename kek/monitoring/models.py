"""The public sections: "Umsetzungsstand" (overview, list, vocabulary, a page per measure) and
"Projekte und Ideen" (a page per running project and idea at /projekte/<key>/).

Neither holds content of its own beyond its introduction: their routes show what the items and
their implementation records say (sections.py renders them), each with a fixed number of queries.
"""

from django.http import HttpRequest, HttpResponse
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page

from kek.core.pages import SectionPage
from kek.places.models import PlaceIndexPage

from . import sections
from .items import Concept
from .records import Funding, Implementation, OrganisationalUnit, ProgressEntry

__all__ = [
    "Funding",
    "Implementation",
    "OrganisationalUnit",
    "ProgressEntry",
    "ProgressOverviewPage",
    "ProjectIndexPage",
    "locate",
]


class ProgressOverviewPage(RoutablePageMixin, SectionPage):
    """ "Umsetzungsstand": how far the concept's measures, projects and ideas have come."""

    parent_page_types = ["plan.HomePage"]

    class Meta:
        verbose_name = _("Umsetzungsstand")

    def default_description(self) -> str:
        return strip_tags(self.intro) or "Wie weit die Maßnahmen, Projekte und Ideen des Konzepts umgesetzt sind."

    def get_cached_paths(self) -> list[str]:
        """The overview and the list, for the page cache (kek/operations/purge.py); an item's own
        page is refreshed when its status is published."""
        return ["/", "liste/"]

    @path("")
    def overview(self, request: HttpRequest) -> HttpResponse:
        return sections.overview(self, request, locate(self, request))

    @path("liste/", name="list")
    def item_list(self, request: HttpRequest) -> HttpResponse:
        return sections.item_list(self, request, locate(self, request))

    @path("begriffe/", name="vocabulary")
    def vocabulary(self, request: HttpRequest) -> HttpResponse:
        return sections.vocabulary(self, request)

    @path("massnahmen/<slug:key>/", name="measure")
    def measure(self, request: HttpRequest, key: str) -> HttpResponse:
        return sections.measure(self, request, locate(self, request), key)


class ProjectIndexPage(RoutablePageMixin, SectionPage):
    """ "Projekte und Ideen": a page for every running project and idea, at a URL made of its key."""

    parent_page_types = ["plan.HomePage"]

    class Meta:
        verbose_name = _("Projekte und Ideen")

    def default_description(self) -> str:
        return strip_tags(self.intro) or "Die laufenden Projekte und Projektideen des Konzepts mit ihrem Stand."

    @path("")
    def index(self, request: HttpRequest) -> HttpResponse:
        return sections.project_index(self, request, locate(self, request))

    @path("<slug:key>/", name="project")
    def project(self, request: HttpRequest, key: str) -> HttpResponse:
        return sections.project(self, request, locate(self, request), key)


def locate(page: Page, request: HttpRequest | None) -> Concept | None:
    """The concept of `page` with the addresses of its monitoring and place pages (three queries)."""
    concept = Concept.at(page.path)
    if concept is None:
        return None
    sections_ = Page.objects.live().child_of(concept.home).type(ProgressOverviewPage, ProjectIndexPage, PlaceIndexPage)
    for section in sections_.only("id", "url_path", "path", "depth", "content_type_id"):
        url = section.get_url(request)
        if section.specific_class is ProgressOverviewPage:
            concept.overview_url = url
            concept.measures_url = f"{url}massnahmen/"
        elif section.specific_class is ProjectIndexPage:
            concept.projects_url = url
        else:
            concept.places_url = url
    return concept
