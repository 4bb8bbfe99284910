"""Parts of public pages kept between requests until their site's content changes.

Much of a page is the same on every request until an editor publishes something or changes a
setting: the site's appearance and menu, the implementation status of every item. Building those
parts again each time made a concept page several times as slow as a bare Wagtail page.

The key of a kept part holds the site's *content version*: the moment anything public of the site
last changed, which the app that records it (kek/publications) gives through the hook
CONTENT_VERSION_HOOK. It is read once per request (one small query). A publication, a setting saved,
a status published moves the version, so the next request builds every part anew; entries of older
versions are never asked for again and leave the cache by age or by the backend's culling. So each
gunicorn worker may keep its own copy (Django's local-memory cache, settings.CACHES): there is no
message to send between them, the database says what is current.

Nothing is kept for a site without a recorded version, for previews (a draft is not what the
version describes) or when no app fills the hook.

Page types whose page is made of such parts alone (the concept's pages, `KekPage.keep_content`)
keep it whole: base.html renders inside `{% cache %}` keyed by `page_content_key`, and the page's
`serve` answers with the kept HTML when `kept_content` finds it, before building any context. Every
request still finds its site, reads the content version, routes and checks Wagtail's view
restrictions, so what it gets is never older than the database. Citizens' public activity
(proposals, supports, rounds) and a newly built file (the start page names the PDF's size) move the
version too, so an approach page's proposals are part of it.
Only anonymous GETs without a query string are answered from it: what an editor sees or a filter
selects is built each time.
"""

from collections.abc import Callable
from typing import TypeVar

from django.conf import settings
from django.core.cache import cache, caches
from django.core.cache.utils import make_template_fragment_key
from django.http import HttpRequest
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language
from wagtail import hooks
from wagtail.models import Site

from .hooks import CONTENT_VERSION_HOOK

T = TypeVar("T")
_MISSING = object()  # a kept part may be None (a site without an appearance set)


def content_version(request: HttpRequest | None) -> str | None:
    """The request's site and its content version as one string ("<site id>@<version>"), or None
    when nothing may be kept for this request. Read once per request."""
    if request is None or getattr(request, "is_preview", False):
        return None
    if not hasattr(request, "_kek_content_version"):
        site = Site.find_for_request(request)
        versions = [fn(site) for fn in hooks.get_hooks(CONTENT_VERSION_HOOK)] if site else []
        version = versions[0] if versions else None
        request._kek_content_version = f"{site.pk}@{version}" if version else None
    return request._kek_content_version


def kept(request: HttpRequest | None, name: str, build: Callable[[], T], *parts: object) -> T:
    """The part `name` (for `parts`, e.g. a page's id) of the request's site in the current
    language, built by `build()` only when the current content version has none yet.

    `build` must depend on nothing but the site's published content, the settings, `parts` and the
    language: whatever else a part shows (today's date, the visitor) belongs into `parts` or
    outside the part."""
    version = content_version(request)
    if version is None:
        return build()
    key = ":".join(["kek", version, get_language() or settings.LANGUAGE_CODE, name, *map(str, parts)])
    value = cache.get(key, _MISSING)
    if value is _MISSING:
        value = build()
        cache.set(key, value, settings.KEK_FRAGMENT_SECONDS)
    return value


def template_key(request: HttpRequest | None) -> tuple[str, int]:
    """What the frame's `{% cache %}` tags vary on and keep for: (version, seconds); 0 seconds
    (nothing kept) without a version."""
    version = content_version(request)
    return (version or "", settings.KEK_FRAGMENT_SECONDS if version else 0)


CONTENT_FRAGMENT = "kek-content"  # the {% cache %} fragment in base.html
PAGE_CACHE = "pages"  # settings.CACHES: whole pages, bounded apart from the smaller parts


def page_content_key(request: HttpRequest | None) -> str | None:
    """What a page's kept content varies on (site and content version, language, address, today's
    date: statuses say how long ago), or None when it is built for this request alone."""
    version = content_version(request)
    user = getattr(request, "user", None)
    if version is None or request.method not in ("GET", "HEAD") or request.GET or (user and user.is_authenticated):
        return None
    parts = [version, get_language() or settings.LANGUAGE_CODE, request.scheme, request.get_host(), request.path]
    return "|".join([*parts, timezone.localdate().isoformat()])


def kept_content(key: str) -> SafeString | None:
    """The page content kept under `key` by base.html's {% cache %} tag, if any."""
    html = caches[PAGE_CACHE].get(make_template_fragment_key(CONTENT_FRAGMENT, [key]))
    return None if html is None else mark_safe(html)  # noqa: S308 (our own rendered template)


def forget_kept() -> None:
    """Forget every part and page kept, of every site: as a restarted process starts (tests)."""
    cache.clear()
    caches[PAGE_CACHE].clear()
