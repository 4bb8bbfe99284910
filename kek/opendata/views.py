"""The downloads at /daten/<name>: every file a site offers, from storage, for the request's site."""

from django.http import Http404, HttpRequest, HttpResponse
from django.views.decorators.http import require_safe
from wagtail.models import Site

from kek.publications import files

from .downloads import serve


@require_safe
def download(request: HttpRequest, name: str) -> HttpResponse:
    site = Site.find_for_request(request)
    spec = files.spec_named(name)
    if site is None or spec is None:
        raise Http404
    return serve(request, site, spec)
