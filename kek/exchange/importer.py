"""Load a content file into one site's concept: idempotent and all-or-nothing.

The file is validated completely before anything is written; the writes run in one transaction.
Running the import twice changes nothing the second time (no new revisions). Pages are matched
by their slug path, measures, projects and ideas by their key (kek/plan/keys.py), so an item
keeps its anchor, revisions and history when it is reworded, reordered or moved.
Items without a key in the file get one, reported in the result, so it can be written back.
"""

from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from urllib.parse import urlsplit

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.html import escape
from django.utils.text import slugify
from wagtail.models import Page, Site

from kek.history.baseline import take_snapshot
from kek.history.corrections import restore_decided_wording
from kek.history.models import ChangeRecord, EditorialCorrection
from kek.places.models import Place, SubRegionIndexPage, SubRegionPage
from kek.plan.keys import make_key
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
from .content_file import ConceptData, ContentFileError, Problem, correction_targets, keyed_items, markdown_inline

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
CORRECTION_NOTE = (
    "Redaktionelle Korrektur offensichtlicher Schreibfehler. Der beschlossene Wortlaut steht in der "
    "beschlossenen Fassung."
)


@dataclass
class ImportResult:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    examples_written: int = 0
    new_keys: list[str] = field(default_factory=list)
    home: HomePage | None = None

    def __str__(self) -> str:
        text = (
            f"Seiten: {self.created} neu, {self.updated} geändert, {self.unchanged} unverändert; "
            f"Projekte und Ideen geschrieben: {self.examples_written}."
        )
        if self.new_keys:
            text += (
                f" Neu vergebene Schlüssel ({len(self.new_keys)}): {', '.join(self.new_keys)}. Bitte in die "
                "Inhaltsdatei übernehmen (oder exportieren), damit diese Einträge beim nächsten Import dieselben bleiben."
            )
        return text


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


def import_file(path: Path, site: Site | None = None) -> ImportResult:
    """Validate `path` and import it; raises ContentFileError (nothing written) if it is broken."""
    return import_concept(content_file.load(path), site)


class _Tree:
    """Finds or creates pages and remembers which ones need a new published revision."""

    def __init__(self, result: ImportResult, note: str = ""):
        self.result = result
        self.note = note  # the change note of every revision this import publishes
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

    def children(self, page: Page, relation: str, model: type, rows: list[dict], identity: str | None = None) -> None:
        """Make an inline child list equal `rows`, updating in place to keep primary keys.

        Rows and objects are paired by the field `identity` (e.g. the stable key), else by position.
        List values are many-to-many relations, given and compared as lists of related objects.
        """
        existing = list(getattr(page, relation).all())
        if len(existing) == len(rows) and all(_matches(obj, row) for obj, row in zip(existing, rows, strict=True)):
            return
        by_identity = {getattr(obj, identity): obj for obj in existing} if identity else dict(enumerate(existing))
        objects = []
        for i, row in enumerate(rows):
            obj = by_identity.get(row[identity] if identity else i) or model()
            for name, value in row.items():
                setattr(obj, name, value)
            obj.sort_order = i
            objects.append(obj)
        setattr(page, relation, objects)
        self.dirty[page.pk] = page

    def publish(self) -> None:
        for pk, page in self.dirty.items():
            page.change_note = self.note
            page.save_revision().publish()
            if pk in self.new:
                self.result.created += 1
            else:
                self.result.updated += 1


@transaction.atomic
def import_concept(data: ConceptData, site: Site | None = None) -> ImportResult:
    """Import `data` as the concept of `site` (default: the default site; created if missing).

    The first import is the decided version. If the file corrects typos, that version is first
    loaded with the wording as decided and frozen; the corrections are then published on top of
    it, so the history shows them as dated editorial corrections and the pages they touch no
    longer claim to be unchanged since the decision.
    """
    result = ImportResult()
    site = site or Site.objects.filter(is_default_site=True).first() or new_site(data, *base_address(), default=True)
    places = _places_by_key(data, site)  # before any write: unknown places stop the import
    _fill_in_keys(data, result)
    home = site.root_page.specific
    first = not (isinstance(home, HomePage) and home.baseline_at)
    if first and data.has_corrections:
        _write(data.as_decided(), site, places, result)
        _start_history(result.home)
        corrected = ImportResult(new_keys=result.new_keys)
        _write(data, site, places, corrected, note=CORRECTION_NOTE)
        ChangeRecord.objects.filter(site=site).update(editorial=True)  # all of them are these corrections
    else:
        known = EditorialCorrection.objects.filter(site=site).exists()
        _write(data, site, places, result)
        if first:
            _start_history(result.home)
        elif data.has_corrections and not known:
            # Frozen before corrections were kept apart: give the decided version its wording back.
            restore_decided_wording(site, _corrections_by_page(data, result.home), CORRECTION_NOTE)
    _sync_corrections(data, site)
    home = result.home
    result.unchanged = Page.objects.descendant_of(home, inclusive=True).count() - result.created - result.updated
    return result


