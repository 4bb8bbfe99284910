"""Links that keep the search's state, so a filtered view can be shared and bookmarked."""

from urllib.parse import urlencode

from django import template

register = template.Library()


@register.simple_tag
def facet_query(query: str, filters: dict, key: str, value, keep: bool = False) -> str:
    """The query string with `key` set to `value` (or removed if it already is); page reset."""
    params = {"q": query, **filters}
    params.pop("seite", None)
    if keep or params.get(key) != str(value):
        params[key] = value
    else:
        params.pop(key)
    return urlencode(params)


@register.filter
def get_item(mapping: dict, key: str):
    return mapping.get(key)
