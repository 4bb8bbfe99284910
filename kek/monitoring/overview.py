"""Counting the loaded items: per level and status, coverage, themes per field. Pure functions over
`Item`s, so the numbers on the page are exactly those of the list below them."""

from collections import Counter
from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from .items import Item, Tree
from .status import MEASURE
from .vocabulary import PHASE_OF, Phase, Status

MEASURES, PROJECTS = "measures", "projects"  # the two groups counted apart: measures, projects and ideas


def group_of(item: Item) -> str:
    return MEASURES if item.kind == MEASURE else PROJECTS


@dataclass
class Tally:
    """How many items are in each status (and so in each phase)."""

    by_status: Counter = field(default_factory=Counter)

    def add(self, item: Item) -> None:
        self.by_status[item.state.status] += 1

    @property
    def total(self) -> int:
        return sum(self.by_status.values())

    @property
    def statuses(self) -> list[tuple[str, str, int]]:
        """(status, label, count) for every status, in the vocabulary's order."""
        return [(value, label, self.by_status.get(value, 0)) for value, label in Status.choices]

    @property
    def present(self) -> list[tuple[str, str, int]]:
        return [row for row in self.statuses if row[2]]

    @property
    def phases(self) -> list[tuple[str, str, int]]:
        counts = Counter()
        for status, count in self.by_status.items():
            counts[PHASE_OF[status]] += count
        return [(value, label, counts.get(value, 0)) for value, label in Phase.choices]

    @property
    def segments(self) -> list[dict]:
        """The bar: one segment per phase with items, x and width in per cent of the whole, as
        strings (a German locale would write a decimal comma into the SVG)."""
        total, x, segments = self.total, 0.0, []
        for value, label, count in self.phases:
            if count:
                width = 100 * count / total
                segments.append(
                    {"phase": value, "label": label, "count": count, "x": f"{x:.3f}", "width": f"{width:.3f}"}
                )
                x += width
        return segments


@dataclass
class Node:
    """A level of the concept (Handlungsfeld, Ziel, Teilziel) with the tallies of what lies below it."""

    page: Page
    level: str
    tallies: dict[str, Tally] = field(default_factory=lambda: {MEASURES: Tally(), PROJECTS: Tally()})
    children: list["Node"] = field(default_factory=list)

    def walk(self):
        yield self
        for child in self.children:
            yield from child.walk()


def totals(items: list[Item]) -> dict[str, Tally]:
    tallies = {MEASURES: Tally(), PROJECTS: Tally()}
    for item in items:
        tallies[group_of(item)].add(item)
    return tallies


def level_tree(tree: Tree, items: list[Item], levels: dict[int, str]) -> list[Node]:
    """Fields → goals → sub-goals (by depth, `levels` naming each), each with the tallies below it."""
    nodes: dict[str, Node] = {}
    roots: list[Node] = []
    for path, page in tree.by_path.items():  # in tree order
        if page.depth not in levels:
            continue
        node = Node(page, levels[page.depth])
        nodes[path] = node
        parent = nodes.get(path[: -Page.steplen])
        (parent.children if parent else roots).append(node)
    for item in items:
        for page in (item.field, item.goal, item.sub_goal):
            if page is not None and page.path in nodes:
                nodes[page.path].tallies[group_of(item)].add(item)
    return roots


def without_work_under_way(tree: Tree, items: list[Item], depths: tuple[int, ...]) -> list[Page]:
    """Pages at `depths` (Teilziele, Handlungsansätze) below which no project or idea is under way."""
    busy = set()
    for item in items:
        if item.kind != MEASURE and item.state.under_way:
            busy.update(p.path for p in (item.sub_goal, item.approach) if p is not None)
    return [p for p in tree.by_path.values() if p.depth in depths and p.path not in busy]


@dataclass
class ThemeRow:
    theme: Page
    cells: list[tuple[int, int]]  # per field: (items tagged, of which under way)

    @property
    def total(self) -> tuple[int, int]:
        return sum(c[0] for c in self.cells), sum(c[1] for c in self.cells)


def theme_coverage(themes: list[Page], fields: list[Page], items: list[Item]) -> list[ThemeRow]:
    """For each cross-cutting theme and field: how many items carry the theme, and how many of
    them are under way."""
    tagged: Counter = Counter()
    busy: Counter = Counter()
    for item in items:
        if item.field is None:
            continue
        for theme in item.themes:
            tagged[theme.pk, item.field.pk] += 1
            busy[theme.pk, item.field.pk] += item.state.under_way
    return [ThemeRow(t, [(tagged[t.pk, f.pk], busy[t.pk, f.pk]) for f in fields]) for t in themes]


GROUP_LABELS = {MEASURES: _("Maßnahmen"), PROJECTS: _("Projekte und Ideen")}


def used_statuses(tallies: dict[str, Tally]) -> list[tuple[str, str]]:
    """The statuses that occur anywhere in the concept, in the vocabulary's order (table columns)."""
    used = {status for tally in tallies.values() for status, count in tally.by_status.items() if count}
    return [(value, label) for value, label in Status.choices if value in used]


def status_rows(root: Node, columns: list[tuple[str, str]]) -> list[dict]:
    """The table of one field: for the field, each goal and each sub-goal a row per group."""
    rows = []
    for node in root.walk():
        for group, label in GROUP_LABELS.items():
            tally = node.tallies[group]
            rows.append(
                {
                    "node": node,
                    "group": label,
                    "counts": [tally.by_status.get(value, 0) for value, _label in columns],
                    "total": tally.total,
                }
            )
    return rows
