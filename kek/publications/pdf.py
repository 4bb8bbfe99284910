"""The whole concept as one PDF, made with WeasyPrint from the published content.

Title page, table of contents with page numbers, the house of the three fields, the legend, every
level down to measures, running projects and ideas, the cross-cutting themes, the editorial
additions named as such, the contacts and the date of the content. Running heads name the field
of action; every page has its number. The PDF is tagged (PDF/UA-1) with German as its language and
the concept's title as its title.
"""

from dataclasses import dataclass, field
from pathlib import Path

from django.template.loader import render_to_string
from django.utils import timezone
from wagtail.models import Page, Site

from kek.core.richtext import render_many
from kek.places.models import SubRegionPage
from kek.plan.models import (
    ApproachPage,
    CrossCuttingThemePage,
    FieldOfActionPage,
    HomePage,
    Measure,
    Project,
    StrategicGoalPage,
    SubGoalPage,
)

from .files import FileSpec, changed_at

STYLESHEET = Path(__file__).parent / "pdf.css"
PDF_NAME = "konzept.pdf"


@dataclass
class Node:
    """A page of the hierarchy with what the PDF shows below it."""

    page: Page
    anchor: str
    children: list["Node"] = field(default_factory=list)
    measures: list[Measure] = field(default_factory=list)
    unattached: list[Project] = field(default_factory=list)  # examples whose measure was removed


def concept_context(site: Site) -> dict:
    """Everything the PDF shows, read with a fixed number of queries whatever the concept's size."""
    home = HomePage.objects.prefetch_related("contacts").get(pk=site.root_page_id)
    fields_of_action = (
        FieldOfActionPage.objects.live().descendant_of(home).prefetch_related("regional_focus__sub_region")
    )
    levels = (StrategicGoalPage, SubGoalPage, ApproachPage)
    pages = [*fields_of_action, *(p for model in levels for p in model.objects.live().descendant_of(home))]
    pages.sort(key=lambda p: p.path)
    nodes: dict[str, Node] = {}
    fields = []
    for page in pages:
        node = Node(page, anchor=f"s{page.pk}")
        nodes[page.path] = node
        parent = nodes.get(page.path[: -Page.steplen])
        (parent.children if parent else fields).append(node)
    approaches = {p.pk: nodes[p.path] for p in pages if isinstance(p, ApproachPage)}
    measures = list(
        Measure.objects.filter(approach_id__in=approaches)
        .prefetch_related("themes")
        .order_by("approach__path", "sort_order", "pk")
    )
    for measure, html in zip(measures, render_many([m.text for m in measures]), strict=True):
        measure.html = html
        measure.examples = []
        approaches[measure.approach_id].measures.append(measure)
    by_measure = {m.pk: m for m in measures}
    examples = (
        Project.objects.public()
        .filter(approach_id__in=approaches)
        .prefetch_related("themes", "places")
        .order_by("approach__path", "sort_order", "pk")
    )
    for example in examples:
        measure = by_measure.get(example.measure_id)
        if measure is not None:
            measure.examples.append(example)
        else:
            approaches[example.approach_id].unattached.append(example)
    return {
        "home": home,
        "site_url": site.root_url + "/",
        "fields": fields,
        "themes": list(CrossCuttingThemePage.objects.live().descendant_of(home)),
        "sub_regions": list(SubRegionPage.objects.live().descendant_of(home)),
        "content_date": changed_at(site),
        "generated_at": timezone.now(),
        "counts": {
            "measures": len(measures),
            "approaches": len(approaches),
        },
    }


def render_html(site: Site) -> str:
    return render_to_string("publications/concept_pdf.html", concept_context(site))


def render_pdf(site: Site) -> bytes:
    from weasyprint import CSS, HTML  # heavy: loaded only when a PDF is made

    html = HTML(string=render_html(site), base_url=site.root_url + "/")
    return html.write_pdf(stylesheets=[CSS(filename=str(STYLESHEET))], pdf_variant="pdf/ua-1", pdf_tags=True)


PDF_FILE = FileSpec(
    PDF_NAME,
    "Das ganze Konzept als PDF",
    "PDF",
    "application/pdf",
    render_pdf,
    "Alle Ebenen bis zu Maßnahmen, laufenden Projekten und Projektideen, mit Inhaltsverzeichnis.",
)
