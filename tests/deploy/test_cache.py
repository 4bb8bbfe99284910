"""The page cache through nginx: what is kept, what never is, and that a publication is visible on the
very next request (the refresh of kek/operations/purge.py through deploy/nginx/kek.conf)."""

import pytest
from bs4 import BeautifulSoup

from .stack import Stack, Visitor, wait_for

pytestmark = pytest.mark.kek2030

EDIT = """
from wagtail.models import Page
page = Page.objects.get(url_path__endswith={path!r}, depth__gte=3, live=True).specific
{change}
page.save_revision().publish()
print(page.url)
"""


def _approach(visitor: Visitor) -> tuple[str, str]:
    """Address of an approach page reached from the start page, and the address of its parent."""
    soup = BeautifulSoup(visitor.get("/").text, "html.parser")
    field = soup.select_one("main a[href^='/'][href$='/']")["href"]
    path = field
    for _ in range(3):  # Handlungsfeld → Ziel → Teilziel → Handlungsansatz
        parent = path
        links = BeautifulSoup(visitor.get(path).text, "html.parser").select(f"main a[href^='{path}']")
        path = next(a["href"] for a in links if a["href"] != path and "#" not in a["href"])
    return path, parent


def test_public_pages_are_cached_with_validators_and_answer_304(visitor: Visitor) -> None:
    first = visitor.get("/orte/")
    again = visitor.get("/orte/")
    assert again.cache == "HIT"
    assert again.body == first.body
    assert first.headers["Cache-Control"] == "public, max-age=0, s-maxage=300"
    assert first.headers["ETag"] and first.headers["Last-Modified"]
    revalidated = visitor.get("/orte/", headers={"If-None-Match": first.headers["ETag"]})
    assert revalidated.status == 304
    assert revalidated.body == b""


def test_pages_with_a_query_string_and_personal_pages_are_never_cached(stack: Stack, visitor: Visitor) -> None:
    for path in ["/suche/?q=Radweg", "/admin/login/", "/barrierefreiheit/"]:
        visitor.get(path)
        assert visitor.get(path).cache != "HIT", path
    visitor.get("/orte/")
    editor = Visitor(stack, cookies={"sessionid": "an-editors-session"})
    response = editor.get("/orte/")
    assert response.cache == "BYPASS"
    assert response.headers["Cache-Control"] == "private, no-cache"


def test_a_published_edit_is_visible_through_nginx_on_the_next_request(stack: Stack, visitor: Visitor) -> None:
    path, _parent = _approach(visitor)
    assert visitor.get(path).cache in {"HIT", "MISS"}
    assert visitor.get(path).cache == "HIT"
    marker = "Neu gefasst im Rauchtest des Seiten-Caches"
    stack.shell(EDIT.format(path=path, change=f"page.search_description = {marker!r}"))
    shown = visitor.get(path)
    assert marker in shown.text
    assert shown.cache == "HIT"  # the refresh put the new version into the cache


def test_a_new_title_reaches_lists_at_once_and_every_other_page_soon(stack: Stack, visitor: Visitor) -> None:
    path, parent = _approach(visitor)
    siblings = BeautifulSoup(visitor.get(parent).text, "html.parser").select(f"main a[href^='{parent}']")
    sibling = next(a["href"] for a in siblings if a["href"] not in (parent, path) and "#" not in a["href"])
    for page in [path, parent, sibling, "/aenderungen/feed/"]:
        visitor.get(page)
    assert visitor.get(sibling).cache == "HIT"
    title = "Handlungsansatz mit neuem Titel aus dem Rauchtest"
    stack.shell(EDIT.format(path=path, change=f"page.title = {title!r}"))
    assert title in visitor.get(path).text
    assert title in visitor.get(parent).text  # the list on the parent page, at once
    # Pages that only name it elsewhere (breadcrumbs below it, the change log) follow with the worker.
    wait_for(
        lambda: title in visitor.get("/aenderungen/").text, seconds=60, what="Das Änderungsprotokoll zeigt den Titel."
    )


def test_an_unpublished_page_is_gone_on_the_next_request(stack: Stack, visitor: Visitor) -> None:
    path, _parent = _approach(visitor)
    assert visitor.get(path).status == 200
    assert visitor.get(path).cache == "HIT"
    stack.shell(
        f"from wagtail.models import Page\nPage.objects.get(url_path__endswith={path!r}, live=True).unpublish()"
    )
    assert visitor.get(path).status == 404
