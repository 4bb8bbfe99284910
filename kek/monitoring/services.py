"""The monitoring sections a site needs: "Umsetzungsstand" and "Projekte und Ideen"."""

from django.utils.translation import gettext as _
from wagtail.models import Page

from kek.core.services import ensure_child

from .models import ProgressOverviewPage, ProjectIndexPage

OVERVIEW_INTRO = (
    "<p>Wie weit ist der Landkreis mit den Maßnahmen, laufenden Projekten und Projektideen des Konzepts? "
    "Jeder Stand stammt von der zuständigen Stelle und ist von der Redaktion freigegeben. Wo noch niemand "
    "einen Stand eingetragen hat, steht der Ausgangsstand laut Beschluss.</p>"
)
PROJECTS_INTRO = (
    "<p>Jedes laufende Projekt und jede Projektidee des Konzepts mit Stand, Verlauf, Zuständigkeit, "
    "Finanzierung und Orten.</p>"
)


def ensure_pages(home: Page) -> list[Page]:
    """Create whichever of the two sections the site below `home` is missing."""
    pages = [
        ensure_child(
            home, ProgressOverviewPage, "umsetzung", _("Umsetzungsstand"), intro=OVERVIEW_INTRO, show_in_menus=True
        ),
        ensure_child(
            home, ProjectIndexPage, "projekte", _("Projekte und Ideen"), intro=PROJECTS_INTRO, show_in_menus=True
        ),
    ]
    return [page for page in pages if page]
