"""Admin view: download the whole concept as a content file."""

from django.http import Http404, HttpRequest, HttpResponse
from django.utils import timezone
from wagtail.models import Site

from kek.plan.models import HomePage

from .exporter import export_concept, to_yaml


def export_download(request: HttpRequest) -> HttpResponse:
    """The concept of the site the admin is used on."""
    site = Site.find_for_request(request)
    if site is None or not isinstance(site.root_page.specific, HomePage):
        raise Http404
    response = HttpResponse(to_yaml(export_concept(site)), content_type="application/yaml; charset=utf-8")
    filename = f"kek-export-{timezone.localdate():%Y-%m-%d}.yaml"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