def _start_history(home: HomePage) -> None:
    """The decided version is loaded: freeze it; what is published from now on counts as a change."""
    HomePage.objects.filter(pk=home.pk).update(baseline_at=timezone.now())
    home.baseline_at = timezone.now()
    take_snapshot(home)


def _sync_corrections(data: ConceptData, site: Site) -> None:
    """Keep the file's corrections with the concept, so the export writes them back to their items."""
    EditorialCorrection.objects.filter(site=site).delete()
    EditorialCorrection.objects.bulk_create(
        [
            EditorialCorrection(site=site, target=target, decided=c.decided, corrected=c.corrected, sort_order=i)
            for target, item in correction_targets(data)
            for i, c in enumerate(item.corrections)
        ]
    )


def _corrections_by_page(data: ConceptData, home: HomePage) -> list[tuple[int, str, str]]:
    """Each correction with the page whose frozen version holds its text (an item's: its approach)."""
    below = {"approach__path__startswith": home.path}
    approaches = dict(Measure.objects.filter(**below).values_list("key", "approach_id"))
    approaches |= dict(Project.objects.filter(**below).values_list("key", "approach_id"))
    pages = dict(Page.objects.descendant_of(home).values_list("url_path", "pk"))
    result = []
    for target, item in correction_targets(data):
        key = target.removeprefix("key:")
        page_id = approaches.get(key) if target.startswith("key:") else pages.get(f"{home.url_path}{target}/")
        if page_id:
            result += [(page_id, c.decided, c.corrected) for c in item.corrections]
    return result


def _write(data: ConceptData, site: Site, places: dict, result: ImportResult, note: str = "") -> None:
    """Make the concept of `site` equal `data`, publishing one revision per changed page or item."""
    tree = _Tree(result, note)
    meta = data.concept
    home = result.home = _home(tree, data, site)

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
                    values = {
                        "title": a.title,
                        "legal_framework": bullet_list(a.legal_framework),
                        "notes": paragraphs("\n\n".join(a.notes)),
                    }
                    approach_page = tree.page(sub_page, ApproachPage, a.slug, **values)
                    page_ids[f"{f.slug}/{g.slug}/{s.slug}/{a.slug}"] = approach_page.pk
                    approaches.append((a, approach_page))

    # Pass 2: inline children (measures, regional focus), then one revision per changed page.
    for f, field_page in fields:
        rows = [
            {"sub_region_id": regions[r.slug].pk, "text": paragraphs(f.regional_focus[r.slug])}
            for r in data.sub_regions
            if r.slug in f.regional_focus
        ]
        tree.children(field_page, "regional_focus", RegionalFocus, rows, identity="sub_region_id")
    themes = {t.slug: t for t in CrossCuttingThemePage.objects.descendant_of(home)}
    _move_measures(tree, home, approaches)
    for a, approach_page in approaches:
        rows = [
            {"key": m.key, "text": measure_html(m.text, m.links, page_ids), "themes": [themes[t] for t in m.themes]}
            for m in a.measures
        ]
        tree.children(approach_page, "measures", Measure, rows, identity="key")
    tree.publish()

    _sync_examples(home, approaches, result, themes, places, note)
    _point_site(site, home)


def base_address() -> tuple[str, int]:
    """Host and port of KEK_BASE_URL: the default site's address."""
    url = urlsplit(settings.WAGTAILADMIN_BASE_URL)
    return url.hostname or "localhost", url.port or (443 if url.scheme == "https" else 80)


def new_site(data: ConceptData, hostname: str, port: int, *, default: bool = False) -> Site:
    """A site of its own for a concept: a start page below the tree root and the site pointing at
    it. `import_concept` then fills it."""
    tree = _Tree(ImportResult())
    home = _home(tree, data, None)
    tree.publish()
    return Site.objects.create(
        hostname=hostname, port=port, root_page=home, site_name=data.concept.short_title, is_default_site=default
    )


def _fill_in_keys(data: ConceptData, result: ImportResult) -> None:
    """Give items without a key one made from their words, unique in the file (the same file
    therefore gives the same keys each time)."""
    items = [item for _path, item in keyed_items(data)]
    taken = {item.key for item in items if item.key}
    for item in items:
        if not item.key:
            item.key = make_key(getattr(item, "text", None) or item.title, taken)
            result.new_keys.append(item.key)


