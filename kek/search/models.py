"""The search index: one row per findable thing (page, measure, project, idea, place)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from kek.core.sites import sites_for_user


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
    title_terms = models.TextField()
    terms = models.TextField()
    order = models.PositiveIntegerField(default=0)  # reading order of the concept, for ties
    # The entry's tags as slugs ({"thema": [...], "teilraum": [...]}) and the values of the facets
    # other apps add (facets.py), e.g. {"stand": "running"}: a search reads them with the row.
    facets = models.JSONField(default=dict)

    class Meta:
        ordering = ["order"]

    def __str__(self) -> str:
        return self.title[:80]


class SynonymGroupQuerySet(models.QuerySet):
    def of_site(self, site) -> "SynonymGroupQuerySet":
        return self.filter(site=site)


class SynonymGroup(models.Model):
    """Words the Redaktion treats as one in the search ("Nahverkehr" finds "ÖPNV" and "Rufbus").

    An editorial aid, not part of the concept: applied when a query is read (query.py), the same on
    every database; the index itself holds only the concept's own words.
    """

    site = models.ForeignKey("wagtailcore.Site", on_delete=models.CASCADE, related_name="+", verbose_name=_("Website"))
    name = models.CharField(_("Bezeichnung"), max_length=100, help_text=_("Nur für die Redaktion, z. B. „Verkehr“."))
    words = models.TextField(
        _("Gleichbedeutende Wörter"),
        help_text=_("Ein Wort oder Ausdruck pro Zeile. Wer eines davon sucht, findet auch die anderen."),
    )
    note = models.CharField(
        _("Herkunft"),
        max_length=300,
        blank=True,
        help_text=_("Wer die Gruppe angelegt hat und warum (redaktionelle Ergänzung)."),
    )

    objects = SynonymGroupQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("Suchwörter-Gruppe")
        verbose_name_plural = _("Suchwörter-Gruppen")

    def __str__(self) -> str:
        return self.name

    @property
    def word_list(self) -> list[str]:
        return [line.strip() for line in self.words.splitlines() if line.strip()]


class SynonymGroupForm(WagtailAdminModelForm):
    """An editor chooses among the sites they work on only."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        sites = sites_for_user(self.for_user) if getattr(self, "for_user", None) else None
        if sites is not None and "site" in self.fields:
            self.fields["site"].queryset = sites


SynonymGroup.base_form_class = SynonymGroupForm
