"""Barrier reports in the admin: a ticket list with the six-week answer deadline."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import BooleanColumn, Column
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import BarrierReport


class BarrierReportViewSet(SnippetViewSet):
    model = BarrierReport
    icon = "warning"
    menu_label = _("Barriere-Hinweise")
    add_to_admin_menu = True
    menu_order = 300
    list_display = [
        "__str__",
        "status",
        Column("answer_due", label=_("Antwort fällig bis")),
        BooleanColumn("overdue", label=_("Überfällig")),
    ]
    list_filter = ["status"]
    search_fields = ["description", "page_url"]
    search_backend_name = None  # plain database filtering; reports are not in the site search


register_snippet(BarrierReportViewSet)