def _home(tree: _Tree, data: ConceptData, site: Site | None) -> HomePage:
    """The site's start page, or a new one below the tree root for a site without a concept."""
    meta = data.concept
    values = {
        "title": meta.title,
        "short_title": meta.short_title,
        "county": meta.county,
        "motto": meta.motto,
        "intro": paragraphs(meta.summary),
        "decided_on": meta.decided_on,
        "decided_by": meta.decided_by,
    }
    root_page = site.root_page.specific if site else None
    if isinstance(root_page, HomePage):
        home = root_page
        tree.assign(home, values)
    else:
        root = Page.get_first_root_node()
        taken = set(Page.objects.child_of(root).values_list("slug", flat=True))
        slug = HOME_SLUG if HOME_SLUG not in taken else slugify(f"{meta.short_title} {meta.county}")
        home = tree.page(root, HomePage, slug, **values)
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


def _places_by_key(data: ConceptData, site: Site) -> dict:
    """The places the examples name, by AGS; they must have been loaded (import_places) first."""
    examples = [e for a in _approaches(data) for m in a.measures for e in m.projects + m.ideas]
    keys = {key for example in examples for key in example.places}
    found = {p.ags: p for p in Place.objects.filter(site=site, ags__in=keys)}
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


def _move_measures(tree: _Tree, home: HomePage, approaches: list) -> None:
    """Measures the file puts under another approach move there with their primary key; the
    approach they leave gets a new revision without them."""
    target = {m.key: page for a, page in approaches for m in a.measures}
    pages = {page.pk: page for _a, page in approaches}
    for measure in Measure.objects.filter(approach__path__startswith=home.path, key__in=target):
        new = target[measure.key]
        if measure.approach_id != new.pk:
            Measure.objects.filter(pk=measure.pk).update(approach=new)
            old = pages.get(measure.approach_id) or ApproachPage.objects.get(pk=measure.approach_id)
            tree.dirty[old.pk] = old
            tree.dirty[new.pk] = new


def _sync_examples(
    home: HomePage, approaches: list, result: ImportResult, themes: dict, places: dict, note: str = ""
) -> None:
    """Projects and ideas, matched by key across the whole concept; those the file lacks go."""
    measures = dict(Measure.objects.filter(approach__path__startswith=home.path).values_list("key", "pk"))
    existing = {p.key: p for p in Project.objects.filter(approach__path__startswith=home.path)}
    wanted: set[str] = set()
    for a, page in approaches:
        order = 0
        for m in a.measures:
            for kind, items in ((Project.Kind.RUNNING, m.projects), (Project.Kind.IDEA, m.ideas)):
                for item in items:
                    values = {
                        "key": item.key,
                        "kind": kind,
                        "title": item.title,
                        "url": item.url or "",
                        "url_source": item.url_source or "",
                        "kind_inferred": item.kind_inferred,
                        "description": item.description,
                        "approach_id": page.pk,
                        "measure_id": measures[m.key],
                        "sort_order": order,
                        "live": True,
                        "latitude": _decimal(item.latitude),
                        "longitude": _decimal(item.longitude),
                        "themes": [themes[t] for t in item.themes],
                        "places": [places[key] for key in item.places],
                    }
                    order += 1
                    wanted.add(item.key)
                    project = existing.get(item.key) or Project()
                    if project.pk and _matches(project, values):
                        continue
                    if project.pk and _matches(project, {k: v for k, v in values.items() if k != "sort_order"}):
                        # Only its position among its neighbours changed: no new version of its content.
                        Project.objects.filter(pk=project.pk).update(sort_order=values["sort_order"])
                        continue
                    for name, value in values.items():
                        setattr(project, name, value)
                    project.change_note = note
                    project.save()
                    project.save_revision().publish()
                    result.examples_written += 1
    for key, surplus in existing.items():
        if key not in wanted:
            surplus.delete()


def _decimal(value: float | None) -> Decimal | None:
    return None if value is None else Decimal(str(value)).quantize(Decimal("0.00001"))


def _point_site(site: Site, home: HomePage) -> None:
    """Point the site at the concept. The default site takes its address from KEK_BASE_URL when it
    first gets a concept; Wagtail's empty welcome page it pointed at before goes."""
    if site.root_page_id == home.pk:
        return
    placeholder = site.root_page
    if site.is_default_site:
        site.hostname, site.port = base_address()
    site.root_page = home
    site.site_name = site.site_name or home.short_title
    site.save()
    if placeholder.specific_class is Page and not placeholder.get_children().exists():
        placeholder.delete()
