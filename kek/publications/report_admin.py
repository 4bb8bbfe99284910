"""Admin: the Redaktion chooses a period, sees the report as it would be, and publishes it.

Every view asks `may_report` for the report's site, so one county's Redaktion neither sees nor
touches another's reports; a published report can be neither changed nor deleted here.
"""

import datetime

from django import forms
from django.contrib import messages
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from wagtail.admin.auth import permission_denied
from wagtail.models import Site

from . import reports
from .report_pages import ReportIndexPage
from .report_records import ImplementationReport


class ReportForm(forms.ModelForm):
    site = forms.ModelChoiceField(Site.objects.none(), label=gettext_lazy("Konzept (Site)"), empty_label=None)

    class Meta:
        model = ImplementationReport
        fields = ["site", "title", "period_start", "period_end"]
        widgets = {
            "period_start": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "period_end": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }
        help_texts = {"title": gettext_lazy("z. B. Umsetzungsbericht 2025 an den Kreistag")}

    def __init__(self, *args, sites: list[Site], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["site"].queryset = Site.objects.filter(pk__in=[s.pk for s in sites])

    def clean(self) -> dict:
        data = super().clean()
        start, end = data.get("period_start"), data.get("period_end")
        if start and end and end < start:
            self.add_error("period_end", _("Das Ende des Berichtszeitraums liegt vor seinem Beginn."))
        if end and end > timezone.localdate():
            self.add_error("period_end", _("Der Berichtszeitraum kann nicht in der Zukunft enden."))
        return data


def report_list(request: HttpRequest) -> HttpResponse:
    sites = reports.reporting_sites(request.user)
    if not sites:
        return permission_denied(request)
    today = timezone.localdate()
    initial = {"period_start": datetime.date(today.year - 1, 1, 1), "period_end": datetime.date(today.year - 1, 12, 31)}
    form = ReportForm(request.POST or None, sites=sites, initial=initial)
    if request.method == "POST":
        if form.is_valid():
            report = form.save(commit=False)
            report.created_by = request.user
            report.save()
            messages.success(request, _("Der Entwurf ist angelegt. Prüfen Sie ihn und veröffentlichen Sie ihn dann."))
            return redirect("publications_report", report.pk)
        messages.error(request, _("Der Bericht wurde nicht angelegt. Bitte prüfen Sie die markierten Felder."))
    listed = ImplementationReport.objects.filter(site__in=sites).select_related("site").defer("snapshot", "html")
    status = 400 if request.method == "POST" else 200
    return render(request, "publications/admin/report_list.html", {"form": form, "reports": listed}, status=status)


def _allowed_report(request: HttpRequest, pk: int) -> ImplementationReport | None:
    report = get_object_or_404(ImplementationReport.objects.select_related("site__root_page"), pk=pk)
    return report if reports.may_report(request.user, report.site) else None


def report_detail(request: HttpRequest, pk: int) -> HttpResponse:
    report = _allowed_report(request, pk)
    if report is None:
        return permission_denied(request)
    index = ReportIndexPage.objects.live().descendant_of(report.site.root_page).first()
    public_url = f"{index.get_url(request)}{report.pk}/" if index and report.is_published else None
    context = {"report": report, "body": reports.body(report), "public_url": public_url}
    return render(request, "publications/admin/report_detail.html", context)


@require_POST
def report_publish(request: HttpRequest, pk: int) -> HttpResponse:
    report = _allowed_report(request, pk)
    if report is None:
        return permission_denied(request)
    try:
        reports.publish(report, request.user)
    except reports.AlreadyPublished:
        messages.error(request, _("Dieser Bericht ist bereits veröffentlicht und kann nicht mehr geändert werden."))
    else:
        messages.success(request, _("Der Bericht ist veröffentlicht. Sein Inhalt bleibt so, wie er jetzt ist."))
    return redirect("publications_report", report.pk)


@require_POST
def report_delete(request: HttpRequest, pk: int) -> HttpResponse:
    report = _allowed_report(request, pk)
    if report is None:
        return permission_denied(request)
    with transaction.atomic():
        deleted, _rows = ImplementationReport.objects.filter(pk=report.pk, published_at__isnull=True).delete()
    if not deleted:
        messages.error(request, _("Ein veröffentlichter Bericht wird nicht gelöscht."))
        return redirect("publications_report", report.pk)
    messages.success(request, _("Der Entwurf ist gelöscht."))
    return redirect("publications_reports")
