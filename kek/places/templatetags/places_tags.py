from django import template

from kek.places.linking import link_places as _link_places

register = template.Library()


@register.filter
def link_places(value, page=None):
    """`{{ text|link_places:page }}`: links the names of the places of the page's site."""
    return _link_places(value, page)
