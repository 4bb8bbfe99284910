"""The page "Offene Daten" and the API page in Chromium: axe-core finds nothing, at 320 px nothing
scrolls sideways, and a listed download arrives."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.kek2030]  # the server's own database holds the KEK 2030

PAGES = {"open_data": "/offene-daten/", "api": "/offene-daten/api/"}
# Built on their first download (the test server's worker builds no files, see conftest.py); the PDF
# of the whole KEK takes longer than a browser test should wait and is tested in kek/publications.
FILES = ["massnahmen.csv", "projekte.csv", "ideen.csv", "indikatorwerte.csv", "konzept.yaml", "datapackage.json"]


@pytest.fixture(autouse=True)
def _downloads_built(page, site_url):
    for name in FILES:
        assert page.request.get(f"{site_url}/daten/{name}", timeout=60_000).ok, name


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
    page.goto(site_url + "/offene-daten/")
    with page.expect_download() as download:
        page.get_by_role("link", name="Maßnahmen (CSV)").click()
    assert download.value.suggested_filename == "massnahmen.csv"
