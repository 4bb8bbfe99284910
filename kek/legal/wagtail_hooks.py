"""Barrier reports in the admin: a ticket list with the six-week answer deadline."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.tables import BooleanColumn, Column
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from kek.core.admin_urls import guarded
from kek.core.sites import of_own_sites, on_own_site
from kek.core.templatetags.kek_tags import HEADER_PAGES_HOOK

from .models import BarrierReport, EasyLanguagePage, SignLanguagePage


@hooks.register(HEADER_PAGES_HOOK)
def accessible_versions() -> list:
    """Leichte Sprache and Gebärdensprache in the header of every page, as authorities' sites do."""
    return [EasyLanguagePage, SignLanguagePage]


class BarrierReportViewSet(SnippetViewSet):
    model = BarrierReport
    icon = "warning"
    menu_label = _("Barriere-Hinweise")
    add_to_admin_menu = True
    menu_order = 300
    list_display = [
        Column("reference", label=_("Vorgangsnummer")),
        "__str__",
        "status",
        Column("answer_due", label=_("Antwort fällig bis")),
        BooleanColumn("overdue", label=_("Überfällig")),
    ]
    list_filter = ["status"]
    search_fields = ["description", "page_url"]
    search_backend_name = None  # plain database filtering; reports are not in the site search

    def get_queryset(self, request):
        """The reports of one's own sites; installation-wide roles (Moderation) see all."""
        return of_own_sites(BarrierReport.objects.all(), request.user)

    def get_urlpatterns(self) -> list:
        return guarded(super().get_urlpatterns(), BarrierReport, on_own_site)


register_snippet(BarrierReportViewSet)
