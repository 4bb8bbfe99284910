"""Admin: the Redaktion's synonym groups for the search, per site."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from kek.core.admin_urls import guarded
from kek.core.sites import sites_for_user

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
        sites = sites_for_user(request.user)
        groups = SynonymGroup.objects.all()
        return groups if sites is None else groups.filter(site__in=sites)

    def get_urlpatterns(self) -> list:
        return guarded(super().get_urlpatterns(), SynonymGroup, may_edit)


def may_edit(user, group: SynonymGroup, url_name: str) -> bool:
    """Only the groups of one's own sites; installation-wide roles reach all."""
    sites = sites_for_user(user)
    return sites is None or sites.filter(pk=group.site_id).exists()


register_snippet(SynonymGroupViewSet)
