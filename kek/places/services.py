"""The places page a new installation needs."""

from django.utils.translation import gettext as _
from wagtail.models import Page

from kek.core.services import ensure_child

from .models import PlaceIndexPage

INTRO = (
    "<p>Die Ämter, Städte und Gemeinden des Landkreises. Zu jedem Ort finden Sie, was das Konzept "
    "für seinen Teilraum sagt, und die laufenden Projekte und Projektideen, die dort verortet sind.</p>"
)


def ensure_page(home: Page) -> PlaceIndexPage | None:
    return ensure_child(home, PlaceIndexPage, "orte", _("Orte"), intro=INTRO, show_in_menus=True)
