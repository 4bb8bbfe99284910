"""Reading and validating the content file (format: docs/content-format.md).

Every problem is reported with the line it stands on, in German, so that a county editor can fix
the file without reading Python. Nothing here touches the database.
"""

import datetime
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any

import yaml
from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, ValidationError, model_validator

from kek.plan.keys import KEY_PATTERN

SLUG = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
Slug = Annotated[str, Field(pattern=SLUG, max_length=80)]
Key = Annotated[str, Field(pattern=KEY_PATTERN, max_length=60)]
Text = Annotated[str, Field(min_length=1)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


def _title_only(value: Any) -> Any:
    return {"title": value} if isinstance(value, str) else value


Url = Annotated[str, Field(pattern=r"^https?://\S+$")]


class CorrectionData(_Strict):
    """An obvious typo the editors corrected: the decided wording and the corrected one. The first
    import loads the decided wording as the decided version and publishes the correction after it
    as a dated editorial change (kek/exchange/importer.py)."""

    decided: Text
    corrected: Text


class _Correctable(_Strict):
    """An item that may carry `corrections` (declared last in each, so the export writes them last)."""

    def own_texts(self) -> list[str]:
        """The texts of this item that its corrections apply to (not those of its children)."""
        raise NotImplementedError

    def decide(self) -> None:
        """Put the decided wording back into this item's own texts."""
        raise NotImplementedError


def _undo(text: str, corrections: list[CorrectionData]) -> str:
    for c in corrections:
        text = text.replace(c.corrected, c.decided)
    return text


class ExampleData(_Correctable):
    key: Key | None = None  # given once, when the item first appears; the importer fills in missing ones
    title: Text
    url: Url | None = None
    url_source: Url | None = None  # where the link was confirmed (every link is an editorial addition)
    kind_inferred: bool = False  # the source lost the item's symbol; running/idea was inferred from context
    description: str = ""
    themes: list[Slug] = []
    places: list[Annotated[str, Field(pattern=r"^\d{8}$")]] = []  # official municipality keys (AGS)
    latitude: Annotated[float, Field(ge=-90, le=90)] | None = None
    longitude: Annotated[float, Field(ge=-180, le=180)] | None = None
    corrections: list[CorrectionData] = []

    @model_validator(mode="after")
    def source_needs_link(self) -> "ExampleData":
        if self.url_source and not self.url:
            raise ValueError("„url_source“ nennt die Quelle eines Links; ohne „url“ ist sie überflüssig.")
        return self

    def own_texts(self) -> list[str]:
        return [self.title, self.description]

    def decide(self) -> None:
        self.title = _undo(self.title, self.corrections)
        self.description = _undo(self.description, self.corrections)


Example = Annotated[ExampleData, BeforeValidator(_title_only)]


class MeasureData(_Correctable):
    key: Key | None = None
    text: Text
    themes: list[Slug] = []
    projects: list[Example] = []
    ideas: list[Example] = []
    links: dict[str, str] = {}
    corrections: list[CorrectionData] = []

    def own_texts(self) -> list[str]:
        return [self.text]

    def decide(self) -> None:
        self.text = _undo(self.text, self.corrections)


class ApproachData(_Correctable):
    slug: Slug
    title: Text
    legal_framework: list[Text] = []  # "Gesetzliche Vorgabe", where the concept names it for this approach
    notes: list[Text] = []  # lines beside it that are not legal requirements ("Aktuell: …")
    measures: list[MeasureData] = []
    corrections: list[CorrectionData] = []

    def own_texts(self) -> list[str]:
        return [self.title, *self.legal_framework, *self.notes]

    def decide(self) -> None:
        self.title = _undo(self.title, self.corrections)
        self.legal_framework = [_undo(t, self.corrections) for t in self.legal_framework]
        self.notes = [_undo(t, self.corrections) for t in self.notes]


class SubGoalData(_Correctable):
    slug: Slug
    title: Text
    legal_framework: list[Text] = []
    footnotes: list[Text] = []
    approaches: list[ApproachData] = []
    corrections: list[CorrectionData] = []

    def own_texts(self) -> list[str]:
        return [self.title, *self.legal_framework, *self.footnotes]

    def decide(self) -> None:
        self.title = _undo(self.title, self.corrections)
        self.legal_framework = [_undo(t, self.corrections) for t in self.legal_framework]
        self.footnotes = [_undo(t, self.corrections) for t in self.footnotes]


class GoalData(_Strict):
    slug: Slug
    title: Text
    sub_goals: list[SubGoalData] = []


class SituationData(_Strict):
    strengths: list[Text] = []
    weaknesses: list[Text] = []
    opportunities: list[Text] = []
    risks: list[Text] = []


class FieldData(_Correctable):
    slug: Slug
    title: Text
    topics: list[Text] = []
    easy_language: str = ""  # an editorial addition, not part of the decided text
    situation: SituationData = SituationData()
    regional_focus: dict[str, Text] = {}
    goals: list[GoalData] = []
    corrections: list[CorrectionData] = []

    def _situation_lists(self) -> list[list[str]]:
        s = self.situation
        return [s.strengths, s.weaknesses, s.opportunities, s.risks]

    def own_texts(self) -> list[str]:
        return [
            self.title,
            *self.topics,
            *(item for items in self._situation_lists() for item in items),
            *self.regional_focus.values(),
        ]

    def decide(self) -> None:
        self.title = _undo(self.title, self.corrections)
        self.topics = [_undo(t, self.corrections) for t in self.topics]
        for items in self._situation_lists():
            items[:] = [_undo(t, self.corrections) for t in items]
        self.regional_focus = {k: _undo(v, self.corrections) for k, v in self.regional_focus.items()}


class ThemeData(_Strict):
    slug: Slug
    title: Text
    text: Text


class SubRegionData(_Strict):
    slug: Slug
    title: Text
    intro: str = ""


class ContactData(_Strict):
    role: Text
    organisation: Text
    unit: str = ""
    people: list[Text] = []
    address: str = ""
    phone: str = ""
    fax: str = ""
    email: str = ""
    url: str = ""


class ConceptMeta(_Strict):
    title: Text
    short_title: Text
    county: Text
    decided_on: datetime.date
    decided_by: Text
    motto: str = ""
    summary: str = ""
    intro: str = ""


class ConceptData(_Strict):
    concept: ConceptMeta
    sub_regions: list[SubRegionData] = []
    cross_cutting_themes: list[ThemeData] = []
    fields: list[FieldData]
    contacts: list[ContactData] = []

    @model_validator(mode="after")
    def themes_in_concept_order(self) -> "ConceptData":
        """Theme tags in the order the concept lists its themes, places by their key, however typed."""
        order = {t.slug: i for i, t in enumerate(self.cross_cutting_themes)}
        for field in self.fields:
            for goal in field.goals:
                for sub_goal in goal.sub_goals:
                    for approach in sub_goal.approaches:
                        for measure in approach.measures:
                            for tagged in [measure, *measure.projects, *measure.ideas]:
                                tagged.themes.sort(key=lambda slug: order.get(slug, len(order)))
                            for example in [*measure.projects, *measure.ideas]:
                                example.places.sort()
        return self

    def correctable(self) -> list[tuple[tuple, "_Correctable"]]:
        """Every item that may carry corrections, with its location in the file."""
        items: list[tuple[tuple, _Correctable]] = []
        for f, field in enumerate(self.fields):
            items.append((("fields", f), field))
            for g, goal in enumerate(field.goals):
                for s, sub_goal in enumerate(goal.sub_goals):
                    spath = ("fields", f, "goals", g, "sub_goals", s)
                    items.append((spath, sub_goal))
                    for a, approach in enumerate(sub_goal.approaches):
                        items.append(((*spath, "approaches", a), approach))
        items += keyed_items(self)
        return items

    def as_decided(self) -> "ConceptData":
        """A copy with every editorial correction undone: the wording the Kreistag decided."""
        decided = self.model_copy(deep=True)
        for _path, item in decided.correctable():
            item.decide()
        return decided

    @property
    def has_corrections(self) -> bool:
        return any(item.corrections for _path, item in self.correctable())


@dataclass(frozen=True)
class Problem:
    line: int | None
    message: str

    def __str__(self) -> str:
        return f"Zeile {self.line}: {self.message}" if self.line else self.message


class ContentFileError(Exception):
    """The file cannot be imported; `problems` says why, line by line."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


def load(path: Path) -> ConceptData:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ContentFileError([Problem(None, f"Die Datei {path} kann nicht gelesen werden: {exc}")]) from exc
    return parse(text)


def parse(text: str) -> ConceptData:
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
        raw = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark else None
        reason = getattr(exc, "problem", None) or str(exc)
        raise ContentFileError([Problem(line, f"Die Datei ist kein gültiges YAML ({reason}).")]) from exc
    lines = _line_map(node)
    if not isinstance(raw, dict):
        raise ContentFileError([Problem(1, "Die Datei muss mit den Abschnitten „concept:“ und „fields:“ beginnen.")])
    try:
        data = ConceptData.model_validate(raw)
    except ValidationError as exc:
        raise ContentFileError(_problems_from(exc, lines)) from exc
    problems = _check_consistency(data, lines)
    if problems:
        raise ContentFileError(problems)
    return data


def _line_map(node: yaml.Node | None, path: tuple = ()) -> dict[tuple, int]:
    """Map each path of keys and list positions to the 1-based line where its value starts."""
    result: dict[tuple, int] = {}
    if node is None:
        return result
    result[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            child = (*path, key_node.value)
            result.update(_line_map(value_node, child))
            result[child] = key_node.start_mark.line + 1
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            result.update(_line_map(item, (*path, i)))
    return result


def _line_for(loc: tuple, lines: dict[tuple, int]) -> int | None:
    path: tuple = ()
    for part in loc:
        if (*path, part) in lines:
            path = (*path, part)
    return lines.get(path)


_MESSAGES = {
    "missing": "Die Pflichtangabe „{key}“ fehlt.",
    "extra_forbidden": "Die Angabe „{key}“ ist unbekannt. Bitte Schreibweise prüfen (siehe docs/content-format.md).",
    "string_type": "Hier wird ein Text erwartet.",
    "string_too_short": "Dieser Text darf nicht leer sein.",
    "string_too_long": "Dieser Text ist zu lang.",
    "list_type": "Hier wird eine Liste erwartet (Zeilen, die mit „- “ beginnen).",
    "dict_type": "Hier werden Angaben der Form „Name: Wert“ erwartet.",
    "model_type": "Hier werden Angaben der Form „Name: Wert“ erwartet.",
    "model_attributes_type": "Hier werden Angaben der Form „Name: Wert“ erwartet.",
    "date_type": "Hier wird ein Datum der Form JJJJ-MM-TT erwartet.",
    "date_parsing": "Hier wird ein Datum der Form JJJJ-MM-TT erwartet.",
    "date_from_datetime_parsing": "Hier wird ein Datum der Form JJJJ-MM-TT erwartet.",
    "float_parsing": "Hier wird eine Zahl erwartet (mit Punkt, z. B. 53.4281).",
    "less_than_equal": "Diese Zahl ist zu groß.",
    "greater_than_equal": "Diese Zahl ist zu klein.",
}


def _message(error: dict) -> str:
    loc = error["loc"]
    key = next((part for part in reversed(loc) if isinstance(part, str)), "")
    if error["type"] == "string_pattern_mismatch":
        if key == "slug":
            return "Der Kurzname (slug) darf nur Kleinbuchstaben a–z, Ziffern und einzelne Bindestriche enthalten."
        if key == "key":
            return "Der Schlüssel (key) darf nur Kleinbuchstaben a–z, Ziffern und einzelne Bindestriche enthalten."
        if key == "url":
            return "Der Link muss eine vollständige Webadresse sein, die mit http:// oder https:// beginnt."
        if key == "places":
            return "Orte werden mit ihrem achtstelligen Amtlichen Gemeindeschlüssel angegeben, z. B. 13076088."
    template = _MESSAGES.get(error["type"], "Ungültiger Wert: {msg}.")
    return template.format(key=key, msg=error.get("msg", ""))


def _problems_from(exc: ValidationError, lines: dict[tuple, int]) -> list[Problem]:
    problems = []
    for error in exc.errors():
        problem = Problem(_line_for(error["loc"], lines), _message(error))
        if problem not in problems:
            problems.append(problem)
    return problems


def _check_consistency(data: ConceptData, lines: dict[tuple, int]) -> list[Problem]:
    """What a schema cannot say: unique slugs, known sub-regions, resolvable cross-references."""
    problems: list[Problem] = []

    def unique(items: list, path: tuple, what: str) -> None:
        seen: set[str] = set()
        for i, item in enumerate(items):
            if item.slug in seen:
                problems.append(
                    Problem(
                        lines.get((*path, i, "slug")), f"Der Kurzname „{item.slug}“ kommt bei den {what} doppelt vor."
                    )
                )
            seen.add(item.slug)

    unique(data.sub_regions, ("sub_regions",), "Teilräumen")
    unique(data.cross_cutting_themes, ("cross_cutting_themes",), "Querschnittsthemen")
    unique(data.fields, ("fields",), "Handlungsfeldern")
    reserved = {"querschnittsthemen", "teilraeume", "ueber-das-kek"}
    for i, field in enumerate(data.fields):
        if field.slug in reserved:
            problems.append(
                Problem(
                    lines.get(("fields", i, "slug")),
                    f"Der Kurzname „{field.slug}“ ist für eine andere Seite reserviert.",
                )
            )
    problems += _duplicate_keys(data, lines)
    problems += _check_corrections(data, lines)
    paths = page_paths(data)
    regions = {r.slug for r in data.sub_regions}
    themes = {t.slug for t in data.cross_cutting_themes}
    for f, field in enumerate(data.fields):
        fpath = ("fields", f)
        for key in field.regional_focus:
            if key not in regions:
                problems.append(
                    Problem(
                        lines.get((*fpath, "regional_focus", key)),
                        f"Unbekannter Teilraum „{key}“. Bekannt sind: {', '.join(sorted(regions))}.",
                    )
                )
        unique(field.goals, (*fpath, "goals"), f"strategischen Zielen von „{field.title}“")
        for g, goal in enumerate(field.goals):
            gpath = (*fpath, "goals", g)
            unique(goal.sub_goals, (*gpath, "sub_goals"), f"Teilzielen von „{goal.title}“")
            for s, sub_goal in enumerate(goal.sub_goals):
                spath = (*gpath, "sub_goals", s)
                unique(sub_goal.approaches, (*spath, "approaches"), f"Handlungsansätzen von „{sub_goal.title}“")
                for a, approach in enumerate(sub_goal.approaches):
                    for m, measure in enumerate(approach.measures):
                        mpath = (*spath, "approaches", a, "measures", m)
                        tagged = [(("themes",), measure.themes)] + [
                            ((key, e, "themes"), example.themes)
                            for key in ("projects", "ideas")
                            for e, example in enumerate(getattr(measure, key))
                        ]
                        for where, slugs in tagged:
                            for slug in slugs:
                                if slug not in themes:
                                    problems.append(
                                        Problem(lines.get((*mpath, *where)), f"Unbekanntes Querschnittsthema „{slug}“.")
                                    )
                        for phrase, target in measure.links.items():
                            line = lines.get((*mpath, "links", phrase))
                            if phrase not in measure.text:
                                problems.append(
                                    Problem(line, f"Der verlinkte Text „{phrase}“ steht nicht im Text der Maßnahme.")
                                )
                            if target.strip("/") not in paths:
                                problems.append(Problem(line, f"Das Linkziel „{target}“ ist keine Seite dieser Datei."))
    return problems


def _check_corrections(data: ConceptData, lines: dict[tuple, int]) -> list[Problem]:
    """A correction must name wording that stands in its item, and change it."""
    problems = []
    for path, item in data.correctable():
        texts = item.own_texts()
        for c, correction in enumerate(item.corrections):
            line = lines.get((*path, "corrections", c))
            if correction.decided == correction.corrected:
                problems.append(Problem(line, "Beschlossener und korrigierter Wortlaut sind gleich."))
            elif not any(correction.corrected in text for text in texts):
                problems.append(
                    Problem(
                        line, f"Der korrigierte Wortlaut „{correction.corrected}“ steht nicht im Text dieses Eintrags."
                    )
                )
    return problems


def keyed_items(data: ConceptData) -> list[tuple[tuple, MeasureData | ExampleData]]:
    """Every measure, project and idea with its location in the file, in reading order."""
    items: list[tuple[tuple, MeasureData | ExampleData]] = []
    for f, field in enumerate(data.fields):
        for g, goal in enumerate(field.goals):
            for s, sub_goal in enumerate(goal.sub_goals):
                for a, approach in enumerate(sub_goal.approaches):
                    for m, measure in enumerate(approach.measures):
                        mpath = ("fields", f, "goals", g, "sub_goals", s, "approaches", a, "measures", m)
                        items.append((mpath, measure))
                        for kind in ("projects", "ideas"):
                            items += [((*mpath, kind, e), example) for e, example in enumerate(getattr(measure, kind))]
    return items


def _duplicate_keys(data: ConceptData, lines: dict[tuple, int]) -> list[Problem]:
    """A key names one item of the concept: measures, projects and ideas share one set of keys."""
    problems, first_line = [], {}
    for path, item in keyed_items(data):
        if item.key is None:
            continue
        line = lines.get((*path, "key"))
        if item.key in first_line:
            problems.append(
                Problem(
                    line,
                    f"Der Schlüssel „{item.key}“ ist schon in Zeile {first_line[item.key]} vergeben. "
                    "Jede Maßnahme, jedes Projekt und jede Idee braucht einen eigenen Schlüssel.",
                )
            )
        else:
            first_line[item.key] = line
    return problems


def correction_targets(data: ConceptData) -> list[tuple[str, "_Correctable"]]:
    """Every item that may carry corrections, named as the database keeps them: pages by their slug
    path below the start page, measures, projects and ideas by "key:<key>"."""
    targets: list[tuple[str, _Correctable]] = []
    for f in data.fields:
        targets.append((f.slug, f))
        for g in f.goals:
            for s in g.sub_goals:
                targets.append((f"{f.slug}/{g.slug}/{s.slug}", s))
                targets += [(f"{f.slug}/{g.slug}/{s.slug}/{a.slug}", a) for a in s.approaches]
    targets += [(f"key:{item.key}", item) for _path, item in keyed_items(data)]
    return targets


def page_paths(data: ConceptData) -> set[str]:
    """Slug paths below the start page of every concept page defined in the file."""
    paths: set[str] = set()
    for field in data.fields:
        paths.add(field.slug)
        for goal in field.goals:
            paths.add(f"{field.slug}/{goal.slug}")
            for sub_goal in goal.sub_goals:
                paths.add(f"{field.slug}/{goal.slug}/{sub_goal.slug}")
                for approach in sub_goal.approaches:
                    paths.add(f"{field.slug}/{goal.slug}/{sub_goal.slug}/{approach.slug}")
    return paths


def markdown_inline(text: str) -> str:
    """The file's only markup, **bold**, as HTML; everything else is escaped."""
    from django.utils.html import escape

    return re.sub(r"\*\*(.+?)\*\*", r"<b>\1</b>", escape(text))
