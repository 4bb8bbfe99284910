"""The search page (/suche/) and suggestions for the search field."""

from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe
from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.models import Page, Site
from wagtail.search.utils import normalise_query_string

from kek.places.models import SubRegionPage
from kek.plan.models import CrossCuttingThemePage, FieldOfActionPage, StrategicGoalPage

from . import facets, text
from .models import SearchEntry
from .query import highlight, search
from .vocabulary import applied_synonyms, did_you_mean, synonym_groups

FEW = 5  # with fewer hits the page suggests a spelling from the index's own words

PER_PAGE = 20


def _facet_options(counts: dict[str, dict[str, int]], site: Site) -> list[dict]:
    """Facet names and values in the concept's order, with counts; values without hits left out."""

    models = {
        "feld": FieldOfActionPage,
        "ziel": StrategicGoalPage,
        "thema": CrossCuttingThemePage,
        "teilraum": SubRegionPage,
    }
    types = {ContentType.objects.get_for_model(model).pk: key for key, model in models.items()}
    # One query for the four kinds of page, in the concept's order (a search's queries are counted).
    pages = Page.objects.live().descendant_of(site.root_page).filter(content_type_id__in=types)
    labels: dict[str, list[tuple[str, str]]] = {"art": [(k, str(label)) for k, label in SearchEntry.Kind.choices]}
    labels |= {key: [] for key in models}
    for pk, slug, title, content_type in pages.values_list("pk", "slug", "title", "content_type_id"):
        key = types[content_type]
        labels[key].append((str(pk) if key == "ziel" else slug, title))
    names = {
        "art": "Art",
        "feld": "Handlungsfeld",
        "ziel": "Strategisches Ziel",
        "thema": "Querschnittsthema",
        "teilraum": "Teilraum",
    }
    editorial = {"thema": "themen", "teilraum": "teilraeume"}  # assignments the Redaktion added
    for facet in facets.extra():
        labels[facet["key"]] = [(value, str(label)) for value, label in facet["labels"]]
        names[facet["key"]] = str(facet["name"])
        editorial[facet["key"]] = facet.get("editorial", "")
    return [
        {
            "key": key,
            "name": names[key],
            "editorial": editorial.get(key, ""),
            "values": [(value, label, counts[key][value]) for value, label in labels[key] if counts[key].get(value)],
        }
        for key in names
    ]


@require_safe
def results(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "").strip()[:200]
    filters = {key: request.GET.get(key, "")[:100] for key in facets.all_keys()}
    site = Site.find_for_request(request)
    synonyms = synonym_groups(site)
    result = search(query, filters, site, synonyms)
    page = Paginator(result.ranked, PER_PAGE).get_page(request.GET.get("seite"))
    page.object_list = result.hits_for(list(page.object_list))
    for hit in page.object_list:
        hit.snippet = highlight(hit.entry, result.matched_stems)
    suggestion = None
    if result.stems and result.total < FEW:
        candidate = did_you_mean(query, site)
        # Only a spelling that finds something, and no less than what was typed ("rufbuss" → "Rufbusse").
        if candidate and search(candidate, filters, site, synonyms).total >= max(result.total, 1):
            suggestion = candidate
    context = {
        "query": query,
        "result": result,
        "page_obj": page,
        "filters": {k: v for k, v in filters.items() if v},
        "facets": _facet_options(result.counts, site) if result.stems else [],
        "too_short": bool(query) and not result.stems,
        "suggestion": suggestion,
        "synonyms": applied_synonyms(query, synonyms) if result.stems else [],
        "promotions": _promotions(query, site) if query and page.number == 1 else [],
    }
    status = 200
    return render(request, "search/results.html", context, status=status)


def _promotions(query: str, site: Site) -> list[SearchPromotion]:
    """Pages the Redaktion pinned for this query (Wagtail's promoted search results), of this site
    only. Looked up, never created: a search writes nothing."""
    picks = SearchPromotion.objects.filter(query__query_string=normalise_query_string(query))
    picks = picks.filter(page__path__startswith=site.root_page.path, page__live=True).select_related("page")
    return list(picks.order_by("sort_order"))


@require_safe
def suggestions(request: HttpRequest) -> JsonResponse:
    """Titles that start like what is being typed: an enhancement for the search field."""
    words = text.words(request.GET.get("q", "")[:100])
    if not words or len(words[-1]) < 3:
        return JsonResponse({"suggestions": []})
    stem = text.stem(words[-1])
    titles = SearchEntry.objects.filter(site=Site.find_for_request(request), title_terms__contains=" " + stem)
    titles = titles.exclude(kind=SearchEntry.Kind.MEASURE)
    return JsonResponse({"suggestions": list(titles.values_list("title", flat=True)[:8])})
