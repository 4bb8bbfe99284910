"""Facets of the search that apps of the same layer add through kek/core's SEARCH_FACETS_HOOK
(they may not import search, nor search them). Their values are stored in each entry's `facets`
when the index is built, so searching costs the same queries with or without them."""

from wagtail import hooks

from kek.core.hooks import SEARCH_FACETS_HOOK

BASE = ("art", "feld", "ziel", "thema", "teilraum")  # URL parameters, German like the URLs


def extra() -> list[dict]:
    """The facets other apps add, each a dict as described in kek/core/hooks.py."""
    return [fn() for fn in hooks.get_hooks(SEARCH_FACETS_HOOK)]


def all_keys() -> tuple[str, ...]:
    """Every facet's URL parameter, the search's own first."""
    return (*BASE, *(facet["key"] for facet in extra()))
