"""Implementation reports in Chromium: the list "Umsetzungsberichte" and a published report pass
axe-core, need no sideways scrolling at 320 px, and the PDF download arrives."""

import json
from pathlib import Path

import pytest

from .conftest import run_manage

pytestmark = [pytest.mark.browser, pytest.mark.kek2030]  # the server's own database holds the KEK 2030

INDEX = "/umsetzung/berichte/"
PUBLISH = """
import datetime, json
from wagtail.models import Site
from kek.publications import reports
from kek.publications.models import ImplementationReport
report = ImplementationReport.objects.create(
    site=Site.objects.get(is_default_site=True), title="Umsetzungsbericht 2025",
    period_start=datetime.date(2025, 1, 1), period_end=datetime.date(2025, 12, 31),
)
print(json.dumps({"pk": reports.publish(report, None).pk}))
"""


@pytest.fixture(scope="module")
def report_url(site_url) -> str:
    pk = json.loads(run_manage("shell", "-c", PUBLISH).strip().splitlines()[-1])["pk"]
    return f"{INDEX}{pk}/"


@pytest.mark.parametrize("width", [375, 1280])
def test_report_pages_have_no_accessibility_violations(page, site_url, run_axe, report_url, width):
    page.set_viewport_size({"width": width, "height": 900})
    for url in (INDEX, report_url):
        page.goto(site_url + url)
        assert run_axe(page) == [], url


def test_report_pages_need_no_sideways_scrolling_at_320_px(page, site_url, report_url):
    page.set_viewport_size({"width": 320, "height": 800})
    for url in (INDEX, report_url):
        page.goto(site_url + url)
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, url


def test_report_is_listed_and_its_pdf_arrives(page, site_url, report_url):
    page.goto(site_url + "/umsetzung/")
    page.get_by_role("link", name="Umsetzungsberichte").click()
    page.get_by_role("link", name="Umsetzungsbericht 2025").click()
    assert page.url == site_url + report_url
    with page.expect_download() as download:
        page.get_by_role("link", name="Bericht als PDF herunterladen").click()
    assert download.value.suggested_filename == "umsetzungsbericht-2025-01-01-2025-12-31.pdf"
    assert Path(download.value.path()).read_bytes()[:5] == b"%PDF-"
