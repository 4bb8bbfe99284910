"""The PDF of a published implementation report, made with WeasyPrint from its stored page, so
the PDF shows exactly what was published whenever it is made."""

from pathlib import Path

from django.contrib.staticfiles import finders
from django.core.files.base import ContentFile
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from .report_records import ImplementationReport

STYLESHEET = Path(__file__).parent / "report_pdf.css"
BARS = "monitoring/monitoring.css"  # the colours of the status bars, as on the site


def render_pdf(report: ImplementationReport) -> bytes:
    from weasyprint import CSS, HTML  # heavy: loaded only when a PDF is made

    site = report.site
    context = {"report": report, "body": mark_safe(report.html), "site_url": site.root_url + "/"}  # noqa: S308 - stored output of our template
    html = HTML(string=render_to_string("publications/report_pdf.html", context), base_url=site.root_url + "/")
    return html.write_pdf(stylesheets=[CSS(filename=finders.find(BARS)), CSS(filename=str(STYLESHEET))], pdf_variant="pdf/ua-1", pdf_tags=True)


def build_pdf(report: ImplementationReport) -> ImplementationReport:
    """Make and keep the PDF of a published report (from its stored page, so it never changes)."""
    data = render_pdf(report)
    report.pdf.save(report.pdf_name, ContentFile(data), save=False)
    report.pdf_size = len(data)
    ImplementationReport.objects.filter(pk=report.pk).update(pdf=report.pdf.name, pdf_size=report.pdf_size)
    return report
