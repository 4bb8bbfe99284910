"""The page "Offene Daten" (downloads and the API page); the licence setting lives in licences.py."""

from django.http import Http404, HttpRequest, HttpResponse
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.routable_page.models import RoutablePageMixin, path

from kek.core.pages import SectionPage
from kek.publications import files

from .downloads import api_context, listing, serve
from .licences import OpenDataSettings

__all__ = ["OpenDataPage", "OpenDataSettings"]


class OpenDataPage(RoutablePageMixin, SectionPage):
    """ "Offene Daten": every download with licence, date and size; the API explained; the files."""

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

    @path("dateien/<str:name>")
    def download(self, request: HttpRequest, name: str) -> HttpResponse:
        spec = files.spec_named(name)
        if spec is None:
            raise Http404
        return serve(request, self, spec)
