"""What a query means beyond its own words: the Redaktion's synonym groups, and "Meinten Sie …?"
from the index's own vocabulary. Both work on words and stems in Python, so they behave the same
on every database."""

import difflib
from collections import Counter

from django.core.cache import cache
from django.db.models import Count, Max
from wagtail.models import Site

from . import text
from .models import SearchEntry, SynonymGroup

Alternative = tuple[str, ...]  # the stems of one word or expression; all must occur

VOCABULARY_LIFETIME = 3600  # seconds; the key changes with every rebuild of the index anyway


def synonym_groups(site: Site | None) -> list[list[str]]:
    """The site's synonym groups, each as its list of words (one query)."""
    return [group.word_list for group in SynonymGroup.objects.of_site(site).only("words")]


def alternatives(stems: list[str], words: list[list[str]]) -> list[list[Alternative]]:
    """For each query stem, what it may be matched by: itself, and every word of the synonym
    groups it belongs to (a group member is one word or an expression of several)."""
    groups = [[tuple(text.query_stems(word)) for word in members] for members in words]
    result = []
    for stem in stems:
        own: list[Alternative] = [(stem,)]
        for members in groups:
            if (stem,) in members:
                own += [m for m in members if m and m not in own]
        result.append(own)
    return result


def applied_synonyms(query: str, words: list[list[str]]) -> list[tuple[str, list[str]]]:
    """The query's words with the synonyms the search added for them, as the visitor reads them."""
    shown = []
    for members in words:
        stems = {tuple(text.query_stems(word)): word for word in members}
        for word in text.words(query):
            own = tuple(text.query_stems(word))
            if own and own in stems:
                shown.append((word, [m for m in members if tuple(text.query_stems(m)) != own]))
    return shown


def _vocabulary(site: Site | None) -> dict[str, str]:
    """Every word of the index, folded → its most frequent spelling (built once per index)."""
    entries = SearchEntry.objects.filter(site=site)
    state = entries.aggregate(n=Count("pk"), last=Max("pk"))
    key = f"kek-search-vocabulary-{site.pk if site else 0}-{state['n']}-{state['last']}"
    cached = cache.get(key)
    if cached is not None:
        return cached
    forms: dict[str, Counter] = {}
    for title, body in entries.values_list("title", "body").iterator():
        for word in text.WORD.findall(f"{title} {body}"):
            if len(word) >= 3 and not word.isdigit():
                forms.setdefault(text.fold(word), Counter())[word] += 1
    vocabulary = {folded: counts.most_common(1)[0][0] for folded, counts in forms.items()}
    cache.set(key, vocabulary, VOCABULARY_LIFETIME)
    return vocabulary


def did_you_mean(query: str, site: Site | None) -> str | None:
    """The query with each unknown word replaced by the closest word of the index, if any word
    changed ("rufbuss" → "Rufbus"); None if the index knows every word or nothing is close."""
    vocabulary = _vocabulary(site)
    known = list(vocabulary)
    out, changed = [], False
    for word in text.words(query):
        if word in text.STOPWORDS or word in vocabulary or len(word) < 3:
            out.append(vocabulary.get(word, word))
            continue
        close = difflib.get_close_matches(word, known, n=1, cutoff=0.75)
        if close:
            out.append(vocabulary[close[0]])
            changed = True
        else:
            out.append(word)
    return " ".join(out) if changed else None
