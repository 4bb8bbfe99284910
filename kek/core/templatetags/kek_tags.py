"""Navigation helpers for the page frame; each costs at most one query."""

from django import template
from django.http import HttpRequest
from wagtail.models import Page, Site

register = template.Library()


@register.inclusion_tag("core/includes/main_menu.html", takes_context=True)
def main_menu(context: dict) -> dict:
    request: HttpRequest | None = context.get("request")
    site = Site.find_for_request(request) if request else None
    items = []
    if site is not None:
        items = list(site.root_page.get_children().live().in_menu().only("id", "title", "url_path", "depth", "path"))
    current = context.get("page")
    return {"request": request, "items": items, "current_path": current.path if current else ""}


@register.inclusion_tag("core/includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context: dict, page: Page) -> dict:
    ancestors = context.get("ancestors")  # pages built on KekPage already fetched them
    if ancestors is None:
        ancestors = list(page.get_ancestors().filter(depth__gt=1).only("id", "title", "url_path", "depth", "path"))
    return {"request": context.get("request"), "ancestors": ancestors, "page": page}


@register.filter
def startswith(value: str, prefix: str) -> bool:
    return bool(value) and bool(prefix) and value.startswith(prefix)
