"""An implementation report: its period, and once published its frozen data, page and PDF."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import Site


def _report_upload_to(instance: "ImplementationReport", filename: str) -> str:
    return f"umsetzungsberichte/{instance.site_id}/{filename}"


class ImplementationReportQuerySet(models.QuerySet):
    def published(self) -> "ImplementationReportQuerySet":
        return self.filter(published_at__isnull=False)

    def of_site(self, site: Site) -> "ImplementationReportQuerySet":
        return self.filter(site=site)


class ImplementationReport(models.Model):
    """An implementation report for the Kreistag over a period ("Umsetzungsbericht").

    A draft shows the live data; publishing freezes it: the gathered data (`snapshot`), the page
    rendered from it (`html`) and the PDF made from that page are stored, and nothing edited later
    (a status, an indicator value, a template) changes what was published."""

    site = models.ForeignKey(Site, on_delete=models.CASCADE, related_name="+", verbose_name=_("Site"))
    title = models.CharField(_("Titel"), max_length=200)
    period_start = models.DateField(_("Berichtszeitraum von"))
    period_end = models.DateField(_("Berichtszeitraum bis"))
    created_at = models.DateTimeField(_("Angelegt am"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    published_at = models.DateTimeField(_("Veröffentlicht am"), null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    snapshot = models.JSONField(_("Daten bei Veröffentlichung"), default=dict, blank=True)
    html = models.TextField(_("Bericht bei Veröffentlichung"), blank=True)
    pdf = models.FileField(_("PDF"), upload_to=_report_upload_to, max_length=255, blank=True)
    pdf_size = models.PositiveBigIntegerField(_("Größe des PDF in Byte"), null=True, blank=True)

    objects = ImplementationReportQuerySet.as_manager()

    class Meta:
        verbose_name = _("Umsetzungsbericht")
        verbose_name_plural = _("Umsetzungsberichte")
        ordering = ["-published_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(period_start__lte=models.F("period_end")), name="report_period_in_order"
            )
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_published(self) -> bool:
        return self.published_at is not None

    @property
    def pdf_name(self) -> str:
        return f"umsetzungsbericht-{self.period_start:%Y-%m-%d}-{self.period_end:%Y-%m-%d}.pdf"
