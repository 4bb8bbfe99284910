"""The barrier feedback form: read, check, answer. The write is services.submit_barrier_report."""

import logging
import uuid

from django.db import DatabaseError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect

from kek.core.errors import RETRY_AFTER_SECONDS, is_transient_db_fault

from . import services
from .forms import BarrierReportForm
from .models import AccessibilityStatementPage

logger = logging.getLogger(__name__)


def _form_page(
    request: HttpRequest, page: AccessibilityStatementPage, form: BarrierReportForm, *, status: int, **flags: bool
) -> HttpResponse:
    """The statement page with the form as sent: whatever went wrong, the visitor keeps the text."""
    response = page.render(request, context_overrides={"form": form, **flags})
    response.status_code = status
    return response


def barrier_report(request: HttpRequest, page: AccessibilityStatementPage) -> HttpResponse:
    """Erklärung zur Barrierefreiheit with the feedback form (GET) and its submission (POST).

    Other methods never get here: the page's allowed_http_methods answers them.
    """
    if request.method != "POST":
        form = BarrierReportForm(initial={"page_url": request.GET.get("seite", ""), "token": uuid.uuid4()})
        return page.render(request, context_overrides={"form": form})

    form = BarrierReportForm(request.POST)
    if not form.is_valid():
        return _form_page(request, page, form, status=400)
    try:
        result = services.submit_barrier_report(request, form.cleaned_data, page.get_site())
    except DatabaseError as exc:
        if not is_transient_db_fault(exc):
            raise
        logger.exception("Hinweis auf eine Barriere nicht gespeichert: die Datenbank nimmt gerade nichts an")
        response = _form_page(request, page, form, status=503, storage_failed=True)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response
    if result is services.Submission.RATE_LIMITED:
        # Keep what was typed; say politely when to try again.
        response = _form_page(request, page, form, status=429, rate_limited=True)
        response["Retry-After"] = "600"
        return response
    return HttpResponseRedirect(f"{page.url}danke/{form.cleaned_data['token']}/")
