"""Small site-wide views."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET


@require_GET
@cache_control(max_age=86400, public=True)
def robots_txt(request: HttpRequest) -> HttpResponse:
    lines = ["User-agent: *", "Disallow: /admin/", f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}"]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


@require_GET
def editorial_notes(request: HttpRequest) -> HttpResponse:
    """What "redaktionelle Ergänzung" and "redaktionelle Korrektur" mean: every marker links here."""
    return render(request, "core/editorial_notes.html")
