from django import template

from kek.places.linking import link_places as _link_places

register = template.Library()


@register.filter
def link_places(value):
    return _link_places(value)
