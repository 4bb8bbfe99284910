"""The citizen's ways through the site, in Chromium against the real server with the KEK 2030
(issue 13): field → approach on a phone, place → its projects, search with a synonym and with a
typo; and every page type this issue touched without sideways scrolling at 320 px and without
axe-core violations."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.kek2030]  # the server's own database holds the KEK 2030

PHONE = {"width": 390, "height": 844}

TOUCHED = {
    "start": "/",
    "field": "/starker-wirtschaftsstandort/",
    "goal": "/starker-wirtschaftsstandort/wirtschaftsstruktur/",
    "approach_with_legal_note": "/lebenswerte-orte/grundversorgung/bildung/schulnetz/",
    "theme": "/querschnittsthemen/digitalisierung/",
    "editorial_notes": "/redaktionelle-ergaenzungen/",
    "places": "/orte/",
    "places_filtered": "/orte/?ort=parch",
    "place": "/orte/parchim/",
    "map": "/orte/karte/",
    "changes": "/aenderungen/",
    "comparison_page": "/aenderungen/beschluss-2017/",
    "easy_language": "/leichte-sprache/",
    "search_synonym": "/suche/?q=Nahverkehr",
    "search_typo": "/suche/?q=rufbuss",
    "not_found": "/gibt-es-nicht/",
}


def sideways(page) -> int:
    return page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")


def test_phone_visitor_goes_from_a_field_to_an_approach(page, site_url):
    page.set_viewport_size(PHONE)
    page.goto(site_url + "/")
    page.locator(".kek-house__field a").first.click()
    expect(page).to_have_url(re.compile(r"/starker-wirtschaftsstandort/$"))
    heading = page.locator("h1").bounding_box()
    assert heading["y"] + heading["height"] < PHONE["height"] / 2  # the compact header leaves room
    goals, swot = page.locator("#ziele").bounding_box(), page.locator("#ausgangssituation").bounding_box()
    assert goals["y"] < swot["y"]  # the goals before the long SWOT
    expect(page.locator("#ausgangssituation ~ details .kek-swot")).to_be_hidden()  # opens on request
    card = page.locator(".kek-level-card").first
    expect(card.locator(".kek-card__level")).to_have_text("Strategisches Ziel")
    expect(card.locator(".kek-card__meta")).to_contain_text("Handlungsansätze")
    card.locator(".kek-card__children a").first.click()  # a Teilziel
    page.locator(".kek-card__link").first.click()  # its first Handlungsansatz
    expect(page.locator(".kern-preline")).to_have_text("Handlungsansatz")
    expect(page.locator(".kek-measure").first).to_be_visible()
    assert sideways(page) <= 0


def test_phone_header_folds_menu_and_search_and_offers_easy_and_sign_language(page, site_url):
    page.set_viewport_size(PHONE)
    page.goto(site_url + "/starker-wirtschaftsstandort/")
    menu = page.get_by_role("button", name="Menü")
    expect(page.locator(".kek-nav")).to_be_hidden()
    menu.click()
    expect(menu).to_have_attribute("aria-expanded", "true")
    expect(page.locator(".kek-access").get_by_role("link", name="Leichte Sprache")).to_be_visible()
    expect(page.locator(".kek-access").get_by_role("link", name="Gebärdensprache")).to_be_visible()
    expect(page.locator(".kek-languages")).to_be_visible()
    page.get_by_role("button", name="Suche").click()
    expect(page.locator("#kopf-suche")).to_be_focused()


def test_visitor_goes_from_a_place_to_its_projects_and_their_measure(page, site_url):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(site_url + "/orte/")
    page.fill("#ort", "parch")
    expect(page.locator("[data-place-count]")).to_contain_text("gefunden")
    visible = page.locator(".kek-place-list li:visible")
    assert "Parchim" in visible.all_inner_texts()
    visible.get_by_role("link", name="Parchim", exact=True).click()
    expect(page.locator("h1")).to_contain_text("Parchim")
    examples = page.locator("#projekte ~ .kek-examples .kek-example")
    assert examples.count() > 0
    expect(page.locator("#projekte ~ .kek-note .kek-editorial")).to_be_visible()
    examples.first.locator(".kek-example__measure a").click()
    expect(page).to_have_url(re.compile(r"#massnahme-[a-z0-9-]+$"))
    target = page.locator(".kek-measure:target")
    expect(target).to_be_in_viewport()
    assert target.evaluate("e => getComputedStyle(e).outlineStyle") == "solid"  # lands visibly


def test_search_understands_a_synonym_and_suggests_a_spelling(page, site_url):
    page.goto(site_url + "/suche/?q=Nahverkehr")
    assert page.locator(".kek-hit").count() > 0  # the KEK says "ÖPNV", never "Nahverkehr"
    expect(page.locator(".kek-synonyms .kek-editorial")).to_be_visible()
    page.goto(site_url + "/suche/?q=Bus")
    assert "rufbus" in page.locator(".kek-hits").inner_text().lower()
    page.goto(site_url + "/suche/?q=rufbuss")
    suggestion = page.locator(".kek-suggestion a")
    expect(suggestion).to_be_visible()
    word = suggestion.inner_text()
    assert word.lower().startswith("rufbus") and word.lower() != "rufbuss"
    suggestion.click()
    expect(page.locator("#suchbegriff")).to_have_value(word)
    assert page.locator(".kek-hit").count() > 0


def test_map_popup_closes_and_failed_tiles_are_explained(page, site_url):
    page.set_viewport_size({"width": 320, "height": 800})
    page.route(re.compile(r"^https?://(?!127\.0\.0\.1).*"), lambda route: route.abort())  # no tiles arrive
    page.goto(site_url + "/orte/karte/")
    assert sideways(page) <= 0
    marker = page.locator(".kek-map-marker").first
    marker.click()
    close = page.locator(".leaflet-popup-close-button")
    box, popup = close.bounding_box(), page.locator(".leaflet-popup").bounding_box()
    assert box["width"] >= 24 and box["x"] >= 0 and box["x"] + box["width"] <= 320
    assert popup["x"] <= box["x"] and box["x"] + box["width"] <= popup["x"] + popup["width"] + 1
    close.click()
    expect(page.locator(".leaflet-popup")).to_have_count(0)
    page.get_by_role("button", name="Kartenhintergrund laden").click()
    expect(page.locator("#karten-fehler")).to_be_visible()


def test_error_pages_say_so_in_their_title(page, site_url):
    page.goto(site_url + "/gibt-es-nicht/")
    assert page.title().startswith("Fehler:")


@pytest.mark.parametrize("url", TOUCHED.values(), ids=TOUCHED.keys())
def test_touched_page_types_have_no_violations_and_no_sideways_scrolling(page, site_url, run_axe, url):
    page.set_viewport_size({"width": 320, "height": 800})
    page.goto(site_url + url)
    assert sideways(page) <= 0, url
    assert run_axe(page) == []
    page.set_viewport_size({"width": 1280, "height": 900})
    page.reload()
    assert run_axe(page) == []
