"""The decided version of 2017, frozen when it was loaded, so it stays viewable and comparable
however the concept changes (even for pages and projects removed since)."""

from django.utils import translation
from wagtail.models import Page, Site

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


def take_snapshot(home: Page) -> int:
    """Freeze every page of the concept below `home` as it is now. Called once per concept, when its
    decided version is loaded (the importer points the site at `home` first)."""
    site = Site.objects.get(root_page=home)
    below = Page.objects.live().descendant_of(home, inclusive=True).specific()
    pages = [p for p in below if isinstance(p, KekPage) and p.in_change_history]
    BaselineSnapshot.objects.bulk_create(
        [
            BaselineSnapshot(
                site=site, page_id=p.pk, path=p.path, title=p.title, url_path=p.url_path, sections=sections(p)
            )
            for p in pages
        ],
        ignore_conflicts=True,
    )
    return len(pages)
