"""The places page a new installation needs."""

from django.utils.translation import gettext as _

from kek.plan.models import HomePage

from .models import PlaceIndexPage

INTRO = (
    "<p>Die Ämter, Städte und Gemeinden des Landkreises. Zu jedem Ort finden Sie, was das Konzept "
    "für seinen Teilraum sagt, und die laufenden Projekte und Projektideen, die dort verortet sind.</p>"
)


def ensure_page() -> PlaceIndexPage | None:
    home = HomePage.objects.first()
    if home is None or PlaceIndexPage.objects.exists():
        return None
    page = PlaceIndexPage(slug="orte", title=_("Orte"), intro=INTRO, show_in_menus=True)
    home.add_child(instance=page)
    page.save_revision().publish()
    return page
