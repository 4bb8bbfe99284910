"""Values every public template needs, taken from settings (no database queries)."""

from django.conf import settings
from django.http import HttpRequest
from django.urls import translate_url
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

CONTENT_LANGUAGE = "de"


def local_path(url: str, fallback: str) -> str:
    """`url` if it is a path on this site, else `fallback`.

    A request for //evil.example/x/ has that as its path; translated or echoed as a link it would
    lead to another host (a protocol-relative URL), so only paths starting with one slash pass.
    """
    if url.startswith("/") and url_has_allowed_host_and_scheme(url, allowed_hosts=None):
        return url
    return fallback


def portal(request: HttpRequest) -> dict:
    language = get_language() or CONTENT_LANGUAGE
    path = request.get_full_path()
    return {
        "portal_name": settings.WAGTAIL_SITE_NAME,
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
