"""The PDF of a published implementation report, made with WeasyPrint from its stored page, so
the PDF shows exactly what was published whenever it is made."""

import re
from pathlib import Path

from django.core.files.base import ContentFile
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from .report_records import ImplementationReport

STYLESHEET = Path(__file__).parent / "report_pdf.css"
# WeasyPrint draws inline SVG without the page's style sheets: the bars get their phase colours
# (those of monitoring/monitoring.css) as attributes.
PHASE_FILLS = {
    "open": "#6e7597",
    "prepared": "#8a4b00",
    "under_way": "#0b6ea8",
    "done": "#1e6b34",
    "stopped": "#9b1c31",
    "empty": "#f2f2f2",
}
BAR_CLASS = re.compile(r'class="kek-bar__(\w+)"')


def coloured(html: str) -> str:
    return BAR_CLASS.sub(lambda m: f'{m.group(0)} fill="{PHASE_FILLS.get(m.group(1), "#767676")}"', html)


def render_pdf(report: ImplementationReport) -> bytes:
    from weasyprint import CSS, HTML  # heavy: loaded only when a PDF is made

    site = report.site
    context = {"report": report, "body": mark_safe(coloured(report.html)), "site_url": site.root_url + "/"}  # noqa: S308 - stored output of our template
    html = HTML(string=render_to_string("publications/report_pdf.html", context), base_url=site.root_url + "/")
    return html.write_pdf(stylesheets=[CSS(filename=str(STYLESHEET))], pdf_variant="pdf/ua-1", pdf_tags=True)


def build_pdf(report: ImplementationReport) -> ImplementationReport:
    """Make and keep the PDF of a published report (from its stored page, so it never changes)."""
    data = render_pdf(report)
    report.pdf.save(report.pdf_name, ContentFile(data), save=False)
    report.pdf_size = len(data)
    ImplementationReport.objects.filter(pk=report.pk).update(pdf=report.pdf.name, pdf_size=report.pdf_size)
    return report
