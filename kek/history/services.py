"""The change-history page a new installation needs."""

from django.utils.translation import gettext as _
from wagtail.models import Page

from kek.core.services import ensure_child

from .models import ChangeLogPage

INTRO = (
    "<p>Das Kreisentwicklungskonzept ist ein dynamischer Handlungsrahmen, der kontinuierlich "
    "weiterentwickelt wird. Hier steht jede veröffentlichte Änderung seit dem Beschluss des "
    "Kreistags, die neueste zuerst.</p>"
)


def ensure_page(home: Page) -> ChangeLogPage | None:
    return ensure_child(home, ChangeLogPage, "aenderungen", _("Änderungen am KEK"), intro=INTRO)
