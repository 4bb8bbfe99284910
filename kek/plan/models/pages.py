"""Page types of the concept. Each level of the hierarchy is a page with a stable German URL."""

from functools import partial

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Count, Q
from django.http import Http404, HttpRequest
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modelcluster.fields import ParentalKey
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from kek.core.content_cache import kept
from kek.core.pages import CHANGE_NOTE, KekPage, SectionPage, changed_since
from kek.core.richtext import TEXT_FEATURES, list_items, paragraph_texts, render_many, text_of

from ..tree import FIELD_DEPTH, field_path

# Apps above plan add a line to each measure and example of an approach page through this hook:
# fn(request, page, measures, projects) -> {anchor: HTML}; shown below the item (e.g. its status).
APPROACH_ITEMS_HOOK = "kek_approach_items"

# Apps above plan add sections to an approach's page through this Wagtail hook (e.g. the citizens'
# proposals of kek/participation): fn(request, page) -> HTML of a section, or "" for none. A section
# must cost a fixed number of queries, whatever the page holds.
APPROACH_SECTIONS_HOOK = "kek_approach_sections"

# Apps above this one offer downloads on the start page (the concept as PDF) through this hook:
# fn(home, request) -> dicts with title, url, format and, once the file exists, size and date.
HOME_DOWNLOADS_HOOK = "kek_home_downloads"


def _field_of(ancestors: list[Page]) -> Page | None:
    return next((p for p in ancestors if p.depth == FIELD_DEPTH), None)


class HomePage(KekPage):
    """The start page; it also holds what describes the concept as a whole."""

    keep_content = True

    short_title = models.CharField(_("Kurztitel"), max_length=60, default="KEK 2030")
    county = models.CharField(_("Landkreis"), max_length=120)
    motto = models.CharField(_("Leitsatz"), max_length=200, blank=True)
    intro = RichTextField(_("Einleitung"), features=TEXT_FEATURES, blank=True)
    decided_on = models.DateField(_("Beschlossen am"))
    decided_by = models.CharField(_("Beschlossen von"), max_length=200)
    # When the decided version was loaded: later publications are changes to the concept.
    baseline_at = models.DateTimeField(_("Beschlossene Fassung geladen am"), null=True, editable=False)

    content_panels = Page.content_panels + [
        FieldPanel("short_title"),
        FieldPanel("county"),
        FieldPanel("motto"),
        FieldPanel("intro"),
        MultiFieldPanel([FieldPanel("decided_on"), FieldPanel("decided_by")], heading=_("Beschluss")),
        InlinePanel("contacts", label=_("Kontakt")),
        CHANGE_NOTE,
    ]
    parent_page_types = ["wagtailcore.Page"]  # one start page per site, each a concept of its own
    subpage_types = [
        "plan.FieldOfActionPage",
        "plan.CrossCuttingThemeIndexPage",
        "plan.AboutPage",
        "places.SubRegionIndexPage",
    ]

    class Meta:
        verbose_name = _("Startseite")

    def default_description(self) -> str:
        return f"{self.title}: Handlungsfelder, Ziele, Handlungsansätze, Maßnahmen, laufende Projekte und Projektideen."

    def route(self, request: HttpRequest, path_components: list[str]):
        """Find the page for a URL without a query while the site's content is unchanged, else with
        two instead of two per URL level.

        Wagtail walks the tree one level at a time; here the deepest page whose URL path starts
        the requested path is looked up at once, and that page routes the rest (routable pages
        such as /orte/<ort>/ handle their own sub-paths). The page found is kept per content
        version (kek/core/content_cache.py); a path that finds none is not.
        """
        if not path_components:
            return super().route(request, path_components)
        page = kept(request, "route", partial(self._deepest_page, path_components), "/".join(path_components))
        return page.route(request, path_components[page.depth - self.depth :])

    def _deepest_page(self, path_components: list[str]) -> Page:
        prefixes = [self.url_path + "/".join(path_components[:n]) + "/" for n in range(len(path_components), 0, -1)]
        page = Page.objects.filter(url_path__in=prefixes).order_by("-depth").first()
        if page is None:
            raise Http404
        return page.specific

    def get_context(self, request: HttpRequest, *args, **kwargs) -> dict:
        context = super().get_context(request, *args, **kwargs)
        context["fields"] = FieldOfActionPage.objects.child_of(self).live()
        context["themes"] = CrossCuttingThemePage.objects.live().descendant_of(self).only("id", "title", "url_path")
        context["entry_pages"] = self.get_children().live().not_type(FieldOfActionPage).only("id", "title", "url_path")
        context["downloads"] = [item for fn in hooks.get_hooks(HOME_DOWNLOADS_HOOK) for item in fn(self, request)]
        return context


