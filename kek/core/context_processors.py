"""Values every public template needs: from settings, the site's appearance and what the frame's kept
parts vary on (the content version: one query)."""

from django.conf import settings
from django.http import HttpRequest
from django.urls import translate_url
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from wagtail.models import Site

from .content_cache import kept, template_key
from .models import SiteIdentity

CONTENT_LANGUAGE = "de"


def local_path(url: str, fallback: str) -> str:
    """`url` if it is a path on this site, else `fallback`.

    A request for //evil.example/x/ has that as its path; translated or echoed as a link it would
    lead to another host (a protocol-relative URL), so only paths starting with one slash pass.
    """
    if url.startswith("/") and url_has_allowed_host_and_scheme(url, allowed_hosts=None):
        return url
    return fallback


def site_identity(request: HttpRequest) -> tuple[Site | None, SiteIdentity | None]:
    """The request's site and its appearance, read once per content version (the identity is None
    until an editor sets one). Read only: a page view never writes (Wagtail's `for_request` would
    create it)."""
    if not hasattr(request, "_kek_identity"):
        site = Site.find_for_request(request)
        identity = (
            kept(
                request,
                "identity",
                lambda: SiteIdentity.objects.filter(site=site).select_related("coat_of_arms").first(),
            )
            if site
            else None
        )
        request._kek_identity = (site, identity)
    return request._kek_identity


def portal_name(site: Site | None, identity: SiteIdentity | None) -> str:
    """The name set in the site's appearance; else a further county's site name (its concept's short
    title, set by import_kek --site); else the installation's name (KEK_SITE_NAME)."""
    if identity and identity.name:
        return identity.name
    if site and not site.is_default_site and site.site_name:
        return site.site_name
    return settings.WAGTAIL_SITE_NAME


def portal(request: HttpRequest) -> dict:
    """Built once per request and language: a page renders several templates with the request
    (sections filled through hooks, notes per item), and each would run this again."""
    language = get_language() or CONTENT_LANGUAGE
    built = getattr(request, "_kek_portal", None)
    if built is None or built[0] != language:
        built = request._kek_portal = (language, _portal(request, language))
    return built[1]


def _portal(request: HttpRequest, language: str) -> dict:
    path = request.get_full_path()
    site, identity = site_identity(request)
    frame_version, frame_seconds = template_key(request)
    return {
        "frame_version": frame_version,  # the frame's {% cache %} tags (base.html)
        "frame_seconds": frame_seconds,
        "portal_name": portal_name(site, identity),
        "site_identity": identity,
        "demo_data": settings.KEK_DEMO,  # `make demo`: every page says its data are invented
        "home_url": translate_url("/", language),
        # Content is German; when the interface is in another language, content elements say so.
        "content_lang": mark_safe(f' lang="{CONTENT_LANGUAGE}"') if language != CONTENT_LANGUAGE else "",  # noqa: S308
        "language_links": [
            {
                "code": code,
                "name": name,
                "url": local_path(translate_url(path, code), fallback=translate_url("/", code)),
                "current": code == language,
            }
            for code, name in settings.LANGUAGES
        ],
    }
