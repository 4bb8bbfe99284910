"""Turn the names of the county's places in the concept's texts into links to their pages."""

import re
import time

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils.html import conditional_escape, escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language
from wagtail.models import Page

from kek.core.pages import decision_dates, home_path

from .models import Place, PlaceIndexPage

_TAG = re.compile(r"(<[^>]+>)")
_CACHE: dict = {}
LIFETIME = 600  # seconds; other server processes pick up changed places within this time


def _pattern(root: str) -> tuple[re.Pattern | None, dict[str, str]]:
    key = (root, get_language())  # per site; page URLs carry the interface language (/en/...)
    cached = _CACHE.get(key)
    if cached and cached[2] > time.monotonic():
        return cached[0], cached[1]
    index = PlaceIndexPage.objects.live().filter(path__startswith=root).only("url_path").first()
    urls: dict[str, str] = {}
    if index is not None:
        places = Place.objects.of_site_at(root).exclude(kind=Place.Kind.OFFICE)
        start = Page.objects.filter(path=root).first()
        dates = decision_dates(start) if start else None
        if dates and dates["decided_on"]:
            places = places.exclude(formed_on__gt=dates["decided_on"])
        for place in places.only("name", "slug"):
            for name in place.names:
                if len(name) >= 4:
                    urls.setdefault(name, f"{index.url}{place.slug}/")
    names = sorted(urls, key=len, reverse=True)
    pattern = re.compile(r"(?<![\w-])(" + "|".join(map(re.escape, names)) + r")(?![\w-])") if names else None
    _CACHE[key] = (pattern, urls, time.monotonic() + LIFETIME)
    return pattern, urls


@receiver(post_save, sender=Place)
@receiver(post_delete, sender=Place)
def _forget(**kwargs) -> None:
    _CACHE.clear()


def link_places(html: str, page: Page | None) -> SafeString:
    """Link the names of the places of `page`'s site in `html` (escaped first if it is plain text);
    existing links stay as they are."""
    html = conditional_escape(html)
    if page is None:
        return mark_safe(html)  # noqa: S308 - escaped above
    pattern, urls = _pattern(home_path(page.path))
    if pattern is None:
        return mark_safe(html)  # noqa: S308 - escaped above
    out, inside_link = [], 0
    for part in _TAG.split(html):
        if part.startswith("<"):
            inside_link += 1 if re.match(r"<a[\s>]", part) else -1 if part.startswith("</a") else 0
            out.append(part)
        elif inside_link or not part:
            out.append(part)
        else:
            out.append(
                pattern.sub(
                    lambda m: f'<a class="kern-link kek-place-link" href="{escape(urls[m.group(1)])}">{m.group(1)}</a>',
                    part,
                )
            )
    return mark_safe("".join(out))  # noqa: S308 - only our own escaped links are added
