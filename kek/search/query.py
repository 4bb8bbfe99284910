"""Search the index: match stems, rank, narrow by facets, count facet values."""

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property
from itertools import chain
from typing import NamedTuple

from django.db.models import Q, Value
from django.db.models.functions import Length, Replace
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from wagtail.models import Site

from . import facets, text
from .models import SearchEntry
from .vocabulary import Alternative, alternatives, synonym_groups


@dataclass
class Hit:
    entry: SearchEntry
    score: float
    snippet: SafeString = field(default_factory=SafeString)


class Row(NamedTuple):
    """What ranking and facets need; whole entries are loaded only for the page shown. The long
    text is not fetched: the database counts each stem's occurrences in it (`occurrences`)."""

    pk: int
    kind: str
    field_slug: str
    goal_id: int | None
    order: int
    title_terms: str
    facets: dict
    length: int
    occurrences: tuple[int, ...]


@dataclass
class Result:
    query: str
    stems: list[str]
    ranked: list[tuple[int, float]] = field(default_factory=list)  # (entry id, score), best first
    counts: dict[str, dict[str, int]] = field(default_factory=dict)
    matched_stems: list[str] = field(default_factory=list)  # the query's stems and their synonyms'

    @property
    def total(self) -> int:
        return len(self.ranked)

    def hits_for(self, ranked: list[tuple[int, float]]) -> list[Hit]:
        entries = SearchEntry.objects.in_bulk([pk for pk, _score in ranked])
        return [Hit(entries[pk], score) for pk, score in ranked]

    @cached_property
    def hits(self) -> list[Hit]:
        return self.hits_for(self.ranked)


def _condition(stem: str) -> Q:
    return Q(terms__contains=stem) if len(stem) >= text.MIN_INFIX else Q(terms__contains=" " + stem)


def _either(options: list[Alternative]) -> Q:
    """An entry matches a query word if it holds every stem of one of the word's alternatives."""
    condition = Q(pk__in=[])
    for option in options:
        every = Q()
        for stem in option:
            every &= _condition(stem)
        condition |= every
    return condition


def _score(row: Row, options: list[list[Alternative]]) -> float:
    """Title matches count most, whole-word matches more than parts of words; long texts are
    not favoured just for being long. A synonym in the title counts like the word itself."""
    score = 0.0
    for word_options, occurrences in zip(options, row.occurrences, strict=True):
        for option in word_options:
            s = option[0]
            score += 4 * row.title_terms.count(f" {s} ") + 2 * row.title_terms.count(s)
        score += occurrences / (1 + row.length / 400)
    return score


def _occurrences(stem: str):
    """How often `stem` occurs in the entry's text, counted by the database (same on all)."""
    return (Length("terms") - Length(Replace("terms", Value(stem), Value("")))) / len(stem)


def search(query: str, filters: dict[str, str], site: Site | None, synonyms: list[list[str]] | None = None) -> Result:
    """Entries of `site` that hold every stem of `query` (or a synonym of it), ranked, with facet
    counts. `synonyms`: the site's synonym groups, if the caller has them already."""
    stems = text.query_stems(query)
    result = Result(query=query, stems=stems)
    if not stems:
        return result
    options = alternatives(stems, synonym_groups(site) if synonyms is None else synonyms)
    result.matched_stems = list(dict.fromkeys(stem for word in options for option in word for stem in option))
    matched = SearchEntry.objects.filter(site=site)
    for word_options in options:
        matched = matched.filter(_either(word_options))
    counted = matched.annotate(
        length=Length("terms"),
        # The body counts the word as typed only: counting every synonym multiplies the database's work.
        **{f"occurrences_{i}": _occurrences(word[0][0]) for i, word in enumerate(options)},
    )
    columns = ["pk", "kind", "field_slug", "goal_id", "order", "title_terms", "facets", "length"]
    rows = [
        Row(*values[:8], occurrences=tuple(values[8:]))
        for values in counted.values_list(*columns, *(f"occurrences_{i}" for i in range(len(stems))))
    ]
    value_of = {
        "art": lambda row: (row.kind,),
        "feld": lambda row: (row.field_slug,) if row.field_slug else (),
        "ziel": lambda row: (str(row.goal_id),) if row.goal_id else (),
        "thema": lambda row: row.facets.get("thema", ()),
        "teilraum": lambda row: row.facets.get("teilraum", ()),
    }
    all_facets = facets.all_keys()
    for key in all_facets[len(facets.BASE) :]:
        value_of[key] = lambda row, key=key: (row.facets[key],) if key in row.facets else ()
    active = {k: v for k, v in filters.items() if k in all_facets and v}
    values = {facet: [value_of[facet](row) for row in rows] for facet in all_facets}  # once per row and facet
    fits = {k: [v in row_values for row_values in values[k]] for k, v in active.items()}

    def passes(i: int, skip: str | None = None) -> bool:
        return all(fit[i] for k, fit in fits.items() if k != skip)

    # Each facet counts what the other active filters leave, so choosing stays possible.
    for facet in all_facets:
        others = [fit for k, fit in fits.items() if k != facet]
        kept = values[facet] if not others else [v for v, *ok in zip(values[facet], *others, strict=True) if all(ok)]
        result.counts[facet] = dict(Counter(chain.from_iterable(kept)))
    scored = [(row, _score(row, options)) for i, row in enumerate(rows) if not fits or passes(i)]
    scored.sort(key=lambda pair: (-pair[1], pair[0].order))
    result.ranked = [(row.pk, score) for row, score in scored]
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
    first = next((i for i in range(1, len(parts), 2) if _is_hit(parts[i], stems)), None)
    if first is None:
        parts = _TOKEN.split(entry.title)
        first = 0
    offsets, position = [], 0
    for part in parts:
        offsets.append(position)
        position += len(part)
    start = max(0, offsets[first] - width // 3) if parts else 0
    end = start + width
    out = []
    for i, (part, offset) in enumerate(zip(parts, offsets, strict=True)):
        if offset + len(part) <= start or offset >= end:
            continue
        hit = i % 2 == 1 and _is_hit(part, stems)
        out.append(f"<mark>{escape(part)}</mark>" if hit else escape(part))
    prefix = "… " if start > 0 else ""
    suffix = " …" if end < position else ""
    return mark_safe(prefix + "".join(out).strip() + suffix)  # noqa: S308 - every part escaped
