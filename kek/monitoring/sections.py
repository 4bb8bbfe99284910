"""What the routes of the monitoring sections show. Each loads the items it needs once
(items.load_items, a fixed number of queries) and counts or filters them in Python."""

from collections import Counter
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse
from wagtail.models import Page

from kek.places.models import SubRegionPage
from kek.plan.models import ApproachPage, FieldOfActionPage, SubGoalPage
from kek.plan.tree import FIELD_DEPTH

from . import overview as counting
from .filters import ItemFilterForm
from .items import NONE, Concept, Item, ItemKind, load_items, load_tree, themes_of
from .status import MEASURE, current_state
from .vocabulary import DEFINITIONS, PHASE_OF, Phase, Status

PER_PAGE = 50
LEVELS = {FIELD_DEPTH: "field", FIELD_DEPTH + 1: "goal", FIELD_DEPTH + 2: "sub_goal"}


def _concept(concept: Concept | None) -> Concept:
    if concept is None:  # a section page outside a concept (not created by setup_site)
        raise Http404
    return concept


def overview(page: Page, request: HttpRequest, concept: Concept | None) -> HttpResponse:
    concept = _concept(concept)
    tree = load_tree(concept.home)
    items = load_items(concept, request, tree=tree)
    fields = tree.of_type(FieldOfActionPage)
    totals = counting.totals(items)
    columns = counting.used_statuses(totals)
    nodes = counting.level_tree(tree, items, LEVELS)
    by_kind = Counter((item.state.status, item.kind) for item in items)
    context = {
        "concept": concept,
        "totals": totals,
        "overall": [
            {"status": value, "label": label, "counts": [by_kind[value, kind] for kind, _k in ItemKind.choices]}
            for value, label in Status.choices
        ],
        "kinds": ItemKind.choices,
        "kind_totals": [sum(by_kind[s, kind] for s, _l in Status.choices) for kind, _k in ItemKind.choices],
        "columns": columns,
        "tables": [{"node": root, "rows": counting.status_rows(root, columns)} for root in nodes],
        "gaps_sub_goals": counting.without_work_under_way(tree, items, (FIELD_DEPTH + 2,)),
        "gaps_approaches": counting.without_work_under_way(tree, items, (FIELD_DEPTH + 3,)),
        "sub_goal_count": len(tree.of_type(SubGoalPage)),
        "approach_count": len(tree.of_type(ApproachPage)),
        "fields": fields,
        "theme_rows": counting.theme_coverage(themes_of(concept), fields, items),
        "yearly_overdue": sum(item.timeliness.yearly_overdue for item in items),
        "phases": Phase.choices,
        # pages below the section that apps above add (kek/publications: the implementation reports)
        "subsections": Page.objects.child_of(page).live().only("id", "title", "url_path", "path", "depth"),
        "recent": sorted((i for i in items if not i.state.derived), key=lambda i: i.state.since, reverse=True)[:10],
    }
    return page.render(request, context_overrides=context)


def item_list(page: Page, request: HttpRequest, concept: Concept | None) -> HttpResponse:
    concept = _concept(concept)
    tree = load_tree(concept.home)
    regions = list(SubRegionPage.objects.live().descendant_of(concept.home).only("id", "title", "slug"))
    form = ItemFilterForm(
        request.GET,
        concept=concept,
        fields=tree.of_type(FieldOfActionPage),
        regions=regions,
        themes=themes_of(concept),
    )
    context = {"concept": concept, "form": form}
    if not form.is_valid():
        response = page.render(request, template="monitoring/item_list.html", context_overrides=context)
        response.status_code = 400
        return response
    items = form.apply(load_items(concept, request, tree=tree))
    paginator = Paginator(items, PER_PAGE)
    kept = form.active | ({"sortierung": sorting} if (sorting := form.cleaned_data.get("sortierung")) else {})
    context |= {
        "page_obj": paginator.get_page(request.GET.get("seite")),
        "total": len(items),
        "query": urlencode(kept) + "&" if kept else "",  # the filters stay in every page's URL
    }
    return page.render(request, template="monitoring/item_list.html", context_overrides=context)


def vocabulary(page: Page, request: HttpRequest) -> HttpResponse:
    statuses = [
        {"value": value, "label": label, "definition": DEFINITIONS[Status(value)], "phase": PHASE_OF[value]}
        for value, label in Status.choices
    ]
    phases = [(value, label, [s for s in statuses if s["phase"] == value]) for value, label in Phase.choices]
    return page.render(request, template="monitoring/vocabulary.html", context_overrides={"phases": phases})


def measure(page: Page, request: HttpRequest, concept: Concept | None, key: str) -> HttpResponse:
    concept = _concept(concept)
    items = load_items(concept, request, measures=Q(key=key), projects=Q(measure__key=key))
    item = next((i for i in items if i.kind == MEASURE), None)
    if item is None:
        raise Http404
    return _detail(page, request, concept, item, examples=[i for i in items if i.kind != MEASURE])


def project(page: Page, request: HttpRequest, concept: Concept | None, key: str) -> HttpResponse:
    concept = _concept(concept)
    items = load_items(concept, request, measures=Q(projects__key=key), projects=Q(key=key))
    item = next((i for i in items if i.kind != MEASURE), None)
    if item is None:
        raise Http404
    measure_item = next((i for i in items if i.kind == MEASURE), None)
    return _detail(page, request, concept, item, examples=[], measure_item=measure_item)


def _detail(page, request, concept: Concept, item: Item, examples: list[Item], measure_item=None) -> HttpResponse:
    context = {
        "concept": concept,
        "item": item,
        "measure": measure_item,
        "examples": examples,
        "entries": list(reversed(item.entries)),  # newest first
        "start": current_state(item.kind, item.obj, [], concept.dates),
        "definition": DEFINITIONS[Status(item.state.status)],
        "places_url": concept.places_url,
    }
    return page.render(request, template="monitoring/item_page.html", context_overrides=context)


def project_index(page: Page, request: HttpRequest, concept: Concept | None) -> HttpResponse:
    concept = _concept(concept)
    tree = load_tree(concept.home)
    items = load_items(concept, request, measures=NONE, tree=tree)
    groups = [
        {"field": f, "items": [i for i in items if i.field and i.field.pk == f.pk]}
        for f in tree.of_type(FieldOfActionPage)
    ]
    return page.render(request, context_overrides={"concept": concept, "groups": [g for g in groups if g["items"]]})
