"""The reduced KERN style sheet (scripts/build_assets.py keeps only the rules whose classes we use)
changes nothing a visitor sees: every page type, rendered with KERN's full style sheet and with
ours, gives the same pixels on a phone and on a desktop."""

from pathlib import Path

import pytest
from PIL import Image, ImageChops

from kek.plan.tests.test_pages import PAGE_TYPES, PUBLIC_PAGES

pytestmark = [pytest.mark.browser, pytest.mark.kek2030]

FULL_KERN = Path(__file__).resolve().parents[2] / "node_modules" / "@kern-ux" / "native" / "dist" / "kern.min.css"
PAGES = {**PAGE_TYPES, **PUBLIC_PAGES, "search": "/suche/?q=Breitband"}
del PAGES["feed"]  # XML with its own style sheet


def screenshot(browser, url: str, width: int, full_kern: bool, tmp_path: Path) -> Image.Image:
    context = browser.new_context(locale="de-DE", viewport={"width": width, "height": 900}, reduced_motion="reduce")
    page = context.new_page()
    if full_kern:
        page.route("**/vendor/kern/kern.min*.css", lambda route: route.fulfill(path=FULL_KERN, content_type="text/css"))
    page.goto(url, wait_until="networkidle")
    page.evaluate("document.fonts.ready.then(() => true)")
    path = tmp_path / f"{'full' if full_kern else 'reduced'}-{width}.png"
    page.screenshot(path=path, full_page=True, animations="disabled", caret="hide")
    context.close()
    return Image.open(path).convert("RGB")


@pytest.mark.parametrize("width", [320, 1280])
@pytest.mark.parametrize("name", sorted(PAGES))
def test_reduced_kern_styles_look_like_the_full_ones(browser, site_url, tmp_path, name, width):
    url = site_url + PAGES[name]
    full = screenshot(browser, url, width, True, tmp_path)
    reduced = screenshot(browser, url, width, False, tmp_path)
    assert full.size == reduced.size, f"{name} at {width} px: page size {full.size} vs {reduced.size}"
    difference = ImageChops.difference(full, reduced).getbbox()
    assert difference is None, f"{name} at {width} px differs in the area {difference} (see {tmp_path})"
