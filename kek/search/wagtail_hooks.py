"""Admin: the Redaktion's synonym groups for the search, per site."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from kek.core.admin_urls import guarded
from kek.core.sites import of_own_sites, on_own_site

from .models import SynonymGroup


class SynonymGroupViewSet(SnippetViewSet):
    model = SynonymGroup
    icon = "search"
    menu_label = _("Suchwörter")
    add_to_admin_menu = True
    menu_order = 310
    list_display = ["name", "words", "note", "site"]

    def get_queryset(self, request):
        """Editors see the groups of their own sites; installation-wide roles see all."""
        return of_own_sites(SynonymGroup.objects.all(), request.user)

    def get_urlpatterns(self) -> list:
        return guarded(super().get_urlpatterns(), SynonymGroup, on_own_site)


register_snippet(SynonymGroupViewSet)
