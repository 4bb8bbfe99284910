"""HTTP caching for anonymous visitors and a JSON access log.

A response may be kept by nginx (or a CDN) only when it is the same for everybody: a GET or HEAD
without a query string, from a request without a session cookie, that sets no cookie, uses no CSRF
token (no form), and whose view did not decide about caching itself (the admin, /healthz, the
login). Such pages get `Cache-Control: public, max-age=0, s-maxage=KEK_CACHE_SECONDS` and
`Last-Modified`; Django's ConditionalGetMiddleware adds the ETag and answers 304. Browsers
revalidate every time (max-age=0) and get a 304 from nginx; shared caches keep the page until a
publication refreshes it (kek/operations/purge.py) or, as a safety net, for KEK_CACHE_SECONDS.

Pages with a query string (search, filters, pagination) are not kept: the refresh after a
publication could not know them all.
"""

import logging
import time
from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils.cache import patch_cache_control
from django.utils.http import http_date

CACHEABLE_STATUS = {200, 404}
access_log = logging.getLogger("kek.access")


def is_public(request: HttpRequest, response: HttpResponse) -> bool:
    """Whether `response` is the same for every anonymous visitor, so a shared cache may keep it."""
    return (
        request.method in ("GET", "HEAD")
        and response.status_code in CACHEABLE_STATUS
        and not request.META.get("QUERY_STRING")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and not request.path.startswith(tuple(settings.KEK_CACHE_EXCLUDED_PATHS))
        and not response.has_header("Cache-Control")
        and not response.cookies
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")  # the page holds a form with a token
        and not getattr(response, "streaming", False)
    )


class PublicCacheMiddleware:
    """Marks public pages cacheable for shared caches and everything else `private, no-cache`."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if is_public(request, response):
            patch_cache_control(response, public=True, max_age=0, s_maxage=settings.KEK_CACHE_SECONDS)
            if not response.has_header("Last-Modified"):
                # The moment the page was rendered: never earlier than the last change of anything it
                # shows (menus, lists, place links), so a 304 is never wrong.
                response["Last-Modified"] = http_date()
        elif not response.has_header("Cache-Control"):
            patch_cache_control(response, private=True, no_cache=True)
        return response


class AccessLogMiddleware:
    """One JSON line per request (logger `kek.access`): method, path without query string, status,
    duration. No address, no user agent, no user: nothing that identifies a person."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        started = time.perf_counter()
        response = self.get_response(request)
        access_log.info(
            "request",
            extra={
                "method": request.method,
                "path": request.path,
                "status": response.status_code,
                "duration_ms": round((time.perf_counter() - started) * 1000, 1),
                "cache_control": response.get("Cache-Control", ""),
            },
        )
        return response
