"""Finding things in the browser: search from the start page, narrow, open; the map by keyboard."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.kek2030]  # the server's own database holds the KEK 2030


def test_search_from_start_page_narrow_by_facet_open_result(page, site_url):
    page.goto(site_url + "/")
    page.fill("#kopf-suche", "Breitband")
    page.keyboard.press("Enter")
    page.wait_for_url("**/suche/?q=Breitband")
    assert "Treffer für „Breitband“" in page.locator(".kek-search__count").inner_text()
    page.locator(".kek-facet a", has_text="Digitalisierung").click()
    page.wait_for_url("**thema=digitalisierung**")
    assert page.locator('.kek-facet a[aria-current="true"]').inner_text().startswith("Digitalisierung")
    first = page.locator(".kek-hit__title a").first
    target = first.get_attribute("href")
    first.click()
    page.wait_for_load_state()
    assert page.url.startswith(site_url + target.split("#")[0])
    assert page.locator("h1").inner_text()


def test_search_works_without_javascript(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + "/")
    page.fill("#kopf-suche", "Radwege")
    page.keyboard.press("Enter")
    page.wait_for_url("**/suche/?q=Radwege")
    assert page.locator(".kek-hit").count() > 0
    context.close()


def test_map_works_with_the_keyboard_and_without_tiles(page, site_url):
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(site_url + "/orte/karte/")
    page.wait_for_load_state("networkidle")
    assert not [url for url in requests if not url.startswith(site_url)]  # no tiles before consent
    markers = page.locator(".kek-map-marker")
    assert markers.count() > 0
    markers.first.focus()
    assert page.evaluate("document.activeElement.classList.contains('kek-map-marker')")
    page.keyboard.press("Enter")
    popup = page.locator(".leaflet-popup-content a")
    popup.wait_for()
    assert popup.get_attribute("href").startswith("/")
    assert page.locator(".kek-map-list tbody tr").count() >= markers.count()
    with page.expect_request(lambda request: "tile.openstreetmap.org" in request.url):  # requested only now
        page.click("#karten-hintergrund")
