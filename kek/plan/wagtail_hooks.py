"""Admin: projects and ideas as snippets; a searchable chooser for measures."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, PageChooserPanel, PublishingPanel
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.chooser import ChooserViewSet
from wagtail.permissions import policy_registry
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from kek.core.admin_urls import guarded_by_policy
from kek.places.models import MAP_ITEMS_HOOK, PLACE_SECTIONS_HOOK

from .geo import map_items, place_examples
from .models import Measure, Project

# What a user must be allowed to do with the very project an admin URL names (by its name in the
# viewset); every other URL with a project in it needs "change" (also the read-only ones: drafts
# of another field are not theirs to see). Adding and moving are checked by ProjectForm.
OBJECT_ACTIONS = {
    "delete": "delete",
    "lock": "lock",
    "unlock": "unlock",
    "unpublish": "publish",
    "revisions_unschedule": "publish",
}


class MeasureChooserViewSet(ChooserViewSet):
    model = Measure
    icon = "list-ul"
    choose_one_text = _("Maßnahme wählen")
    choose_another_text = _("Andere Maßnahme wählen")
    edit_item_text = _("Maßnahme bearbeiten")
    per_page = 25
    # The project form passes its chosen approach (?approach=…): only that approach's measures.
    url_filter_parameters = ["approach"]


measure_chooser_viewset = MeasureChooserViewSet("measure_chooser")


@hooks.register("register_admin_viewset")
def register_measure_chooser():
    return measure_chooser_viewset


class ProjectViewSet(SnippetViewSet):
    model = Project
    icon = "pick"
    menu_label = _("Projekte und Ideen")
    add_to_admin_menu = True
    menu_order = 200
    list_display = ["title", "kind", Column("approach", label=_("Handlungsansatz")), "live"]
    list_filter = ["kind", "live"]
    ordering = ["approach__path", "sort_order"]

    def get_queryset(self, request):
        """Editors see the projects of the fields they may edit."""
        return policy_registry.get_by_type(Project).instances_user_has_any_permission_for(request.user, ["change"])

    def get_urlpatterns(self) -> list:
        """Wagtail checks most snippet views against the model only; here every view that names a
        project checks it against that project's approach (so also views added by later Wagtails)."""
        return guarded_by_policy(super().get_urlpatterns(), Project, OBJECT_ACTIONS)

    panels = [
        FieldPanel("kind"),
        FieldPanel("kind_inferred"),
        FieldPanel("title"),
        FieldPanel("url"),
        FieldPanel("url_source"),
        FieldPanel("description"),
        PageChooserPanel("approach", page_type="plan.ApproachPage"),
        FieldPanel("measure", widget=measure_chooser_viewset.widget_class(linked_fields={"approach": "#id_approach"})),
        FieldPanel("responsible_unit"),
        FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
        FieldPanel("sub_regions", widget=forms.CheckboxSelectMultiple),
        FieldPanel("places"),
        MultiFieldPanel([FieldPanel("latitude"), FieldPanel("longitude")], heading=_("Lage auf der Karte (optional)")),
        FieldPanel("sort_order"),
        FieldPanel("change_note"),
        PublishingPanel(),
    ]


register_snippet(ProjectViewSet)


hooks.register(PLACE_SECTIONS_HOOK, place_examples)
hooks.register(MAP_ITEMS_HOOK, map_items)
