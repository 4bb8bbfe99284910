"""Who is responsible: the organisational units of one county (its Fachdienste, Ämter, Gemeinden
and external partners), kept as a list per site so that filters and reminders work on names
everyone spells the same way."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import Site

from kek.core.sites import SiteScopedQuerySet

from ..forms import UnitForm


class OrganisationalUnit(models.Model):
    class Kind(models.TextChoices):
        DEPARTMENT = "fachdienst", _("Fachdienst oder Stabsstelle der Kreisverwaltung")
        OFFICE = "amt", _("Amt")
        MUNICIPALITY = "gemeinde", _("Stadt oder Gemeinde")
        PARTNER = "partner", _("Externer Partner")

    site = models.ForeignKey(
        Site, on_delete=models.CASCADE, related_name="organisational_units", verbose_name=_("Site")
    )
    name = models.CharField(_("Name"), max_length=200)
    kind = models.CharField(_("Art"), max_length=20, choices=Kind.choices, default=Kind.DEPARTMENT)
    email = models.EmailField(
        _("E-Mail"),
        blank=True,
        help_text=_("An diese Adresse gehen die Erinnerungen, wenn ein Stand lange nicht fortgeschrieben wurde."),
    )
    # When the last reminder went out, so that a unit hears from us at most once per pause.
    last_reminded_at = models.DateTimeField(_("Zuletzt erinnert am"), null=True, blank=True, editable=False)

    objects = SiteScopedQuerySet.as_manager()
    base_form_class = UnitForm

    class Meta:
        ordering = ["name"]
        verbose_name = _("Organisationseinheit")
        verbose_name_plural = _("Organisationseinheiten")
        constraints = [models.UniqueConstraint(fields=["site", "name"], name="unit_name_unique_per_site")]

    def __str__(self) -> str:
        return self.name
