"""How far a measure, running project or idea has come: one `Implementation` per item, with its
dated progress entries and its funding.

`Implementation` is a snippet with drafts, revisions, locking and the approval workflow, and its
entries and funding rows are its inline children (ParentalKey), so a Fachdienst's new entry is
part of a draft revision and reaches the database, and thus the public pages, only when the
Redaktion publishes it. An item without an Implementation (or without entries) is not missing
data: its starting state follows from its kind and the concept's decision (see `status.py`).
"""

from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.models import DraftStateMixin, LockableMixin, RevisionMixin, WorkflowMixin

from ..forms import ImplementationForm
from ..vocabulary import RECORDABLE, Programme
from .units import OrganisationalUnit

YEARS = [MinValueValidator(1990), MaxValueValidator(2100)]


def year_field(label: str) -> models.PositiveSmallIntegerField:
    # Years, not dates: plans and reports name years; a day would be invented precision.
    return models.PositiveSmallIntegerField(label, null=True, blank=True, validators=YEARS)


class ImplementationQuerySet(models.QuerySet):
    def public(self) -> "ImplementationQuerySet":
        return self.filter(live=True)


class Implementation(WorkflowMixin, DraftStateMixin, LockableMixin, RevisionMixin, ClusterableModel):
    """The implementation record of one measure or one project/idea."""

    # SET_NULL, not CASCADE: the record is kept when its item leaves the concept (`label` says what it was).
    measure = models.OneToOneField(
        "plan.Measure",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="implementation",
        verbose_name=_("Maßnahme"),
    )
    project = models.OneToOneField(
        "plan.Project",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="implementation",
        verbose_name=_("Projekt oder Idee"),
    )
    label = models.CharField(_("Bezeichnung"), max_length=300, editable=False, blank=True)
    unit = models.ForeignKey(
        OrganisationalUnit,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="responsible_for",
        verbose_name=_("Verantwortliche Stelle"),
    )
    partners = models.TextField(_("Partner"), blank=True, help_text=_("Eine Organisation pro Zeile."))
    start_planned = year_field(_("Beginn geplant (Jahr)"))
    start_actual = year_field(_("Beginn tatsächlich (Jahr)"))
    end_planned = year_field(_("Ende geplant (Jahr)"))
    end_actual = year_field(_("Ende tatsächlich (Jahr)"))
    # Projects carry their places in plan (Project.places, .sub_regions); measures have none there.
    places = ParentalManyToManyField(
        "places.Place",
        blank=True,
        related_name="implementations",
        verbose_name=_("Orte (nur für Maßnahmen)"),
    )
    sub_regions = ParentalManyToManyField(
        "places.SubRegionPage",
        blank=True,
        related_name="implementations",
        verbose_name=_("Teilräume (nur für Maßnahmen)"),
    )
    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="implementation")
    workflow_states = GenericRelation(
        "wagtailcore.WorkflowState",
        content_type_field="base_content_type",
        object_id_field="object_id",
        related_query_name="implementation",
        for_concrete_model=False,
    )

    objects = ImplementationQuerySet.as_manager()
    base_form_class = ImplementationForm

    class Meta:
        verbose_name = _("Umsetzungsstand")
        verbose_name_plural = _("Umsetzungsstände")
        constraints = [
            models.CheckConstraint(
                condition=~(Q(measure__isnull=False) & Q(project__isnull=False)),
                name="implementation_of_one_item",
            )
        ]

    def __str__(self) -> str:
        item = self.item
        if item is None:
            return str(_("%(label)s (nicht mehr im Konzept)") % {"label": self.label or self.pk})
        return str(item)

    @property
    def revisions(self):
        return self._revisions

    @property
    def item(self):
        """The measure or project this record belongs to (None once it has left the concept)."""
        return self.measure if self.measure_id else self.project if self.project_id else None

    @property
    def approach_id(self) -> int | None:
        item = self.item
        return item.approach_id if item is not None else None

    @property
    def approach(self):
        """The approach page whose page permissions say who may edit and publish this record."""
        item = self.item
        return item.approach if item is not None else None

    @property
    def partner_list(self) -> list[str]:
        return [line.strip() for line in self.partners.splitlines() if line.strip()]

    def clean(self) -> None:
        super().clean()
        if self.measure_id and self.project_id:
            raise ValidationError(_("Ein Umsetzungsstand gehört entweder zu einer Maßnahme oder zu einem Projekt."))
        for start, end in (("start_planned", "end_planned"), ("start_actual", "end_actual")):
            first, last = getattr(self, start), getattr(self, end)
            if first and last and last < first:
                raise ValidationError({end: _("Das Ende liegt vor dem Beginn.")})

    def save(self, *args, **kwargs) -> None:
        item = self.item
        if item is not None:
            self.label = str(item)[:300]
        super().save(*args, **kwargs)


