"""Shared tables of the page frame."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

from .sites import OwnSitesSettingPolicy


class FormSubmission(models.Model):
    """One attempt to send a public form, for rate limiting (see ratelimit.py)."""

    form = models.CharField(max_length=50)
    client = models.CharField(max_length=64)
    created = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        indexes = [models.Index(fields=["form", "client", "created"])]

    def __str__(self) -> str:
        return f"{self.form} {self.created:%Y-%m-%d %H:%M}"


class OwnSitesSetting(BaseSiteSetting):
    """A site setting that editors see and change for their own sites only: one county's
    Redaktion never reaches another county's settings (OwnSitesSettingPolicy)."""

    class Meta:
        abstract = True

    @classmethod
    def get_permission_policy(cls) -> OwnSitesSettingPolicy:
        return OwnSitesSettingPolicy(cls)


@register_setting(icon="image")
class SiteIdentity(OwnSitesSetting):
    """How a county's portal presents itself: its name, its coat of arms, its accent colour.

    One per site (Einstellungen → Erscheinungsbild), so several counties on one installation each
    look like their own. The colours are KERN's own palettes (CSS classes in kek.css, no inline
    style under the CSP), so contrast and focus styles stay those of the design system."""

    class Accent(models.TextChoices):
        BLUE = "blau", _("Dunkelblau (KERN-Standard)")
        GREEN = "gruen", _("Grün")
        TURQUOISE = "tuerkis", _("Türkis")
        VIOLET = "violett", _("Violett")

    name = models.CharField(
        _("Name des Portals"),
        max_length=120,
        blank=True,
        help_text=_("Im Kopf jeder Seite und im Fenstertitel; leer: der Name aus der Installation."),
    )
    coat_of_arms = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("Wappen"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    accent = models.CharField(_("Akzentfarbe"), max_length=10, choices=Accent.choices, default=Accent.BLUE)

    panels = [FieldPanel("name"), FieldPanel("coat_of_arms"), FieldPanel("accent")]

    class Meta:
        verbose_name = _("Erscheinungsbild")
