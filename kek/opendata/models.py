"""The page "Offene Daten" (list of downloads, API page); the licence setting lives in licences.py,
the downloads themselves are served by views.py at /daten/<name>."""

from django.http import HttpRequest, HttpResponse
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.routable_page.models import RoutablePageMixin, path

from kek.core.pages import SectionPage

from .downloads import api_context, listing
from .licences import OpenDataSettings

__all__ = ["OpenDataPage", "OpenDataSettings"]


class OpenDataPage(RoutablePageMixin, SectionPage):
    """ "Offene Daten": every download with licence, date and size; the API explained."""

    parent_page_types = ["plan.HomePage"]

    class Meta:
        verbose_name = _("Offene Daten")

    def default_description(self) -> str:
        return (
            strip_tags(self.intro)
            or "Offene Daten des Kreisentwicklungskonzepts: Downloads und Programmierschnittstelle."
        )

    @path("")
    def index(self, request: HttpRequest) -> HttpResponse:
        return self.render(request, context_overrides=listing(request, self))

    @path("api/")
    def api_page(self, request: HttpRequest) -> HttpResponse:
        return self.render(request, template="opendata/api_page.html", context_overrides=api_context(request, self))
