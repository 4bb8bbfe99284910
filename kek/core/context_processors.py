"""Values every public template needs, taken from settings (no database queries)."""

from django.conf import settings
from django.http import HttpRequest
from django.urls import translate_url
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

CONTENT_LANGUAGE = "de"


def portal(request: HttpRequest) -> dict:
    language = get_language() or CONTENT_LANGUAGE
    return {
        "portal_name": settings.WAGTAIL_SITE_NAME,
        "home_url": translate_url("/", language),
        # Content is German; when the interface is in another language, content elements say so.
        "content_lang": mark_safe(f' lang="{CONTENT_LANGUAGE}"') if language != CONTENT_LANGUAGE else "",  # noqa: S308
        "language_links": [
            {
                "code": code,
                "name": name,
                "url": translate_url(request.get_full_path(), code),
                "current": code == language,
            }
            for code, name in settings.LANGUAGES
        ],
    }
