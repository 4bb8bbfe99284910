"""Load the content file into the page tree: idempotent and all-or-nothing.

The file is validated completely before anything is written; the writes run in one transaction.
Running the import twice changes nothing the second time (no new revisions). Pages are matched
by their slug path, measures and examples by their position, so editors' URLs stay stable.
"""

from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from urllib.parse import urlsplit

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.html import escape
from wagtail.models import Page, Site

from kek.history.baseline import take_snapshot
from kek.places.models import Place, SubRegionIndexPage, SubRegionPage
from kek.plan.models import (
    AboutPage,
    ApproachPage,
    ConceptContact,
    CrossCuttingThemeIndexPage,
    CrossCuttingThemePage,
    FieldOfActionPage,
    HomePage,
    Measure,
    Project,
    RegionalFocus,
    StrategicGoalPage,
    SubGoalPage,
)

from . import content_file
from .content_file import ConceptData, ContentFileError, Problem, markdown_inline

HOME_SLUG = "start"
THEMES = (
    "querschnittsthemen",
    "Querschnittsthemen",
    "<p>Querschnittsthemen sollten bei der Umsetzung in allen Handlungsfeldern mitgedacht werden.</p>",
)
REGIONS = (
    "teilraeume",
    "Teilräume",
    "<p>Für vier Teilräume des Landkreises nennt das Konzept in jedem Handlungsfeld regionale Schwerpunkte für die Handlungsansätze.</p>",
)
ABOUT = ("ueber-das-kek", "Über das KEK")


@dataclass
class ImportResult:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    examples_written: int = 0
    messages: list[str] = field(default_factory=list)

    def __str__(self) -> str:
        return (
            f"Seiten: {self.created} neu, {self.updated} geändert, {self.unchanged} unverändert; "
            f"Projekte und Ideen geschrieben: {self.examples_written}."
        )


def _value(obj, name: str):
    value = getattr(obj, name)
    return sorted(o.pk for o in value.all()) if hasattr(value, "all") else value


def _matches(obj, row: dict) -> bool:
    return all(_value(obj, k) == (sorted(o.pk for o in v) if isinstance(v, list) else v) for k, v in row.items())


def paragraphs(text: str) -> str:
    parts = [" ".join(p.split()) for p in text.strip().split("\n\n") if p.strip()]
    return "".join(f"<p>{markdown_inline(p)}</p>" for p in parts)


def bullet_list(items: list[str]) -> str:
    return "<ul>" + "".join(f"<li>{markdown_inline(i)}</li>" for i in items) + "</ul>" if items else ""


def measure_html(text: str, links: dict[str, str], page_ids: dict[str, int]) -> str:
    html = escape(text)
    for phrase, target in links.items():
        anchor = f'<a linktype="page" id="{page_ids[target.strip("/")]}">{escape(phrase)}</a>'
        html = html.replace(escape(phrase), anchor, 1)
    return f"<p>{html}</p>"


def import_file(path: Path) -> ImportResult:
    """Validate `path` and import it; raises ContentFileError (nothing written) if it is broken."""
    return import_concept(content_file.load(path))


class _Tree:
    """Finds or creates pages and remembers which ones need a new published revision."""

    def __init__(self, result: ImportResult):
        self.result = result
        self.dirty: dict[int, Page] = {}
        self.new: set[int] = set()

    def page(self, parent: Page, model: type[Page], slug: str, **values) -> Page:
        page = model.objects.child_of(parent).filter(slug=slug).first()
        if page is None:
            page = model(slug=slug, show_in_menus=values.pop("show_in_menus", False), **values)
            parent.add_child(instance=page)
            self.new.add(page.pk)
            self.dirty[page.pk] = page
            return page
        values.pop("show_in_menus", None)
        self.assign(page, values)
        return page

    def assign(self, page: Page, values: dict) -> None:
        for name, value in values.items():
            if getattr(page, name) != value:
                setattr(page, name, value)
                self.dirty[page.pk] = page

    def children(self, page: Page, relation: str, model: type, rows: list[dict]) -> None:
        """Make an inline child list equal `rows`, updating in place to keep primary keys.

        List values are many-to-many relations, given and compared as lists of related objects.
        """
        existing = list(getattr(page, relation).all())
        if len(existing) == len(rows) and all(_matches(obj, row) for obj, row in zip(existing, rows, strict=True)):
            return
        objects = []
        for i, row in enumerate(rows):
            obj = existing[i] if i < len(existing) else model()
            for name, value in row.items():
                setattr(obj, name, value)
            obj.sort_order = i
            objects.append(obj)
        setattr(page, relation, objects)
        self.dirty[page.pk] = page

    def publish(self) -> None:
        for pk, page in self.dirty.items():
            page.save_revision().publish()
            if pk in self.new:
                self.result.created += 1
            else:
                self.result.updated += 1


