"""Search the index: match stems, rank, narrow by facets, count facet values."""

import re
from dataclasses import dataclass, field

from django.db.models import Q
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from . import text
from .models import SearchEntry

FACETS = ("art", "feld", "ziel", "thema", "teilraum")  # URL parameters, German like the URLs


@dataclass
class Hit:
    entry: SearchEntry
    score: float
    snippet: SafeString


@dataclass
class Result:
    query: str
    stems: list[str]
    hits: list[Hit] = field(default_factory=list)
    total: int = 0
    counts: dict[str, dict[str, int]] = field(default_factory=dict)


def _condition(stem: str) -> Q:
    return Q(terms__contains=stem) if len(stem) >= text.MIN_INFIX else Q(terms__contains=" " + stem)


def _score(entry: SearchEntry, stems: list[str]) -> float:
    """Title matches count most, whole-word matches more than parts of words; long texts are
    not favoured just for being long. str.count keeps this fast for thousands of entries."""
    score = 0.0
    for s in stems:
        score += 4 * entry.title_terms.count(f" {s} ") + 2 * entry.title_terms.count(s)
        score += entry.terms.count(s) / (1 + len(entry.terms) / 400)
    return score


def _facet_values(entry: SearchEntry, themes: dict, regions: dict) -> dict[str, set[str]]:
    return {
        "art": {entry.kind},
        "feld": {entry.field_slug} if entry.field_slug else set(),
        "ziel": {str(entry.goal_id)} if entry.goal_id else set(),
        "thema": themes.get(entry.pk, set()),
        "teilraum": regions.get(entry.pk, set()),
    }


def search(query: str, filters: dict[str, str]) -> Result:
    stems = text.query_stems(query)
    result = Result(query=query, stems=stems)
    if not stems:
        return result
    matched = SearchEntry.objects.all()
    for s in stems:
        matched = matched.filter(_condition(s))
    entries = list(matched)
    themes: dict[int, set[str]] = {}
    for entry_id, slug in SearchEntry.themes.through.objects.filter(searchentry__in=matched).values_list(
        "searchentry_id", "crosscuttingthemepage__slug"
    ):
        themes.setdefault(entry_id, set()).add(slug)
    regions: dict[int, set[str]] = {}
    for entry_id, slug in SearchEntry.sub_regions.through.objects.filter(searchentry__in=matched).values_list(
        "searchentry_id", "subregionpage__slug"
    ):
        regions.setdefault(entry_id, set()).add(slug)
    values = {e.pk: _facet_values(e, themes, regions) for e in entries}
    active = {k: v for k, v in filters.items() if k in FACETS and v}

    def passes(entry: SearchEntry, skip: str | None = None) -> bool:
        return all(v in values[entry.pk][k] for k, v in active.items() if k != skip)

    # Each facet counts what the other active filters leave, so choosing stays possible.
    for facet in FACETS:
        counts: dict[str, int] = {}
        for entry in entries:
            if passes(entry, skip=facet):
                for value in values[entry.pk][facet]:
                    counts[value] = counts.get(value, 0) + 1
        result.counts[facet] = counts
    kept = [e for e in entries if passes(e)]
    ranked = sorted(kept, key=lambda e: (-_score(e, stems), e.order))
    result.total = len(ranked)
    result.hits = [Hit(e, _score(e, stems), mark_safe("")) for e in ranked]
    return result


_TOKEN = re.compile(r"(\w+)")
_PLAIN = str.maketrans("äöü", "aou")


def _is_hit(word: str, stems: list[str]) -> bool:
    folded = text.fold(word)
    plain = folded.translate(_PLAIN).replace("ae", "a").replace("oe", "o").replace("ue", "u")
    if not any(s[:3] in plain for s in stems):  # cheap test first; stemming is the costly part
        return False
    return any(text.matches(s, text.stem(folded)) for s in stems)


def highlight(entry: SearchEntry, stems: list[str], width: int = 200) -> SafeString:
    """The entry's text around its first match, matches in <mark>; everything else escaped."""
    parts = _TOKEN.split(entry.body)  # odd positions are words
    hits = [i % 2 == 1 and _is_hit(part, stems) for i, part in enumerate(parts)]
    if not any(hits):
        parts = _TOKEN.split(entry.title)
        hits = [i % 2 == 1 and _is_hit(part, stems) for i, part in enumerate(parts)]
    offsets, position = [], 0
    for part in parts:
        offsets.append(position)
        position += len(part)
    first = next((offsets[i] for i, hit in enumerate(hits) if hit), 0)
    start = max(0, first - width // 3)
    end = start + width
    out = [
        f"<mark>{escape(part)}</mark>" if hit else escape(part)
        for part, hit, offset in zip(parts, hits, offsets, strict=True)
        if offset + len(part) > start and offset < end
    ]
    prefix = "… " if start > 0 else ""
    suffix = " …" if end < position else ""
    return mark_safe(prefix + "".join(out).strip() + suffix)  # noqa: S308 - every part escaped
