"""Request handling shared by every page: maintenance mode (the admin stays open, and /healthz
keeps reporting the real state), form charsets, 405 pages."""

import codecs
from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.utils.datastructures import MultiValueDict

from .errors import render_error_page
from .forms import MisdeclaredFormData


class MaintenanceMiddleware:
    """While KEK_MAINTENANCE=1, visitors get a 503 page; the admin stays open."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if settings.KEK_MAINTENANCE and not request.path.startswith(("/admin/", "/static/", "/healthz")):
            response = HttpResponse(render_to_string("503.html"), status=503)
            response["Retry-After"] = "3600"
            return response
        return self.get_response(request)


def declared_charset(request: HttpRequest) -> str | None:
    """The charset a form POST declares, or None when it declares none."""
    if request.method != "POST" or request.content_type != "application/x-www-form-urlencoded":
        return None
    return request.content_params.get("charset", "").strip() or None


def _is_utf8(charset: str) -> bool:
    try:
        return codecs.lookup(charset).name == "utf-8"
    except LookupError:
        return False


class FormCharsetMiddleware:
    """Form data in another charset than UTF-8 gets a 400 with the typed text, not a bare 500.

    Django refuses such data when it is first read, which is in the CSRF check: the error page
    then loses the form. This middleware (before CsrfViewMiddleware) reads the data itself as
    MisdeclaredFormData, so the CSRF check works and the visitor's KernForm answers 400 with the
    text and a note. Views that are not Wagtail pages (admin, login) get the 400 page at once.
    UTF-8 under another spelling ("utf8") is read as UTF-8, and so is the query string of a GET,
    which Django would otherwise decode with a charset the request's (empty) body declares.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        charset = declared_charset(request)
        if request.method in ("GET", "HEAD") and request.encoding and not _is_utf8(request.encoding):
            request.encoding = "utf-8"  # the address is UTF-8, whatever the (empty) body claims
        elif charset and _is_utf8(charset):
            request.encoding = "utf-8"
        elif charset:
            request.POST = MisdeclaredFormData(request.body, charset)
            request._files = MultiValueDict()
        return self.get_response(request)

    def process_view(self, request: HttpRequest, view_func: Callable, view_args: tuple, view_kwargs: dict):
        misdeclared = isinstance(getattr(request, "_post", None), MisdeclaredFormData)
        if misdeclared and request.resolver_match.url_name != "wagtail_serve":
            return render_error_page(request, "400.html", status=400)
        return None


class MethodNotAllowedPageMiddleware:
    """Django's 405 answers (require_http_methods) have no body; the public site gives a page."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if response.status_code == 405 and not response.content and not request.path.startswith("/admin/"):
            page = render_error_page(request, "405.html", status=405)
            page["Allow"] = response.get("Allow", "")
            return page
        return response