@transaction.atomic
def import_concept(data: ConceptData) -> ImportResult:
    result = ImportResult()
    places = _places_by_key(data)  # before any write: unknown places stop the import
    tree = _Tree(result)
    meta = data.concept
    home = _home(tree, data)

    fields = []
    for f in data.fields:
        values = {
            "title": f.title,
            "topics": "\n".join(f.topics),
            "strengths": bullet_list(f.situation.strengths),
            "weaknesses": bullet_list(f.situation.weaknesses),
            "opportunities": bullet_list(f.situation.opportunities),
            "risks": bullet_list(f.situation.risks),
            "easy_language_summary": paragraphs(f.easy_language),
            "show_in_menus": True,
        }
        fields.append((f, tree.page(home, FieldOfActionPage, f.slug, **values)))

    themes_index = tree.page(
        home, CrossCuttingThemeIndexPage, THEMES[0], title=THEMES[1], intro=THEMES[2], show_in_menus=True
    )
    for t in data.cross_cutting_themes:
        tree.page(themes_index, CrossCuttingThemePage, t.slug, title=t.title, text=paragraphs(t.text))
    regions_index = tree.page(
        home, SubRegionIndexPage, REGIONS[0], title=REGIONS[1], intro=REGIONS[2], show_in_menus=True
    )
    regions = {
        r.slug: tree.page(regions_index, SubRegionPage, r.slug, title=r.title, intro=paragraphs(r.intro))
        for r in data.sub_regions
    }
    tree.page(home, AboutPage, ABOUT[0], title=ABOUT[1], body=paragraphs(meta.intro), show_in_menus=True)

    # Pass 1 builds every concept page, so that cross-references can point forwards.
    page_ids: dict[str, int] = {}
    approaches: list[tuple[object, ApproachPage]] = []
    for f, field_page in fields:
        page_ids[f.slug] = field_page.pk
        for g in f.goals:
            goal_page = tree.page(field_page, StrategicGoalPage, g.slug, title=g.title)
            page_ids[f"{f.slug}/{g.slug}"] = goal_page.pk
            for s in g.sub_goals:
                values = {
                    "title": s.title,
                    "legal_framework": bullet_list(s.legal_framework),
                    "footnotes": paragraphs("\n\n".join(s.footnotes)),
                }
                sub_page = tree.page(goal_page, SubGoalPage, s.slug, **values)
                page_ids[f"{f.slug}/{g.slug}/{s.slug}"] = sub_page.pk
                for a in s.approaches:
                    approach_page = tree.page(sub_page, ApproachPage, a.slug, title=a.title)
                    page_ids[f"{f.slug}/{g.slug}/{s.slug}/{a.slug}"] = approach_page.pk
                    approaches.append((a, approach_page))

    # Pass 2: inline children (measures, regional focus), then one revision per changed page.
    for f, field_page in fields:
        rows = [
            {"sub_region_id": regions[r.slug].pk, "text": paragraphs(f.regional_focus[r.slug])}
            for r in data.sub_regions
            if r.slug in f.regional_focus
        ]
        tree.children(field_page, "regional_focus", RegionalFocus, rows)
    themes = {t.slug: t for t in CrossCuttingThemePage.objects.all()}
    for a, approach_page in approaches:
        rows = [
            {"text": measure_html(m.text, m.links, page_ids), "themes": [themes[t] for t in m.themes]}
            for m in a.measures
        ]
        tree.children(approach_page, "measures", Measure, rows)
    tree.publish()

    for a, approach_page in approaches:
        _sync_examples(a, approach_page, result, themes, places)
    _ensure_site(home)
    if home.baseline_at is None:
        # The first import is the decided version; what is published later counts as a change.
        HomePage.objects.filter(pk=home.pk).update(baseline_at=timezone.now())
        take_snapshot()
    result.unchanged = Page.objects.descendant_of(home, inclusive=True).count() - result.created - result.updated
    return result


