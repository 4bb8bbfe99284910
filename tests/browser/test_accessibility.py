"""axe-core in Chromium on every page type, at phone and desktop width: 0 violations."""

import pytest

from kek.plan.tests.test_pages import PAGE_TYPES

pytestmark = pytest.mark.browser

PAGES = {**PAGE_TYPES, "not_found": "/gibt-es-nicht/"}


@pytest.mark.parametrize("width", [375, 1280])
@pytest.mark.parametrize("url", PAGES.values(), ids=PAGES.keys())
def test_page_has_no_accessibility_violations(page, site_url, run_axe, url, width):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(site_url + url)
    assert run_axe(page) == []


def test_page_works_without_horizontal_scrolling_at_320_px(page, site_url):
    page.set_viewport_size({"width": 320, "height": 800})
    for url in PAGE_TYPES.values():
        page.goto(site_url + url)
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, url


def test_no_request_leaves_the_site(page, site_url):
    foreign = []
    page.on("request", lambda request: None if request.url.startswith(site_url) else foreign.append(request.url))
    for url in PAGE_TYPES.values():
        page.goto(site_url + url)
        page.wait_for_load_state("networkidle")
    assert foreign == []


def test_keyboard_user_can_skip_to_content(page, site_url):
    page.goto(site_url + PAGE_TYPES["approach"])
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent")
    assert focused.strip() == "Zum Inhalt springen"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "inhalt"
