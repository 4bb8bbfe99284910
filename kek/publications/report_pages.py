"""The public list "Umsetzungsberichte" below the section "Umsetzungsstand" (/umsetzung/berichte/):
every published report of the site with its date and period, each as page (`<nr>/`) and PDF
(`<nr>/pdf/`). Each route reads the stored report, so its queries do not grow with its content."""

from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Site

from kek.core.pages import SectionPage, home_path

from .report_pdf import build_pdf
from .report_records import ImplementationReport


class ReportIndexPage(RoutablePageMixin, SectionPage):
    """ "Umsetzungsberichte": the frozen reports to the Kreistag, newest first."""

    parent_page_types = ["monitoring.ProgressOverviewPage"]

    class Meta:
        verbose_name = _("Umsetzungsberichte")

    def default_description(self) -> str:
        return strip_tags(self.intro) or "Die Umsetzungsberichte an den Kreistag als Seite und als PDF."

    def reports(self):
        """The published reports of this page's site (one query)."""
        return ImplementationReport.objects.published().filter(site__root_page__path=home_path(self.path))

    def get_cached_paths(self) -> list[str]:
        """The list and every report with its PDF, for the page cache (kek/operations/purge.py)."""
        numbers = self.reports().values_list("pk", flat=True)
        return ["/", *(p for number in numbers for p in (f"{number}/", f"{number}/pdf/"))]

    @path("")
    def index(self, request: HttpRequest) -> HttpResponse:
        return self.render(request, context_overrides={"reports": self.reports().defer("snapshot", "html")})

    @path("<int:number>/", name="report")
    def report(self, request: HttpRequest, number: int) -> HttpResponse:
        report = self._report(number)
        return self.render(request, template="publications/report_page.html", context_overrides={"report": report})

    @path("<int:number>/pdf/", name="pdf")
    def pdf(self, request: HttpRequest, number: int) -> HttpResponse:
        report = self._report(number)
        if not report.pdf or not report.pdf.storage.exists(report.pdf.name):
            report.site = Site.objects.get(pk=report.site_id)
            build_pdf(report)  # the worker has not come yet: made now, from the stored page
        return FileResponse(
            report.pdf.open("rb"), as_attachment=True, filename=report.pdf_name, content_type="application/pdf"
        )

    def _report(self, number: int) -> ImplementationReport:
        report = self.reports().filter(pk=number).first()
        if report is None:
            raise Http404
        return report
