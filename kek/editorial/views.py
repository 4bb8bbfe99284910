"""The audit log: every action in the back office (Wagtail's log entries), for Administration."""

from itertools import chain

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from wagtail.models import ModelLogEntry, PageLogEntry


def audit_log(request: HttpRequest) -> HttpResponse:
    entries = sorted(
        chain(
            PageLogEntry.objects.select_related("user", "page").order_by("-timestamp")[:2000],
            ModelLogEntry.objects.select_related("user").order_by("-timestamp")[:2000],
        ),
        key=lambda entry: entry.timestamp,
        reverse=True,
    )
    page = Paginator(entries, 50).get_page(request.GET.get("p"))
    return render(request, "editorial/audit_log.html", {"entries": page})
