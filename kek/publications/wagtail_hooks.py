"""This app's own file: the concept as PDF (linked from the start page by kek/opendata, which serves
the files); the implementation reports in the admin and their public list on every site; the content
version for the parts of pages kept between requests."""

from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.models import Site

from kek.core.hooks import COMPLETE_SITE_HOOK, CONTENT_VERSION_HOOK, PUBLIC_ACTIVITY_HOOK
from kek.core.services import ensure_child
from kek.monitoring.models import ProgressOverviewPage

from . import files, report_admin
from .files import FILES_HOOK
from .models import ContentVersion
from .pdf import PDF_FILE
from .report_pages import ReportIndexPage
from .reports import reporting_sites

REPORTS_INTRO = (
    "<p>Die Berichte der Verwaltung an den Kreistag über die Umsetzung des Konzepts in einem Zeitraum. "
    "Ein veröffentlichter Bericht bleibt unverändert, so wie er vorgelegt wurde; den aktuellen Stand zeigt "
    "die Seite „Umsetzungsstand“.</p>"
)


@hooks.register(FILES_HOOK)
def register_pdf():
    return [PDF_FILE]


@hooks.register("register_admin_urls")
def register_report_urls():
    return [
        path("umsetzungsberichte/", report_admin.report_list, name="publications_reports"),
        path("umsetzungsberichte/<int:pk>/", report_admin.report_detail, name="publications_report"),
        path(
            "umsetzungsberichte/<int:pk>/veroeffentlichen/",
            report_admin.report_publish,
            name="publications_report_publish",
        ),
        path("umsetzungsberichte/<int:pk>/loeschen/", report_admin.report_delete, name="publications_report_delete"),
    ]


class ReportsMenuItem(MenuItem):
    def is_shown(self, request) -> bool:
        return bool(reporting_sites(request.user))


@hooks.register("register_admin_menu_item")
def register_reports_menu_item():
    return ReportsMenuItem(
        gettext_lazy("Umsetzungsberichte"), reverse("publications_reports"), icon_name="doc-full", order=215
    )


@hooks.register(COMPLETE_SITE_HOOK)
def add_report_index(home) -> list[str]:
    """The list of reports below the site's "Umsetzungsstand" (/umsetzung/berichte/)."""
    overview = ProgressOverviewPage.objects.child_of(home).first()
    if overview is None:
        return []
    page = ensure_child(overview, ReportIndexPage, "berichte", _("Umsetzungsberichte"), intro=REPORTS_INTRO)
    return [page.title] if page else []


@hooks.register(CONTENT_VERSION_HOOK)
def content_version(site: Site) -> str | None:
    """Parts of pages are kept until this moves (kek/core/content_cache.py): one small query."""
    moments = ContentVersion.objects.filter(site=site).values_list("changed_at", "shown_at").first()
    return "/".join(moment.isoformat() if moment else "-" for moment in moments) if moments else None


@hooks.register(PUBLIC_ACTIVITY_HOOK)
def record_activity(site_id: int, approach_ids: list[int]) -> None:
    """Citizens' activity moves the content version in the same transaction (the pages showing it
    are built anew from its commit on); the concept's files stay as they are."""
    files.record_shown(site_id)
