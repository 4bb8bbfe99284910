"""The decided version of 2017, frozen when it was loaded, so it stays viewable and comparable
however the concept changes (even for pages and projects removed since)."""

from django.utils import translation
from wagtail.models import Page

from kek.core.pages import KekPage
from kek.plan.models import ApproachPage, Project

from .records import BaselineSnapshot

EXAMPLE_SECTIONS = {Project.Kind.RUNNING: "Laufende Projekte", Project.Kind.IDEA: "Projektideen"}


def sections(page: KekPage) -> dict[str, list[str]]:
    """A page as the history compares it; an approach together with its projects and ideas."""
    with translation.override("de"):  # section names must not depend on the editor's language
        result = page.change_sections()
    if isinstance(page, ApproachPage):
        examples = list(Project.objects.public().filter(approach=page))
        for kind, heading in EXAMPLE_SECTIONS.items():
            result[heading] = [p.title for p in examples if p.kind == kind]
    return result


def take_snapshot() -> int:
    """Freeze every concept page as it is now. Called once, when the decided version is loaded."""
    pages = [p for p in Page.objects.live().specific() if isinstance(p, KekPage) and p.in_change_history]
    BaselineSnapshot.objects.bulk_create(
        [
            BaselineSnapshot(page_id=p.pk, path=p.path, title=p.title, url_path=p.url_path, sections=sections(p))
            for p in pages
        ],
        ignore_conflicts=True,
    )
    return len(pages)
