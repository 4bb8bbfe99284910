"""Values every public template needs, taken from settings (no database queries)."""

from django.conf import settings
from django.http import HttpRequest


def portal(request: HttpRequest) -> dict:
    return {
        "portal_name": settings.WAGTAIL_SITE_NAME,
    }