class ConceptContact(Orderable):
    """The contact and project-team block at the end of the concept."""

    home = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="contacts")
    role = models.CharField(_("Funktion"), max_length=200)
    organisation = models.CharField(_("Organisation"), max_length=200)
    unit = models.CharField(_("Organisationseinheit"), max_length=200, blank=True)
    people = models.TextField(_("Personen"), blank=True, help_text=_("Eine Person pro Zeile."))
    address = models.TextField(_("Anschrift"), blank=True)
    phone = models.CharField(_("Telefon"), max_length=50, blank=True)
    fax = models.CharField(_("Fax"), max_length=50, blank=True)
    email = models.EmailField(_("E-Mail"), blank=True)
    url = models.URLField(_("Website"), blank=True)

    class Meta(Orderable.Meta):
        verbose_name = _("Kontakt")
        verbose_name_plural = _("Kontakte")

    def __str__(self) -> str:
        return f"{self.role}: {self.organisation}"

    @property
    def people_list(self) -> list[str]:
        return [line.strip() for line in self.people.splitlines() if line.strip()]

    @property
    def address_lines(self) -> list[str]:
        return [line.strip() for line in self.address.splitlines() if line.strip()]


class FieldOfActionPage(KekPage):
    """A Handlungsfeld with its initial situation (SWOT) and regional focus."""

    keep_content = True

    topics = models.TextField(
        _("Themen"), blank=True, help_text=_("Ein Thema pro Zeile, wie im Übersichtsbild des Konzepts.")
    )
    strengths = RichTextField(_("Stärken"), features=TEXT_FEATURES, blank=True)
    weaknesses = RichTextField(_("Schwächen"), features=TEXT_FEATURES, blank=True)
    opportunities = RichTextField(_("Chancen"), features=TEXT_FEATURES, blank=True)
    risks = RichTextField(_("Risiken"), features=TEXT_FEATURES, blank=True)
    easy_language_summary = RichTextField(_("Zusammenfassung in Leichter Sprache"), features=TEXT_FEATURES, blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("topics"),
        MultiFieldPanel(
            [FieldPanel("strengths"), FieldPanel("weaknesses"), FieldPanel("opportunities"), FieldPanel("risks")],
            heading=_("Ausgangssituation"),
        ),
        InlinePanel("regional_focus", label=_("Regionaler Schwerpunkt")),
        FieldPanel("easy_language_summary"),
        CHANGE_NOTE,
    ]
    search_fields = Page.search_fields + [
        index.SearchField("strengths"),
        index.SearchField("weaknesses"),
        index.SearchField("opportunities"),
        index.SearchField("risks"),
    ]
    parent_page_types = ["plan.HomePage"]
    subpage_types = ["plan.StrategicGoalPage"]

    class Meta:
        verbose_name = _("Handlungsfeld")
        verbose_name_plural = _("Handlungsfelder")

    @property
    def topic_list(self) -> list[str]:
        return [line.strip() for line in self.topics.splitlines() if line.strip()]

    @property
    def situation(self) -> list[tuple[str, str, str]]:
        """(key, heading, html) for the four SWOT parts, in the concept's order."""
        parts = [
            ("strengths", _("Stärken"), self.strengths),
            ("weaknesses", _("Schwächen"), self.weaknesses),
            ("opportunities", _("Chancen"), self.opportunities),
            ("risks", _("Risiken"), self.risks),
        ]
        return [p for p in parts if p[2]]

    def default_description(self) -> str:
        return f"Handlungsfeld „{self.title}“: Ausgangssituation, strategische Ziele, Teilziele, Handlungsansätze und regionale Schwerpunkte."

    def sequence_scope(self, ancestors: list[Page]) -> Page | None:
        return ancestors[-1] if ancestors else None

    def change_sections(self) -> dict[str, list[str]]:
        sections = super().change_sections()
        for _key, heading, html in self.situation:
            sections[str(heading)] = list_items(html)
        sections[str(_("Regionale Schwerpunkte"))] = [
            f"{focus.sub_region.title if focus.sub_region else ''}: {text_of(focus.text)}"
            for focus in self.regional_focus.all()
        ]
        return sections

    def get_context(self, request: HttpRequest, *args, **kwargs) -> dict:
        context = super().get_context(request, *args, **kwargs)
        context["overview"] = level_cards(self)
        context["regional_focus"] = list(self.regional_focus.select_related("sub_region"))
        return context


