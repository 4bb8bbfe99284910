"""Write the concept from the database in the content-file format (docs/content-format.md).

The counterpart of importer.py: export → import into an empty database → export gives the same
text, so a county can move or archive its concept without losing anything.
"""

import re
from html import unescape

import yaml
from wagtail.models import Page, Site

from kek.history.models import EditorialCorrection
from kek.places.models import SubRegionPage
from kek.plan.models import (
    AboutPage,
    ApproachPage,
    CrossCuttingThemePage,
    FieldOfActionPage,
    HomePage,
    Project,
    StrategicGoalPage,
    SubGoalPage,
)

from .content_file import ConceptData

_LINK = re.compile(r'<a linktype="page" id="(\d+)">(.*?)</a>', flags=re.S)


def inline_text(html: str) -> str:
    """Rich text back to the file's markup: <b> becomes **, other tags go, entities are decoded."""
    html = re.sub(r"</?b>", "**", html)
    return unescape(re.sub(r"<[^>]+>", "", html)).strip()


def paragraphs_text(html: str) -> str:
    return "\n\n".join(inline_text(p) for p in re.findall(r"<p[^>]*>(.*?)</p>", html, flags=re.S))


def list_texts(html: str) -> list[str]:
    return [inline_text(item) for item in re.findall(r"<li[^>]*>(.*?)</li>", html, flags=re.S)]


def paragraph_list(html: str) -> list[str]:
    """The paragraphs with text: the editor leaves an empty one behind when a field is cleared."""
    return [text for text in paragraphs_text(html).split("\n\n") if text.strip()]


def _path_below(home: HomePage, page: Page) -> str:
    return page.url_path[len(home.url_path) :].strip("/")


def export_concept(site: Site) -> ConceptData:
    """The concept of `site` as the content file holds it, keys included."""
    home = site.root_page.specific
    link_targets = {p.pk: _path_below(home, p) for p in Page.objects.descendant_of(home).only("pk", "url_path")}
    examples: dict[int, list[Project]] = {}
    projects = Project.objects.public().filter(approach__path__startswith=home.path)
    for project in projects.prefetch_related("themes", "places").order_by("sort_order", "pk"):
        examples.setdefault(project.measure_id, []).append(project)
    corrections: dict[str, list[dict]] = {}
    for c in EditorialCorrection.objects.filter(site=site):
        corrections.setdefault(c.target, []).append({"decided": c.decided, "corrected": c.corrected})

    def corrected(entry: dict, target: str) -> dict:
        if target in corrections:
            entry["corrections"] = corrections[target]
        return entry

    def example(project: Project) -> dict:
        values = {
            "key": project.key,
            "title": project.title,
            "url": project.url,
            "url_source": project.url_source,
            "kind_inferred": project.kind_inferred,
            "description": project.description,
            "themes": [t.slug for t in project.themes.all()],
            "places": sorted(p.ags for p in project.places.all()),
            "latitude": float(project.latitude) if project.latitude is not None else None,
            "longitude": float(project.longitude) if project.longitude is not None else None,
        }
        values = {key: value for key, value in values.items() if value not in ("", [], None, False)}
        return corrected(values, f"key:{project.key}")

    def measure(m) -> dict:
        links = {unescape(phrase): link_targets[int(pk)] for pk, phrase in _LINK.findall(m.text)}
        entry: dict = {"key": m.key, "text": inline_text(m.text)}
        themes = [t.slug for t in m.themes.all()]
        if themes:
            entry["themes"] = themes
        for key, kind in (("projects", Project.Kind.RUNNING), ("ideas", Project.Kind.IDEA)):
            items = [example(p) for p in examples.get(m.pk, []) if p.kind == kind]
            if items:
                entry[key] = items
        if links:
            entry["links"] = links
        return corrected(entry, f"key:{m.key}")

    def approach(page: ApproachPage) -> dict:
        measures = page.measures.prefetch_related("themes")
        entry = {"slug": page.slug, "title": page.title}
        if page.legal_framework:
            entry["legal_framework"] = list_texts(page.legal_framework)
        if notes := paragraph_list(page.notes):
            entry["notes"] = notes
        entry["measures"] = [measure(m) for m in measures]
        return corrected(entry, _path_below(home, page))

    def sub_goal(page: SubGoalPage) -> dict:
        entry = {"slug": page.slug, "title": page.title}
        if page.legal_framework:
            entry["legal_framework"] = list_texts(page.legal_framework)
        if footnotes := paragraph_list(page.footnotes):
            entry["footnotes"] = footnotes
        entry["approaches"] = [approach(a) for a in ApproachPage.objects.child_of(page).live()]
        return corrected(entry, _path_below(home, page))

    def goal(page: StrategicGoalPage) -> dict:
        children = SubGoalPage.objects.child_of(page).live()
        return {"slug": page.slug, "title": page.title, "sub_goals": [sub_goal(s) for s in children]}

    def field(page: FieldOfActionPage) -> dict:
        focus = {
            f.sub_region.slug: paragraphs_text(f.text)
            for f in page.regional_focus.select_related("sub_region")
            if f.sub_region
        }
        entry = {"slug": page.slug, "title": page.title, "topics": page.topic_list}
        if page.easy_language_summary:
            entry["easy_language"] = paragraphs_text(page.easy_language_summary)
        entry["situation"] = {
            key: list_texts(getattr(page, key)) for key in ("strengths", "weaknesses", "opportunities", "risks")
        }
        entry["regional_focus"] = focus
        entry["goals"] = [goal(g) for g in StrategicGoalPage.objects.child_of(page).live()]
        return corrected(entry, _path_below(home, page))

    about = AboutPage.objects.child_of(home).first()
    data = {
        "concept": {
            "title": home.title,
            "short_title": home.short_title,
            "county": home.county,
            "decided_on": home.decided_on,
            "decided_by": home.decided_by,
            "motto": home.motto,
            "summary": paragraphs_text(home.intro),
            "intro": paragraphs_text(about.body) if about else "",
        },
        "sub_regions": [
            {"slug": r.slug, "title": r.title, **({"intro": paragraphs_text(r.intro)} if r.intro else {})}
            for r in SubRegionPage.objects.live().descendant_of(home)
        ],
        "cross_cutting_themes": [
            {"slug": t.slug, "title": t.title, "text": paragraphs_text(t.text)}
            for t in CrossCuttingThemePage.objects.live().descendant_of(home)
        ],
        "fields": [field(f) for f in FieldOfActionPage.objects.child_of(home).live()],
        "contacts": [
            {
                key: value
                for key, value in {
                    "role": c.role,
                    "organisation": c.organisation,
                    "unit": c.unit,
                    "people": c.people_list,
                    "address": c.address,
                    "phone": c.phone,
                    "fax": c.fax,
                    "email": c.email,
                    "url": c.url,
                }.items()
                if value
            }
            for c in home.contacts.all()
        ],
    }
    return ConceptData.model_validate(data)


class _Dumper(yaml.SafeDumper):
    """Multi-line texts as readable `|` blocks, everything else plain."""


def _str(dumper: yaml.SafeDumper, value: str):
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style="|" if "\n" in value else None)


_Dumper.add_representer(str, _str)


def to_yaml(data: ConceptData) -> str:
    content = data.model_dump(mode="python", exclude_defaults=True)
    header = "# Kreisentwicklungskonzept – exportiert aus KEK-Portal. Format: docs/content-format.md\n"
    return header + yaml.dump(content, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=10_000)
