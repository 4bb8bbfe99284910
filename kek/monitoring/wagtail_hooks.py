"""Admin: implementation records (with their progress entries and funding) and the list of
organisational units as snippets; monitoring's parts of the approach and place pages."""

from django import forms
from django.utils.translation import gettext_lazy as _
from laces.components import Component
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, PublishingPanel
from wagtail.permissions import policy_registry
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from kek.core.admin_urls import DELETE_NEEDS_DELETE, guarded_by_policy
from kek.core.hooks import SEARCH_FACETS_HOOK
from kek.places.models import PLACE_SECTIONS_HOOK
from kek.plan.models import APPROACH_ITEMS_HOOK
from kek.plan.wagtail_hooks import OBJECT_ACTIONS, measure_chooser_viewset

from .facet import status_facet
from .fragments import approach_states, place_section
from .records import Implementation, OrganisationalUnit
from .reminders import items_for_editor


class ImplementationViewSet(SnippetViewSet):
    model = Implementation
    icon = "history"
    menu_label = _("Umsetzungsstand")
    add_to_admin_menu = True
    menu_order = 205
    list_display = ["__str__", "unit", "live"]
    list_filter = ["live"]
    search_fields = ["label"]
    search_backend_name = None

    panels = [
        MultiFieldPanel(
            [FieldPanel("measure", widget=measure_chooser_viewset.widget_class), FieldPanel("project")],
            heading=_("Wofür (genau eines)"),
        ),
        FieldPanel("unit"),
        FieldPanel("partners"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start_planned"), FieldPanel("end_planned")]),
                FieldRowPanel([FieldPanel("start_actual"), FieldPanel("end_actual")]),
            ],
            heading=_("Zeitraum"),
        ),
        InlinePanel("entries", label=_("Fortschreibung"), heading=_("Fortschreibungen (neueste unten)")),
        InlinePanel("fundings", label=_("Finanzierung"), heading=_("Finanzierung")),
        FieldPanel("sub_regions", widget=forms.CheckboxSelectMultiple),
        FieldPanel("places"),
        PublishingPanel(),
    ]

    def get_queryset(self, request):
        """Editors see the records of the fields they may edit."""
        policy = policy_registry.get_by_type(Implementation)
        return policy.instances_user_has_any_permission_for(request.user, ["change"]).select_related("unit")

    def get_urlpatterns(self) -> list:
        """Every view that names a record checks it against its item's approach page."""
        return guarded_by_policy(super().get_urlpatterns(), Implementation, OBJECT_ACTIONS)


class UnitViewSet(SnippetViewSet):
    model = OrganisationalUnit
    icon = "group"
    menu_label = _("Organisationseinheiten")
    add_to_admin_menu = True
    menu_order = 206
    list_display = ["name", "kind", "email", "site"]
    list_filter = ["kind", "site"]
    search_fields = ["name"]
    search_backend_name = None
    panels = [FieldPanel("site"), FieldPanel("name"), FieldPanel("kind"), FieldPanel("email")]

    def get_queryset(self, request):
        policy = policy_registry.get_by_type(OrganisationalUnit)
        return policy.instances_user_has_any_permission_for(request.user, ["change"]).select_related("site")

    def get_urlpatterns(self) -> list:
        return guarded_by_policy(super().get_urlpatterns(), OrganisationalUnit, DELETE_NEEDS_DELETE)


register_snippet(ImplementationViewSet)
register_snippet(UnitViewSet)
hooks.register(PLACE_SECTIONS_HOOK, place_section)
hooks.register(APPROACH_ITEMS_HOOK, approach_states)
hooks.register(SEARCH_FACETS_HOOK, status_facet)


class RemindersPanel(Component):
    """Dashboard: what the editor's own items wait for (a new state after KEK_REMIND_AFTER_DAYS)."""

    name = "monitoring_reminders"
    order = 110
    template_name = "monitoring/admin/reminders_panel.html"
    shown = 10

    def __init__(self, items: list) -> None:
        self.items = items

    def get_context_data(self, parent_context=None) -> dict:
        stale = sum(item.timeliness.stale for item in self.items)
        return {"items": self.items[: self.shown], "count": len(self.items), "stale": stale}


@hooks.register("construct_homepage_panels")
def add_reminders_panel(request, panels) -> None:
    items = items_for_editor(request.user)
    if items:
        panels.append(RemindersPanel(items))