class RegionalFocus(Orderable):
    """ "Regionale Schwerpunkte für Handlungsansätze": what a field means for one Teilraum."""

    field = ParentalKey(FieldOfActionPage, on_delete=models.CASCADE, related_name="regional_focus")
    sub_region = models.ForeignKey(
        "places.SubRegionPage",
        on_delete=models.SET_NULL,
        null=True,
        related_name="regional_focus",
        verbose_name=_("Teilraum"),
    )
    text = RichTextField(_("Text"), features=TEXT_FEATURES)

    panels = [FieldPanel("sub_region"), FieldPanel("text")]

    class Meta(Orderable.Meta):
        verbose_name = _("Regionaler Schwerpunkt")
        verbose_name_plural = _("Regionale Schwerpunkte")


def _count(n: int, one: str, many: str) -> str:
    return ngettext(one, many, n) % {"n": n}


def level_cards(root: Page) -> list[dict]:
    """The next level below `root` as cards, consistent with the Teilziel page: each card names its
    level, counts what lies below it and lists its own children with their counts (goals with their
    Teilziele, Teilziele with their Handlungsansätze).

    Two queries (the pages in tree order, the measures per approach), whatever the concept's size.
    """
    from .measures import Measure

    pages = root.get_descendants().live().type(StrategicGoalPage, SubGoalPage, ApproachPage)
    pages = list(pages.only("id", "title", "url_path", "path", "depth", "content_type_id"))
    per_approach = dict(
        Measure.objects.filter(approach__path__startswith=root.path)
        .values("approach_id")
        .annotate(n=Count("id"))
        .values_list("approach_id", "n")
    )
    approach_type = ContentType.objects.get_for_model(ApproachPage).pk
    levels = {
        ContentType.objects.get_for_model(StrategicGoalPage).pk: _("Strategisches Ziel"),
        ContentType.objects.get_for_model(SubGoalPage).pk: _("Teilziel"),
        approach_type: _("Handlungsansatz"),
    }
    nodes: dict[str, dict] = {}
    for page in pages:
        nodes[page.path] = {"page": page, "level": levels[page.content_type_id], "children": [], "approaches": 0}
        nodes[page.path]["measures"] = per_approach.get(page.pk, 0)
        parent = nodes.get(page.path[: -Page.steplen])
        if parent:
            parent["children"].append(nodes[page.path])
        if page.content_type_id == approach_type:
            for depth in range(root.depth + 1, page.depth):
                ancestor = nodes[page.path[: Page.steplen * depth]]
                ancestor["approaches"] += 1
                ancestor["measures"] += per_approach.get(page.pk, 0)
    for node in nodes.values():
        parts = []
        if node["children"] and node["children"][0]["page"].content_type_id != approach_type:
            parts.append(_count(len(node["children"]), "%(n)d Teilziel", "%(n)d Teilziele"))
        if node["approaches"]:
            parts.append(_count(node["approaches"], "%(n)d Handlungsansatz", "%(n)d Handlungsansätze"))
        parts.append(_count(node["measures"], "%(n)d Maßnahme", "%(n)d Maßnahmen"))
        node["counts"] = ", ".join(parts)
    return [node for node in nodes.values() if node["page"].depth == root.depth + 1]


