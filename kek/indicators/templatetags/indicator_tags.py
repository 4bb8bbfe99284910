"""Numbers and rates on indicator pages, in German notation like the content they belong to."""

from decimal import Decimal

from django import template

from ..numbers import format_german

register = template.Library()


@register.filter
def german_number(value: Decimal | float | None) -> str:
    return "" if value is None else format_german(value)


@register.filter
def percent(rate: float | None, places: int = 1) -> str:
    """A rate (0.021) as percent in German notation ("2,1 %")."""
    return "" if rate is None else f"{format_german(round(rate * 100, places), places)} %"
