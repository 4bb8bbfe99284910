"""The places page a new installation needs."""

from django.utils.translation import gettext as _

from kek.plan.services import ensure_home_child

from .models import PlaceIndexPage

INTRO = (
    "<p>Die Ämter, Städte und Gemeinden des Landkreises. Zu jedem Ort finden Sie, was das Konzept "
    "für seinen Teilraum sagt, und die laufenden Projekte und Projektideen, die dort verortet sind.</p>"
)


def ensure_page() -> PlaceIndexPage | None:
    return ensure_home_child(PlaceIndexPage, "orte", _("Orte"), intro=INTRO, show_in_menus=True)
