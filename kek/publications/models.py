"""When a site's concept last changed, the files built from it, and the implementation reports."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import Site


class ContentVersion(models.Model):
    """The moment anything public of a site last changed: files built before it are stale, and
    the open-data API answers with it as Last-Modified. What pages show beside the concept is
    recorded apart (citizens' activity, a file built anew): it renews the parts of pages kept
    between requests (kek/core/content_cache.py), not the concept's files."""

    site = models.OneToOneField(Site, on_delete=models.CASCADE, related_name="+")
    changed_at = models.DateTimeField(_("Zuletzt geändert"))
    shown_at = models.DateTimeField(_("Angezeigtes zuletzt geändert"), null=True, blank=True)

    class Meta:
        verbose_name = _("Stand der Inhalte")

    def __str__(self) -> str:
        return f"{self.site}: {self.changed_at:%d.%m.%Y %H:%M}"


def _upload_to(instance: "StoredFile", filename: str) -> str:
    return f"veroeffentlichungen/{instance.site_id}/{filename}"


class StoredFile(models.Model):
    """One file built from a site's published content (the concept PDF, a CSV download, …)."""

    site = models.ForeignKey(Site, on_delete=models.CASCADE, related_name="+")
    name = models.CharField(_("Dateiname"), max_length=100)
    file = models.FileField(_("Datei"), upload_to=_upload_to, max_length=255)
    size = models.PositiveBigIntegerField(_("Größe in Byte"))
    built_at = models.DateTimeField(_("Erstellt am"))
    content_at = models.DateTimeField(_("Stand der Inhalte"))
    seconds = models.FloatField(_("Dauer der Erstellung in Sekunden"), default=0)

    class Meta:
        verbose_name = _("Veröffentlichte Datei")
        verbose_name_plural = _("Veröffentlichte Dateien")
        constraints = [models.UniqueConstraint(fields=["site", "name"], name="stored_file_unique_per_site")]

    def __str__(self) -> str:
        return self.name


# The models of the implementation reports, kept in their own modules (imported here for Django).
from .report_pages import ReportIndexPage  # noqa: E402
from .report_records import ImplementationReport  # noqa: E402

__all__ = ["ContentVersion", "ImplementationReport", "ReportIndexPage", "StoredFile"]
