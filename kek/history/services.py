"""The change-history page a new installation needs."""

from django.utils.translation import gettext as _

from kek.plan.services import ensure_home_child

from .models import ChangeLogPage

INTRO = (
    "<p>Das Kreisentwicklungskonzept ist ein dynamischer Handlungsrahmen, der kontinuierlich "
    "weiterentwickelt wird. Hier steht jede veröffentlichte Änderung seit dem Beschluss des "
    "Kreistags, die neueste zuerst.</p>"
)


def ensure_page() -> ChangeLogPage | None:
    return ensure_home_child(ChangeLogPage, "aenderungen", _("Änderungen am KEK"), intro=INTRO)