class ProgressEntry(models.Model):
    """One dated step: the state from that day on, what happened, and the decision behind it if any."""

    implementation = ParentalKey(Implementation, on_delete=models.CASCADE, related_name="entries")
    date = models.DateField(_("Datum"), help_text=_("Seit wann dieser Stand gilt."))
    status = models.CharField(_("Stand"), max_length=20, choices=RECORDABLE)
    text = models.TextField(
        _("Was ist geschehen?"), help_text=_("Öffentlich sichtbar; kurz und allgemein verständlich.")
    )
    decision_body = models.CharField(
        _("Beschluss: Gremium"), max_length=200, blank=True, help_text=_("z. B. Kreistag, Ausschuss für Wirtschaft")
    )
    decision_number = models.CharField(_("Beschluss: Nummer"), max_length=60, blank=True)
    decision_date = models.DateField(_("Beschluss: Datum"), null=True, blank=True)
    decision_url = models.URLField(_("Beschluss: Link"), max_length=500, blank=True)

    class Meta:
        ordering = ["date", "pk"]
        verbose_name = _("Fortschreibung")
        verbose_name_plural = _("Fortschreibungen")

    def __str__(self) -> str:
        return f"{self.date:%d.%m.%Y}: {self.get_status_display()}"

    @property
    def has_decision(self) -> bool:
        return bool(self.decision_body)

    def clean(self) -> None:
        today = timezone.localdate()
        errors = {}
        if self.date and self.date > today:
            errors["date"] = _("Ein Stand kann nicht für die Zukunft eingetragen werden.")
        if self.decision_date and self.decision_date > today:
            errors["decision_date"] = _("Das Datum des Beschlusses liegt in der Zukunft.")
        details = self.decision_number or self.decision_date or self.decision_url
        if details and not self.decision_body:
            errors["decision_body"] = _("Bitte nennen Sie das Gremium, das den Beschluss gefasst hat.")
        if self.decision_body and not (self.decision_number or self.decision_date):
            errors["decision_number"] = _("Bitte nennen Sie Nummer oder Datum des Beschlusses.")
        if errors:
            raise ValidationError(errors)


class Funding(models.Model):
    """One source of money: the programme, optionally what exactly and how much."""

    implementation = ParentalKey(Implementation, on_delete=models.CASCADE, related_name="fundings")
    programme = models.CharField(_("Förderprogramm oder Geldgeber"), max_length=20, choices=Programme.choices)
    detail = models.CharField(_("Genauer"), max_length=300, blank=True, help_text=_("z. B. Richtlinie, Förderaufruf"))
    amount = models.DecimalField(
        _("Betrag in Euro"), max_digits=14, decimal_places=2, null=True, blank=True, validators=[MinValueValidator(0)]
    )

    class Meta:
        ordering = ["pk"]
        verbose_name = _("Finanzierung")
        verbose_name_plural = _("Finanzierung")

    def __str__(self) -> str:
        return self.get_programme_display()
