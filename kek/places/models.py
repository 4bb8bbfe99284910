"""Teilräume: the four sub-regions the concept gives regional focus texts for."""

from django.http import HttpRequest
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from kek.core.richtext import TEXT_FEATURES
from kek.plan.models.pages import CHANGE_NOTE, KekPage


class SubRegionIndexPage(KekPage):
    intro = RichTextField(_("Einleitung"), features=TEXT_FEATURES, blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["plan.HomePage"]
    subpage_types = ["places.SubRegionPage"]
    max_count = 1

    class Meta:
        verbose_name = _("Übersicht Teilräume")

    def default_description(self) -> str:
        return strip_tags(self.intro) or "Die vier Teilräume des Landkreises und was das Konzept für sie vorsieht."

    def get_context(self, request: HttpRequest, *args, **kwargs) -> dict:
        context = super().get_context(request, *args, **kwargs)
        context["regions"] = SubRegionPage.objects.child_of(self).live()
        return context


class SubRegionPage(KekPage):
    """A Teilraum; its page gathers the regional focus of all three fields of action."""

    intro = RichTextField(_("Einleitung"), features=TEXT_FEATURES, blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro"), CHANGE_NOTE]
    parent_page_types = ["places.SubRegionIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("Teilraum")
        verbose_name_plural = _("Teilräume")

    def default_description(self) -> str:
        return (
            f"Teilraum „{self.title}“: die regionalen Schwerpunkte aller Handlungsfelder des Kreisentwicklungskonzepts."
        )

    def sequence_scope(self, ancestors: list[Page]) -> Page | None:
        return ancestors[-1] if ancestors else None

    def get_context(self, request: HttpRequest, *args, **kwargs) -> dict:
        context = super().get_context(request, *args, **kwargs)
        context["focus"] = self.regional_focus.filter(field__live=True).select_related("field").order_by("field__path")
        return context
