"""The change-history page a new installation needs."""

from django.utils.translation import gettext as _

from kek.plan.models import HomePage

from .models import ChangeLogPage

INTRO = (
    "<p>Das Kreisentwicklungskonzept ist ein dynamischer Handlungsrahmen, der kontinuierlich "
    "weiterentwickelt wird. Hier steht jede veröffentlichte Änderung seit dem Beschluss des "
    "Kreistags, die neueste zuerst.</p>"
)


def ensure_page() -> ChangeLogPage | None:
    home = HomePage.objects.first()
    if home is None or ChangeLogPage.objects.exists():
        return None
    page = ChangeLogPage(slug="aenderungen", title=_("Änderungen am KEK"), intro=INTRO)
    home.add_child(instance=page)
    page.save_revision().publish()
    return page
