"""Error pages that cannot fail in turn, and which database faults are worth a 503.

Django's default error views run the CSRF check again (`requires_csrf_token`), which re-reads a
form Django has just refused, and our full page frame asks for the host name and the database.
Either can raise while an error is being answered, and the visitor then gets a bare 500. Here
every error page is tried in the full frame (menus, footer) and, if that frame cannot be built,
rendered in the plain frame `static_base.html`, which needs neither the request nor the database.
"""

import logging
import sys
from contextlib import nullcontext

from django.core.exceptions import DisallowedHost
from django.db import DatabaseError, InterfaceError, connection, transaction
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.urls import translate_url
from django.utils.translation import get_language

logger = logging.getLogger(__name__)

FULL_FRAME = "base.html"
PLAIN_FRAME = "static_base.html"
RETRY_AFTER_SECONDS = 120

# SQLite result codes (low byte of the extended code) of faults that pass: busy, locked,
# read-only, I/O error, disk full.
_SQLITE_TRANSIENT = {5, 6, 8, 10, 13}
# PostgreSQL SQLSTATE classes and codes of the same kind: connection lost, out of disk or memory,
# lock not available, statement cancelled (timeout), server shutting down, serialization failure,
# deadlock, read-only transaction (standby or read-only mode).
_POSTGRES_TRANSIENT_CLASSES = {"08", "53"}
_POSTGRES_TRANSIENT_CODES = {"55P03", "57014", "57P01", "57P02", "57P03", "40001", "40P01", "25006"}


def is_transient_db_fault(exc: BaseException) -> bool:
    """True when the database could not do its work for now (locked, full, read-only, gone).

    Only these are answered with 503 and "try again in a few minutes"; a programming error such
    as a missing table stays a 500, so it is not mistaken for a passing fault.
    """
    if not isinstance(exc, DatabaseError):
        return False
    if isinstance(exc, InterfaceError):  # the connection is closed or was never made
        return True
    cause = exc.__cause__
    sqlite_code = getattr(cause, "sqlite_errorcode", None)
    if sqlite_code is not None:
        return sqlite_code & 0xFF in _SQLITE_TRANSIENT
    sqlstate = getattr(cause, "sqlstate", None) or ""
    return sqlstate[:2] in _POSTGRES_TRANSIENT_CLASSES or sqlstate in _POSTGRES_TRANSIENT_CODES


def _host_is_allowed(request: HttpRequest) -> bool:
    try:
        request.get_host()
    except DisallowedHost:
        return False
    return True


def render_error_page(
    request: HttpRequest, template_name: str, *, status: int, context: dict | None = None
) -> HttpResponse:
    """Render an error template in the full frame, falling back to the plain frame.

    The plain frame is used when the Host header is not ours (everything that builds links or
    finds the Wagtail site would raise again) or when the full frame fails for any reason.
    """
    context = context or {}
    if _host_is_allowed(request):
        try:
            with transaction.atomic() if connection.in_atomic_block else nullcontext():
                # inside a transaction, a savepoint keeps a failed query from breaking it for
                # whatever runs after the error page
                html = render_to_string(template_name, {**context, "frame": FULL_FRAME}, request=request)
            return HttpResponse(html, status=status)
        except Exception:
            logger.exception("Fehlerseite %s: der volle Seitenrahmen ließ sich nicht aufbauen", status)
    home_url = translate_url("/", get_language() or "de")
    html = render_to_string(template_name, {**context, "frame": PLAIN_FRAME, "home_url": home_url})
    return HttpResponse(html, status=status)


def service_unavailable(request: HttpRequest) -> HttpResponse:
    """503 for a database that takes no writes right now; plain frame, as the database is the problem."""
    response = HttpResponse(render_to_string("503_fault.html"), status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


def bad_request(request: HttpRequest, exception: Exception) -> HttpResponse:
    return render_error_page(request, "400.html", status=400)


def permission_denied(request: HttpRequest, exception: Exception) -> HttpResponse:
    return render_error_page(request, "403.html", status=403)


def page_not_found(request: HttpRequest, exception: Exception) -> HttpResponse:
    return render_error_page(request, "404.html", status=404)


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    return render_error_page(request, "403_csrf.html", status=403)


def server_error(request: HttpRequest) -> HttpResponse:
    """500 page; 503 when the uncaught exception is a passing database fault (locked, full, read-only).

    Django calls this while handling the exception, so sys.exc_info() names it.
    """
    exc = sys.exc_info()[1]
    if exc is not None and is_transient_db_fault(exc):
        logger.exception(
            "Datenbank nimmt gerade nichts an (%s %s): Antwort 503, bitte Ursache prüfen", request.method, request.path
        )
        return service_unavailable(request)
    return HttpResponse(render_to_string("500.html"), status=500)
