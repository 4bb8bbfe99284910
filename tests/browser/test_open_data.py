"""The page "Offene Daten" and the API page in Chromium: axe-core finds nothing, at 320 px nothing
scrolls sideways, and a listed download arrives."""

import pytest

from tests.browser.live import wait_until

pytestmark = [pytest.mark.browser, pytest.mark.kek2030]  # the server's own database holds the KEK 2030

PAGES = {"open_data": "/offene-daten/", "api": "/offene-daten/api/"}


@pytest.mark.parametrize("width", [375, 1280])
@pytest.mark.parametrize("url", PAGES.values(), ids=PAGES.keys())
def test_open_data_pages_have_no_accessibility_violations(page, site_url, run_axe, url, width):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(site_url + url)
    assert run_axe(page) == []


def test_open_data_pages_need_no_sideways_scrolling_at_320_px(page, site_url):
    page.set_viewport_size({"width": 320, "height": 800})
    for url in PAGES.values():
        page.goto(site_url + url)
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, url


def test_listed_csv_download_arrives(page, site_url):
    link = page.get_by_role("link", name="Maßnahmen (CSV)")

    def listed() -> bool:  # the worker builds the files after the import; the page lists what is built
        page.goto(site_url + "/offene-daten/")
        return link.count() == 1

    wait_until(listed, seconds=120, what="the CSV file listed")
    with page.expect_download() as download:
        page.get_by_role("link", name="Maßnahmen (CSV)").click()
    assert download.value.suggested_filename == "massnahmen.csv"
