"""Indicators with their targets and values; every target and value names where it comes from.

An indicator belongs to one site (one concept) and is linked to that concept's Teilziele and,
optionally, Handlungsansätze. Values are a time series, one per year, each with its source and
the date it was stated ("Stand"); a value enters only with a source, never without.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.models import Orderable, Site

from ..forms import IndicatorForm

NUMBER = {"max_digits": 16, "decimal_places": 4}


class SpatialLevel(models.TextChoices):
    REGION = "region", _("Planungsregion")
    COUNTY = "county", _("Landkreis")
    AMT = "amt", _("Amt")
    MUNICIPALITY = "municipality", _("Gemeinde")


class IndicatorQuerySet(models.QuerySet):
    def of_site(self, site: Site) -> "IndicatorQuerySet":
        return self.filter(site=site)


class Indicator(ClusterableModel):
    """What is measured, where, against which targets; its values follow as a time series."""

    site = models.ForeignKey(Site, on_delete=models.CASCADE, related_name="indicators", verbose_name=_("Site"))
    key = models.SlugField(
        _("Kennung"),
        max_length=80,
        help_text=_("Kurz und dauerhaft; Teil der Adresse der Indikatorseite und Schlüssel beim CSV-Import."),
    )
    name = models.CharField(_("Name"), max_length=200)
    definition = models.TextField(_("Definition"), help_text=_("Was genau gemessen wird und wie."))
    unit = models.CharField(_("Einheit"), max_length=60)
    source = models.TextField(_("Datenquelle"), help_text=_("Woher die Werte kommen."))
    spatial_level = models.CharField(_("Räumliche Ebene"), max_length=20, choices=SpatialLevel.choices)
    area = models.CharField(_("Gebiet"), max_length=120, blank=True, help_text=_("z. B. Westmecklenburg, Amt Crivitz"))
    baseline_year = models.PositiveSmallIntegerField(_("Ausgangsjahr"), null=True, blank=True)
    baseline_value = models.DecimalField(_("Ausgangswert"), null=True, blank=True, **NUMBER)
    baseline_source = models.TextField(_("Quelle des Ausgangswerts"), blank=True)
    sub_goals = ParentalManyToManyField(
        "plan.SubGoalPage", related_name="indicators", verbose_name=_("Teilziele"), blank=False
    )
    approaches = ParentalManyToManyField(
        "plan.ApproachPage", related_name="indicators", verbose_name=_("Handlungsansätze"), blank=True
    )
    sort_order = models.PositiveIntegerField(_("Reihenfolge"), default=0)

    objects = IndicatorQuerySet.as_manager()
    base_form_class = IndicatorForm

    class Meta:
        verbose_name = _("Indikator")
        verbose_name_plural = _("Indikatoren")
        ordering = ["sort_order", "name"]
        constraints = [models.UniqueConstraint(fields=["site", "key"], name="indicator_key_unique_per_site")]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        has_year, has_value = self.baseline_year is not None, self.baseline_value is not None
        if has_year != has_value:
            raise ValidationError(_("Ausgangsjahr und Ausgangswert gehören zusammen: beide oder keiner."))
        if has_value and not self.baseline_source.strip():
            raise ValidationError({"baseline_source": _("Ein Ausgangswert braucht eine Quelle.")})


class IndicatorTarget(Orderable):
    """A target value for a year, and the decision or plan it comes from."""

    indicator = ParentalKey(Indicator, on_delete=models.CASCADE, related_name="targets")
    year = models.PositiveSmallIntegerField(_("Zieljahr"))
    value = models.DecimalField(_("Zielwert"), **NUMBER)
    origin = models.TextField(_("Herkunft des Ziels"), help_text=_("Beschluss oder Konzept, mit Fundstelle."))

    class Meta(Orderable.Meta):
        verbose_name = _("Ziel")
        verbose_name_plural = _("Ziele")
        constraints = [models.UniqueConstraint(fields=["indicator", "year"], name="indicator_target_year_unique")]


def value_problems(year: int, as_of: datetime.date, source: str, today: datetime.date) -> list[str]:
    """Why a value for `year`, stated on `as_of` by `source`, cannot enter the series (German)."""
    problems = []
    if not source.strip():
        problems.append(str(_("Die Quelle fehlt; ein Wert ohne Quelle wird nicht übernommen.")))
    if as_of > today:
        problems.append(str(_("Das Datum %(date)s liegt in der Zukunft.") % {"date": as_of.strftime("%d.%m.%Y")}))
    if year > as_of.year:
        problems.append(
            str(
                _("Ein Wert für %(year)s kann am %(date)s noch nicht festgestanden haben.")
                % {"year": year, "date": as_of.strftime("%d.%m.%Y")}
            )
        )
    return problems


class IndicatorValue(Orderable):
    """One value of the time series: year, value, source and the date of the statement."""

    indicator = ParentalKey(Indicator, on_delete=models.CASCADE, related_name="values")
    year = models.PositiveSmallIntegerField(_("Jahr"))
    value = models.DecimalField(_("Wert"), **NUMBER)
    source = models.TextField(_("Quelle"))
    as_of = models.DateField(_("Stand"), help_text=_("Datum der Veröffentlichung oder Angabe des Werts."))

    class Meta(Orderable.Meta):
        verbose_name = _("Wert")
        verbose_name_plural = _("Werte")
        ordering = ["year"]
        constraints = [models.UniqueConstraint(fields=["indicator", "year"], name="indicator_value_year_unique")]

    def clean(self) -> None:
        if self.year is None or self.as_of is None or self.source is None:
            return
        problems = value_problems(self.year, self.as_of, self.source, timezone.localdate())
        if problems:
            raise ValidationError(problems)