def _home(tree: _Tree, data: ConceptData) -> HomePage:
    meta = data.concept
    root = Page.get_first_root_node()
    if not HomePage.objects.exists():
        # Wagtail's first migration leaves a placeholder start page; the concept replaces it.
        for placeholder in Page.objects.child_of(root).filter(slug=HOME_SLUG):
            placeholder.delete()
    values = {
        "title": meta.title,
        "short_title": meta.short_title,
        "county": meta.county,
        "motto": meta.motto,
        "intro": paragraphs(meta.summary),
        "decided_on": meta.decided_on,
        "decided_by": meta.decided_by,
    }
    home = HomePage.objects.first() or tree.page(root, HomePage, HOME_SLUG, **values)
    tree.assign(home, values)
    contacts = [
        {
            "role": c.role,
            "organisation": c.organisation,
            "unit": c.unit,
            "people": "\n".join(c.people),
            "address": c.address,
            "phone": c.phone,
            "fax": c.fax,
            "email": c.email,
            "url": c.url,
        }
        for c in data.contacts
    ]
    tree.children(home, "contacts", ConceptContact, contacts)
    return home


def _approaches(data: ConceptData) -> list:
    return [a for f in data.fields for g in f.goals for s in g.sub_goals for a in s.approaches]


def _places_by_key(data: ConceptData) -> dict:
    """The places the examples name, by AGS; they must have been loaded (import_places) first."""
    examples = [e for a in _approaches(data) for m in a.measures for e in m.projects + m.ideas]
    keys = {key for example in examples for key in example.places}
    found = {p.ags: p for p in Place.objects.filter(ags__in=keys)}
    missing = sorted(keys - set(found))
    if missing:
        problems = [
            Problem(
                None,
                f"Unbekannter Ort mit dem Gemeindeschlüssel {key}; bitte zuerst die Orte laden (manage.py import_places).",
            )
            for key in missing
        ]
        raise ContentFileError(problems)
    return found


def _sync_examples(approach, page: ApproachPage, result: ImportResult, themes: dict, places: dict) -> None:
    measure_ids = list(Measure.objects.filter(approach=page).order_by("sort_order").values_list("pk", flat=True))
    wanted = []
    for index, m in enumerate(approach.measures):
        for kind, items in ((Project.Kind.RUNNING, m.projects), (Project.Kind.IDEA, m.ideas)):
            for item in items:
                wanted.append(
                    {
                        "kind": kind,
                        "title": item.title,
                        "url": item.url or "",
                        "description": item.description,
                        "measure_id": measure_ids[index],
                        "sort_order": len(wanted),
                        "live": True,
                        "latitude": _decimal(item.latitude),
                        "longitude": _decimal(item.longitude),
                        "themes": [themes[t] for t in item.themes],
                        "places": [places[key] for key in item.places],
                    }
                )
    existing = list(Project.objects.filter(approach=page).order_by("sort_order", "pk"))
    for i, values in enumerate(wanted):
        project = existing[i] if i < len(existing) else Project(approach=page)
        if project.pk and _matches(project, values):
            continue
        for name, value in values.items():
            setattr(project, name, value)
        project.save()
        project.save_revision().publish()
        result.examples_written += 1
    for surplus in existing[len(wanted) :]:
        surplus.delete()


def _decimal(value: float | None) -> Decimal | None:
    return None if value is None else Decimal(str(value)).quantize(Decimal("0.00001"))


def _ensure_site(home: HomePage) -> None:
    """Point the default site at the concept; a new site takes its address from KEK_BASE_URL."""
    site = Site.objects.filter(is_default_site=True).first()
    if site is None or site.root_page_id != home.pk:
        url = urlsplit(settings.WAGTAILADMIN_BASE_URL)
        site = site or Site(is_default_site=True)
        site.hostname = url.hostname or "localhost"
        site.port = url.port or (443 if url.scheme == "https" else 80)
        site.root_page = home
        site.site_name = home.short_title
        site.save()