class StrategicGoalPage(KekPage):
    """A Strategisches Ziel, formulated as the state reached in 2030."""

    keep_content = True

    content_panels = Page.content_panels + [CHANGE_NOTE]
    parent_page_types = ["plan.FieldOfActionPage"]
    subpage_types = ["plan.SubGoalPage"]

    class Meta:
        verbose_name = _("Strategisches Ziel")
        verbose_name_plural = _("Strategische Ziele")

    def default_description(self) -> str:
        return f"Strategisches Ziel des Kreisentwicklungskonzepts: {self.title} Teilziele und Handlungsansätze."

    def sequence_scope(self, ancestors: list[Page]) -> Page | None:
        return _field_of(ancestors)

    def get_context(self, request: HttpRequest, *args, **kwargs) -> dict:
        context = super().get_context(request, *args, **kwargs)
        context["overview"] = level_cards(self)
        return context


class SubGoalPage(KekPage):
    """A Teilziel, with its legal framework and footnotes."""

    keep_content = True

    legal_framework = RichTextField(_("Gesetzliche Vorgaben"), features=TEXT_FEATURES, blank=True)
    footnotes = RichTextField(_("Fußnoten"), features=TEXT_FEATURES, blank=True)

    content_panels = Page.content_panels + [FieldPanel("legal_framework"), FieldPanel("footnotes"), CHANGE_NOTE]
    search_fields = Page.search_fields + [index.SearchField("legal_framework"), index.SearchField("footnotes")]
    parent_page_types = ["plan.StrategicGoalPage"]
    subpage_types = ["plan.ApproachPage"]

    class Meta:
        verbose_name = _("Teilziel")
        verbose_name_plural = _("Teilziele")

    def default_description(self) -> str:
        return f"Teilziel des Kreisentwicklungskonzepts: {self.title} Handlungsansätze mit Maßnahmen, laufenden Projekten und Projektideen."

    def sequence_scope(self, ancestors: list[Page]) -> Page | None:
        return _field_of(ancestors)

    def change_sections(self) -> dict[str, list[str]]:
        sections = super().change_sections()
        sections[str(_("Gesetzliche Vorgaben"))] = list_items(self.legal_framework)
        sections[str(_("Fußnoten"))] = paragraph_texts(self.footnotes)
        return sections

    def get_context(self, request: HttpRequest, *args, **kwargs) -> dict:
        context = super().get_context(request, *args, **kwargs)
        running, idea = "running", "idea"
        context["approaches"] = (
            ApproachPage.objects.child_of(self)
            .live()
            .annotate(
                measure_count=Count("measures", distinct=True),
                running_count=Count("projects", filter=Q(projects__live=True, projects__kind=running), distinct=True),
                idea_count=Count("projects", filter=Q(projects__live=True, projects__kind=idea), distinct=True),
            )
            .only("id", "title", "url_path", "path")
        )
        return context


