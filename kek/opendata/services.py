"""The page "Offene Daten" that every site gets."""

from django.utils.translation import gettext as _
from wagtail.models import Page

from kek.core.services import ensure_child

from .models import OpenDataPage

INTRO = (
    "<p>Das Konzept zum Mitnehmen: alle Inhalte als Tabellen, als vollständige Inhaltsdatei und über eine "
    "Programmierschnittstelle, frei nutzbar unter der genannten Lizenz.</p>"
)


def ensure_page(home: Page) -> OpenDataPage | None:
    return ensure_child(home, OpenDataPage, "offene-daten", _("Offene Daten"), intro=INTRO)
