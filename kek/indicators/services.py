"""The indicators section a site needs."""

from django.utils.translation import gettext as _
from wagtail.models import Page

from kek.core.services import ensure_child

from .models import IndicatorIndexPage

INTRO = (
    "<p>Ist der Landkreis auf dem Weg zu seinen Zielen? Hier stehen die messbaren Ziele des Konzepts "
    "mit ihren Werten. Jeder Wert nennt seine Quelle; wo es noch keinen belegten Wert gibt, steht "
    "„noch keine Werte“.</p>"
)


def ensure_page(home: Page) -> IndicatorIndexPage | None:
    return ensure_child(home, IndicatorIndexPage, "indikatoren", _("Indikatoren"), intro=INTRO, show_in_menus=True)
