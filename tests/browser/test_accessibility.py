"""axe-core in Chromium on every page type, at phone and desktop width: 0 violations."""

import pytest
from playwright.sync_api import expect

from kek.legal.tests.test_legal_pages import LEGAL_PAGES
from kek.plan.tests.test_pages import PAGE_TYPES

pytestmark = [pytest.mark.browser, pytest.mark.kek2030]  # the server's own database holds the KEK 2030

PAGES = {
    **PAGE_TYPES,
    **{url.strip("/"): url for url in LEGAL_PAGES},
    "not_found": "/gibt-es-nicht/",
    "en_start": "/en/",
    "en_approach": "/en" + PAGE_TYPES["approach"],
    "search": "/suche/?q=Breitband",
    "search_filtered": "/suche/?q=Schule&feld=lebenswerte-orte",
    "search_none": "/suche/?q=Raumschiffhafen",
    "places": "/orte/",
    "place": "/orte/parchim/",
    "map": "/orte/karte/",
    "changes": "/aenderungen/",
    "decided_version": "/aenderungen/beschluss-2017/",
    "indicators": "/indikatoren/",
    "indicator": "/indikatoren/co2-emissionen-westmecklenburg/",
}


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


def test_form_errors_are_accessible_and_focused(page, site_url, run_axe):
    page.goto(site_url + "/barrierefreiheit/")
    page.fill("#id_name", "Kim Muster")
    page.click(".kek-form button[type=submit]")
    # `autofocus` is applied once the new page has loaded: wait for it rather than race it.
    expect(page.locator("#fehler")).to_be_focused()
    assert page.input_value("#id_name") == "Kim Muster"
    assert run_axe(page) == []
    page.click(".kek-error-summary a")
    expect(page.locator("#id_description")).to_be_focused()


def test_read_aloud_button_appears_only_with_speech_synthesis(page, site_url):
    page.goto(site_url + PAGE_TYPES["approach"])
    button = page.locator(".kek-read-aloud")
    if page.evaluate("'speechSynthesis' in window"):
        assert button.is_visible()
        assert button.get_attribute("aria-pressed") == "false"
    page.add_init_script("delete window.speechSynthesis; delete window.SpeechSynthesisUtterance;")
    page.goto(site_url + PAGE_TYPES["approach"])
    assert page.locator(".kek-read-aloud").count() == 0
    assert page.evaluate("getComputedStyle(document.getElementById('vorlesen')).visibility") == "hidden"


def test_high_contrast_mode_keeps_markers_visible(page, site_url, run_axe):
    page.emulate_media(forced_colors="active")
    page.goto(site_url + PAGE_TYPES["approach"])
    fills = page.eval_on_selector_all(".kek-marker", "els => els.map(e => getComputedStyle(e).fill)")
    background = page.evaluate("getComputedStyle(document.body).backgroundColor")
    assert fills and all(fill not in ("none", background) for fill in fills)
    assert run_axe(page) == []
