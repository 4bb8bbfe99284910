"""Admin: indicators with targets and values as snippets; CSV upload of values."""

from django import forms
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from kek.core.admin_urls import DELETE_NEEDS_DELETE, guarded_by_policy

from .models import Indicator
from .views import editable_indicators, upload_values


class IndicatorViewSet(SnippetViewSet):
    model = Indicator
    icon = "table"
    menu_label = _("Indikatoren")
    add_to_admin_menu = True
    menu_order = 210
    list_display = ["name", "key", "unit", "site"]
    list_filter = ["site", "spatial_level"]
    search_fields = ["name", "key"]
    search_backend_name = None  # plain database filtering; indicators are found on their own page

    panels = [
        FieldPanel("site"),
        FieldPanel("key"),
        FieldPanel("name"),
        FieldPanel("definition"),
        FieldPanel("unit"),
        FieldPanel("source"),
        MultiFieldPanel([FieldPanel("spatial_level"), FieldPanel("area")], heading=_("Raumbezug")),
        MultiFieldPanel(
            [FieldPanel("baseline_year"), FieldPanel("baseline_value"), FieldPanel("baseline_source")],
            heading=_("Ausgangswert"),
        ),
        FieldPanel("sub_goals", widget=forms.CheckboxSelectMultiple),
        FieldPanel("approaches", widget=forms.CheckboxSelectMultiple),
        InlinePanel("targets", label=_("Ziel")),
        InlinePanel("values", label=_("Wert")),
        FieldPanel("sort_order"),
    ]

    def get_queryset(self, request):
        """Editors see the indicators they may edit: their site's (Redaktion) or their field's."""
        return editable_indicators(request.user).select_related("site")

    def get_urlpatterns(self) -> list:
        """Every view that names an indicator checks it against that indicator's pages."""
        return guarded_by_policy(super().get_urlpatterns(), Indicator, DELETE_NEEDS_DELETE)


register_snippet(IndicatorViewSet)


class UploadMenuItem(MenuItem):
    def is_shown(self, request) -> bool:
        return editable_indicators(request.user).exists()


@hooks.register("register_admin_urls")
def register_upload_url():
    return [path("indikatoren/werte-hochladen/", upload_values, name="indicators_upload_values")]


@hooks.register("register_admin_menu_item")
def register_upload_menu_item():
    return UploadMenuItem(
        _("Indikatorwerte hochladen"), reverse("indicators_upload_values"), icon_name="upload", order=211
    )
