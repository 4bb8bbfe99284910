"""Measures (the bullets of a Handlungsansatz) and their examples: running projects and ideas."""

from django import forms
from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    Orderable,
    PreviewableMixin,
    RevisionMixin,
    WorkflowMixin,
)
from wagtail.search import index

from kek.core.change_note import change_note_field
from kek.core.richtext import INLINE_FEATURES

from ..forms import ProjectForm
from ..keys import make_key
from ..tree import home_path


def key_field() -> models.CharField:
    return models.CharField(
        _("Schlüssel"),
        max_length=60,
        blank=True,
        db_index=True,
        help_text=_("Dauerhafte Kennung im Konzept (für Links und Daten); wird beim Anlegen vergeben."),
    )


def concept_keys(path: str) -> set[str]:
    """Keys of all measures, projects and ideas in the concept whose start page has tree path `path`."""
    below = {"approach__path__startswith": home_path(path)}
    return set(Measure.objects.filter(**below).values_list("key", flat=True)) | set(
        Project.objects.filter(**below).values_list("key", flat=True)
    )


class Measure(index.Indexed, Orderable, ClusterableModel):
    """A Maßnahme. Edited inline on its approach page, so it shares the page's revisions."""

    approach = ParentalKey("plan.ApproachPage", on_delete=models.CASCADE, related_name="measures")
    key = key_field()
    text = RichTextField(_("Maßnahme"), features=INLINE_FEATURES)
    themes = ParentalManyToManyField(
        "plan.CrossCuttingThemePage", blank=True, related_name="measures", verbose_name=_("Querschnittsthemen")
    )

    panels = [
        FieldPanel("text"),
        FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
        FieldPanel("key", read_only=True),
    ]
    search_fields = [
        index.SearchField("text"),
        index.AutocompleteField("text"),
        index.FilterField("approach_id"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("Maßnahme")
        verbose_name_plural = _("Maßnahmen")

    def __str__(self) -> str:
        return Truncator(strip_tags(self.text)).chars(90)

    @property
    def anchor(self) -> str:
        return f"massnahme-{self.key}"

    def save(self, *args, **kwargs) -> None:
        if not self.key:
            self.key = make_key(strip_tags(self.text), concept_keys(self.approach.path))
        super().save(*args, **kwargs)


class ProjectQuerySet(models.QuerySet):
    def public(self) -> "ProjectQuerySet":
        return self.filter(live=True)


class Project(
    WorkflowMixin,
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    PreviewableMixin,
    index.Indexed,
    ClusterableModel,
):
    """An example attached to a measure: a running project (◆) or an idea from the pool (💡).

    A snippet, so it has drafts, revisions, scheduled publishing and the approval workflow.
    Who may edit it follows the page permissions of its approach (see permissions.py).
    """

    class Kind(models.TextChoices):
        RUNNING = "running", _("Laufendes Projekt")
        IDEA = "idea", _("Projektidee")

    kind = models.CharField(_("Art"), max_length=10, choices=Kind.choices, default=Kind.IDEA)
    key = key_field()
    title = models.CharField(_("Titel"), max_length=500)
    url = models.URLField(
        _("Externer Link"),
        max_length=500,
        blank=True,
        help_text=_("Redaktionelle Ergänzung: der Textexport des Konzepts enthält keine Links."),
    )
    url_source = models.URLField(
        _("Quelle des Links"),
        max_length=500,
        blank=True,
        help_text=_("Wo bestätigt ist, dass der Link die offizielle Seite des Projekts ist."),
    )
    kind_inferred = models.BooleanField(
        _("Art redaktionell erschlossen"),
        default=False,
        help_text=_(
            "Das Symbol (laufendes Projekt oder Idee) fehlt in der Quelle; die Art ist aus dem Zusammenhang erschlossen."
        ),
    )
    description = models.TextField(_("Beschreibung"), blank=True)
    approach = models.ForeignKey(
        "plan.ApproachPage",
        on_delete=models.CASCADE,
        related_name="projects",
        verbose_name=_("Handlungsansatz"),
    )
    # SET_NULL: when an editor removes a measure, its examples stay on the approach page.
    measure = models.ForeignKey(
        Measure,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="projects",
        verbose_name=_("Maßnahme"),
    )
    sort_order = models.PositiveIntegerField(_("Reihenfolge"), default=0)
    responsible_unit = models.CharField(_("Verantwortliche Stelle"), max_length=200, blank=True)
    change_note = change_note_field()
    sub_regions = ParentalManyToManyField(
        "places.SubRegionPage", blank=True, related_name="projects", verbose_name=_("Teilräume")
    )
    themes = ParentalManyToManyField(
        "plan.CrossCuttingThemePage", blank=True, related_name="projects", verbose_name=_("Querschnittsthemen")
    )
    places = ParentalManyToManyField("places.Place", blank=True, related_name="projects", verbose_name=_("Orte"))
    latitude = models.DecimalField(_("Breitengrad"), max_digits=8, decimal_places=5, null=True, blank=True)
    longitude = models.DecimalField(_("Längengrad"), max_digits=8, decimal_places=5, null=True, blank=True)
    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="project")
    workflow_states = GenericRelation(
        "wagtailcore.WorkflowState",
        content_type_field="base_content_type",
        object_id_field="object_id",
        related_query_name="project",
        for_concrete_model=False,
    )

    objects = ProjectQuerySet.as_manager()
    base_form_class = ProjectForm

    search_fields = [
        index.SearchField("title"),
        index.SearchField("description"),
        index.FilterField("kind"),
        index.FilterField("live"),
    ]

    class Meta:
        ordering = ["approach", "sort_order", "pk"]
        verbose_name = _("Projekt oder Idee")
        verbose_name_plural = _("Projekte und Ideen")

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        super().clean()
        if self.measure_id and self.approach_id and self.measure.approach_id != self.approach_id:
            raise ValidationError(
                {
                    "measure": _(
                        "Die Maßnahme gehört zu einem anderen Handlungsansatz. Bitte wählen Sie eine Maßnahme dieses Handlungsansatzes."
                    )
                }
            )

    @property
    def revisions(self):
        return self._revisions

    @property
    def anchor(self) -> str:
        return f"beispiel-{self.key}"

    def save(self, *args, **kwargs) -> None:
        if not self.key and self.approach_id:
            self.key = make_key(self.title, concept_keys(self.approach.path))
        super().save(*args, **kwargs)

    @property
    def is_idea(self) -> bool:
        return self.kind == self.Kind.IDEA

    def get_preview_template(self, request, mode_name):
        return "plan/project_preview.html"
