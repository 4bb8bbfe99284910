"""The search index: one row per findable thing (page, measure, project, idea, place)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class SearchEntry(models.Model):
    """Each site's concept has entries of its own; a search sees only its site's."""

    class Kind(models.TextChoices):
        FIELD = "field", _("Handlungsfeld")
        GOAL = "goal", _("Strategisches Ziel")
        SUB_GOAL = "subgoal", _("Teilziel")
        APPROACH = "approach", _("Handlungsansatz")
        MEASURE = "measure", _("Maßnahme")
        RUNNING = "running", _("Laufendes Projekt")
        IDEA = "idea", _("Projektidee")
        THEME = "theme", _("Querschnittsthema")
        REGION = "region", _("Teilraum")
        PLACE = "place", _("Ort")
        PAGE = "page", _("Seite")

    site = models.ForeignKey("wagtailcore.Site", on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    title = models.TextField()
    body = models.TextField(blank=True)
    url = models.CharField(max_length=500)
    trail = models.JSONField(default=list)  # titles of the levels above, for orientation
    field_slug = models.CharField(max_length=255, blank=True)
    goal = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, null=True, related_name="+")
    themes = models.ManyToManyField("plan.CrossCuttingThemePage", related_name="+")
    sub_regions = models.ManyToManyField("places.SubRegionPage", related_name="+")
    title_terms = models.TextField()
    terms = models.TextField()
    order = models.PositiveIntegerField(default=0)  # reading order of the concept, for ties

    class Meta:
        ordering = ["order"]

    def __str__(self) -> str:
        return self.title[:80]