class ApproachPage(KekPage):
    """A Handlungsansatz: the page that carries the measures with their projects and ideas."""

    keep_content = True

    # Where the concept names a legal requirement for one approach only (not for its Teilziel).
    legal_framework = RichTextField(_("Gesetzliche Vorgaben"), features=TEXT_FEATURES, blank=True)
    notes = RichTextField(
        _("Hinweise"),
        features=TEXT_FEATURES,
        blank=True,
        help_text=_("Zeilen des Konzepts neben den Vorgaben, z. B. „Aktuell: …“."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("legal_framework"),
        FieldPanel("notes"),
        InlinePanel("measures", label=_("Maßnahme")),
        CHANGE_NOTE,
    ]
    # The back office's page search and choosers find an approach by the text of its measures.
    search_fields = Page.search_fields + [
        index.SearchField("legal_framework"),
        index.SearchField("notes"),
        index.RelatedFields("measures", [index.SearchField("text"), index.AutocompleteField("text")]),
    ]
    parent_page_types = ["plan.SubGoalPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("Handlungsansatz")
        verbose_name_plural = _("Handlungsansätze")

    def default_description(self) -> str:
        return f"Handlungsansatz „{self.title}“: Maßnahmen, laufende Projekte und Projektideen des Kreisentwicklungskonzepts."

    def sequence_scope(self, ancestors: list[Page]) -> Page | None:
        return _field_of(ancestors)

    def change_sections(self) -> dict[str, list[str]]:
        sections = super().change_sections()
        if self.legal_framework or self.notes:
            sections[str(_("Gesetzliche Vorgaben"))] = list_items(self.legal_framework)
            sections[str(_("Hinweise"))] = paragraph_texts(self.notes)
        sections[str(_("Maßnahmen"))] = [text_of(m.text) for m in self.measures.all()]
        return sections

    def get_context(self, request: HttpRequest, *args, **kwargs) -> dict:
        from .measures import Project

        context = super().get_context(request, *args, **kwargs)
        measures = list(self.measures.all())
        examples: dict[int | None, list[Project]] = {}
        for project in Project.objects.public().filter(approach=self):
            examples.setdefault(project.measure_id, []).append(project)
        known = {m.pk for m in measures}
        for measure, html in zip(measures, render_many([m.text for m in measures]), strict=True):
            measure.html = html
            measure.examples = examples.get(measure.pk, [])
        context["measures"] = measures
        # the printed legend stands before the first examples (plan/includes/legend.html)
        context["legend_before"] = next((m.pk for m in measures if m.examples), None)
        projects = [p for items in examples.values() for p in items]
        notes: dict[str, list[str]] = {}
        for add_notes in hooks.get_hooks(APPROACH_ITEMS_HOOK):
            for anchor, html in add_notes(request, self, measures, projects).items():
                notes.setdefault(anchor, []).append(html)
        for item in [*measures, *projects]:
            item.notes = notes.get(item.anchor, [])
        dates = [context.get("last_changed")] + [p.last_published_at for items in examples.values() for p in items]
        context["last_changed"] = changed_since(max(filter(None, dates), default=None), context.get("baseline_at"))
        context["unattached_examples"] = [p for key, items in examples.items() if key not in known for p in items]
        parent = next((p for p in reversed(context["ancestors"]) if p.depth == self.depth - 1), None)
        context["sub_goal"] = SubGoalPage.objects.filter(pk=parent.pk).first() if parent else None
        context["sections"] = [
            html for section in hooks.get_hooks(APPROACH_SECTIONS_HOOK) if (html := section(request, self))
        ]
        return context


class CrossCuttingThemeIndexPage(SectionPage):
    """Lists the Querschnittsthemen."""

    keep_content = True

    parent_page_types = ["plan.HomePage"]
    subpage_types = ["plan.CrossCuttingThemePage"]

    class Meta:
        verbose_name = _("Übersicht Querschnittsthemen")

    def default_description(self) -> str:
        return strip_tags(self.intro) or "Die Querschnittsthemen des Kreisentwicklungskonzepts."

    def get_context(self, request: HttpRequest, *args, **kwargs) -> dict:
        context = super().get_context(request, *args, **kwargs)
        context["themes"] = CrossCuttingThemePage.objects.child_of(self).live()
        return context


class CrossCuttingThemePage(KekPage):
    """A Querschnittsthema, to be thought of in every field of action."""

    keep_content = True

    text = RichTextField(_("Text"), features=TEXT_FEATURES)

    content_panels = Page.content_panels + [FieldPanel("text"), CHANGE_NOTE]
    search_fields = Page.search_fields + [index.SearchField("text")]
    parent_page_types = ["plan.CrossCuttingThemeIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("Querschnittsthema")
        verbose_name_plural = _("Querschnittsthemen")

    def default_description(self) -> str:
        return f"Querschnittsthema „{self.title}“: {strip_tags(self.text)}"

    def change_sections(self) -> dict[str, list[str]]:
        return {**super().change_sections(), str(_("Text")): paragraph_texts(self.text)}

    def get_context(self, request: HttpRequest, *args, **kwargs) -> dict:
        """Everything tagged with this theme, grouped by field of action (in the concept's order);
        projects and ideas stay with their measure, as on the approach page."""
        context = super().get_context(request, *args, **kwargs)
        home = context["ancestors"][0]
        context["tagged"] = kept(request, "theme-tagged", partial(self._tagged, home), self.pk)
        return context

    def _tagged(self, home: Page) -> list[dict]:
        """Kept until the site's content changes (kek/core/content_cache.py): five queries and the
        rich text of every tagged measure."""
        from .measures import Measure, Project

        fields = list(FieldOfActionPage.objects.child_of(home).live().only("id", "title", "url_path", "path"))
        groups = {f.path: {"field": f, "entries": {}, "loose": []} for f in fields}
        approaches = ApproachPage.objects.descendant_of(home).live()
        examples = list(
            Project.objects.public()
            .filter(themes=self, approach__in=approaches)
            .select_related("approach")
            .order_by("approach__path", "sort_order")
        )
        measures = Measure.objects.filter(Q(themes=self) | Q(pk__in=[e.measure_id for e in examples if e.measure_id]))
        measures = measures.filter(approach__in=approaches).distinct().select_related("approach")
        tagged = set(Measure.objects.filter(themes=self).values_list("pk", flat=True))
        ordered = list(measures.order_by("approach__path", "sort_order"))
        for measure, html in zip(ordered, render_many([m.text for m in ordered]), strict=True):
            measure.html = html
            entry = {"measure": measure, "tagged": measure.pk in tagged, "examples": []}
            groups[field_path(measure.approach.path)]["entries"][measure.pk] = entry
        for example in examples:
            group = groups[field_path(example.approach.path)]
            entry = group["entries"].get(example.measure_id)
            (entry["examples"] if entry else group["loose"]).append(example)
        return [
            {"field": g["field"], "entries": list(g["entries"].values()), "loose": g["loose"]}
            for g in groups.values()
            if g["entries"] or g["loose"]
        ]

    def sequence_scope(self, ancestors: list[Page]) -> Page | None:
        return ancestors[-1] if ancestors else None


class AboutPage(KekPage):
    """ "Über das KEK": aim, content and structure, decision, contacts."""

    keep_content = True

    body = RichTextField(_("Text"), features=TEXT_FEATURES, blank=True)

    content_panels = Page.content_panels + [FieldPanel("body"), CHANGE_NOTE]
    search_fields = Page.search_fields + [index.SearchField("body")]
    parent_page_types = ["plan.HomePage"]
    subpage_types: list[str] = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("Über das KEK")

    def default_description(self) -> str:
        return strip_tags(self.body)

    def get_context(self, request: HttpRequest, *args, **kwargs) -> dict:
        context = super().get_context(request, *args, **kwargs)
        home = HomePage.objects.filter(pk=context["ancestors"][-1].pk).prefetch_related("contacts").first()
        context["home"] = home
        return context
