"""Navigation helpers for the page frame; each costs at most one query, the menu none while the
site's content is unchanged."""

from django import template
from django.contrib.contenttypes.models import ContentType
from django.http import HttpRequest
from wagtail import hooks
from wagtail.models import Page, Site

from kek.core.content_cache import kept

register = template.Library()

# Page types an app wants reachable from the header on every page (Leichte Sprache, DGS): a hook
# returns a list of page models. The pages themselves stay service pages (footer) as well.
HEADER_PAGES_HOOK = "kek_header_page_types"


def _top_pages(context: dict, *, in_menu: bool) -> list[Page]:
    """The start page's live children for the menu and the service links, read once per content
    version (kek/core/content_cache.py)."""
    request: HttpRequest | None = context.get("request")
    site = Site.find_for_request(request) if request else None
    if site is None:
        return []
    children = getattr(request, "_kek_top_pages", None)
    if children is None:
        pages = site.root_page.get_children().live()
        fields = ("id", "title", "url_path", "depth", "path", "show_in_menus", "content_type_id")
        children = kept(request, "top-pages", lambda: list(pages.only(*fields)))
        request._kek_top_pages = children
    return [page for page in children if page.show_in_menus == in_menu]


@register.inclusion_tag("core/includes/main_menu.html", takes_context=True)
def main_menu(context: dict) -> dict:
    """The start page's children marked "show in menus": the concept's sections; beside them the
    service pages whose type an app names for the header (accessible versions)."""
    current = context.get("page")
    items = _top_pages(context, in_menu=True)
    models = [model for types in hooks.get_hooks(HEADER_PAGES_HOOK) for model in types()]
    wanted = {ct.pk for ct in ContentType.objects.get_for_models(*models).values()} if models else set()
    extra = [p for p in _top_pages(context, in_menu=False) if p.content_type_id in wanted] if wanted else []
    return {
        "items": items,
        "extra": extra,
        "current_path": current.path if current else "",
        "content_lang": context.get("content_lang"),
        "language_links": context.get("language_links", []),
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
