"""Navigation helpers for the page frame; each costs at most one query."""

from django import template
from django.http import HttpRequest
from wagtail.models import Page, Site

register = template.Library()


def _top_pages(context: dict, *, in_menu: bool) -> list[Page]:
    """The start page's live children, read once per request for the menu and the service links."""
    request: HttpRequest | None = context.get("request")
    site = Site.find_for_request(request) if request else None
    if site is None:
        return []
    children = getattr(request, "_kek_top_pages", None)
    if children is None:
        pages = site.root_page.get_children().live()
        children = list(pages.only("id", "title", "url_path", "depth", "path", "show_in_menus"))
        request._kek_top_pages = children
    return [page for page in children if page.show_in_menus == in_menu]


@register.inclusion_tag("core/includes/main_menu.html", takes_context=True)
def main_menu(context: dict) -> dict:
    """The start page's children marked "show in menus": the concept's sections."""
    current = context.get("page")
    items = _top_pages(context, in_menu=True)
    return {
        "items": items,
        "current_path": current.path if current else "",
        "content_lang": context.get("content_lang"),
    }


@register.inclusion_tag("core/includes/service_links.html", takes_context=True)
def service_links(context: dict) -> dict:
    """The start page's other children: Impressum, Datenschutz, Barrierefreiheit and the like."""
    return {
        "items": _top_pages(context, in_menu=False),
        "content_lang": context.get("content_lang"),
        "home_url": context.get("home_url"),
    }


@register.inclusion_tag("core/includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context: dict, page: Page) -> dict:
    ancestors = context.get("ancestors")  # pages built on KekPage already fetched them
    if ancestors is None:
        ancestors = list(page.get_ancestors().filter(depth__gt=1).only("id", "title", "url_path", "depth", "path"))
    return {"ancestors": ancestors, "page": page, "content_lang": context.get("content_lang")}


@register.filter
def startswith(value: str, prefix: str) -> bool:
    return bool(value) and bool(prefix) and value.startswith(prefix)
