"""One public record per published change to the concept."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from kek.core.sites import SiteScopedQuerySet


class ChangeRecordQuerySet(SiteScopedQuerySet):
    def in_field(self, slug: str | None) -> "ChangeRecordQuerySet":
        return self.filter(field_slug=slug) if slug else self


class ChangeRecord(models.Model):
    """Belongs to the site of its concept, so each county's history stays its own."""

    class Action(models.TextChoices):
        ADDED = "added", _("Neu aufgenommen")
        CHANGED = "changed", _("Geändert")
        REMOVED = "removed", _("Entfernt")

    site = models.ForeignKey("wagtailcore.Site", on_delete=models.CASCADE, related_name="+")
    created = models.DateTimeField(_("Zeitpunkt"), db_index=True)
    action = models.CharField(_("Art der Änderung"), max_length=10, choices=Action.choices)
    subject = models.CharField(_("Gegenstand"), max_length=100)  # e.g. "Handlungsansatz", "Projektidee"
    title = models.CharField(_("Titel"), max_length=500)
    page = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("Seite")
    )
    # The field of action by slug, not by key: removals are recorded after their pages are gone.
    field_slug = models.SlugField(_("Handlungsfeld"), max_length=255, blank=True, db_index=True)
    changes = models.JSONField(_("Änderungen"), default=list)
    note = models.TextField(_("Änderungsnotiz"), blank=True)
    # An editorial correction (an obvious typo) rather than a change to what the Kreistag decided.
    editorial = models.BooleanField(_("Redaktionelle Korrektur"), default=False)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")

    objects = ChangeRecordQuerySet.as_manager()

    class Meta:
        ordering = ["-created", "-pk"]
        verbose_name = _("Änderung am Konzept")
        verbose_name_plural = _("Änderungen am Konzept")

    def __str__(self) -> str:
        return f"{self.created:%d.%m.%Y} {self.get_action_display()}: {self.title}"


class BaselineSnapshot(models.Model):
    """A concept page as decided by the Kreistag (kept even if the page is deleted later)."""

    site = models.ForeignKey("wagtailcore.Site", on_delete=models.CASCADE, related_name="+")
    page_id = models.IntegerField(unique=True)
    path = models.CharField(max_length=255, db_index=True)
    title = models.CharField(max_length=500)
    url_path = models.TextField()
    sections = models.JSONField(default=dict)

    objects = SiteScopedQuerySet.as_manager()

    class Meta:
        ordering = ["path"]

    def __str__(self) -> str:
        return self.title


class EditorialCorrection(models.Model):
    """An obvious typo the editors corrected, with the wording as decided (content file:
    `corrections`). The decided version shows the decided wording; the correction itself is a
    dated record in the history. Kept so that the export writes it back next to its item."""

    site = models.ForeignKey("wagtailcore.Site", on_delete=models.CASCADE, related_name="+")
    # The corrected item: a page by its slug path below the start page, an item by "key:<key>".
    target = models.CharField(max_length=300, db_index=True)
    decided = models.TextField(_("Beschlossener Wortlaut"))
    corrected = models.TextField(_("Korrigierter Wortlaut"))
    sort_order = models.PositiveIntegerField(default=0)

    objects = SiteScopedQuerySet.as_manager()

    class Meta:
        ordering = ["target", "sort_order"]
        verbose_name = _("Redaktionelle Korrektur")
        verbose_name_plural = _("Redaktionelle Korrekturen")

    def __str__(self) -> str:
        return f"{self.decided} → {self.corrected}"
