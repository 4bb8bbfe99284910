"""Indicator pages in Chromium: accessible at 320 px without sideways scrolling, the chart drawn
under the site's real Content-Security-Policy, and readable without colour."""

import pytest

from tests.browser.conftest import run_manage

pytestmark = pytest.mark.browser

INDEX = "/indikatoren/"
CO2 = INDEX + "co2-emissionen-westmecklenburg/"
# Test data for this server's database only, marked as such; the seeded content has no values.
TEST_VALUES = (
    "\ufeffindikator;jahr;wert;quelle;stand\r\n"
    "co2-emissionen-westmecklenburg;2005;88,5;Testdaten der Browsertests;01.07.2006\r\n"
    "co2-emissionen-westmecklenburg;2015;81;Testdaten der Browsertests;01.07.2016\r\n"
    "co2-emissionen-westmecklenburg;2020;1.074,25;Testdaten der Browsertests (großer Wert für die Achse);01.07.2021\r\n"
)


@pytest.fixture(scope="module")
def with_values(site_url, tmp_path_factory) -> str:
    path = tmp_path_factory.mktemp("werte") / "werte.csv"
    path.write_text(TEST_VALUES, encoding="utf-8")
    run_manage("import_indicator_values", str(path))
    return site_url


@pytest.mark.parametrize("url", [INDEX, CO2, INDEX + "erneuerbare-energien-anteil/"])
def test_indicator_pages_are_accessible_at_320_px_without_sideways_scrolling(page, with_values, run_axe, url):
    page.set_viewport_size({"width": 320, "height": 800})
    page.goto(with_values + url)
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0
    assert run_axe(page) == []


def test_chart_is_drawn_under_the_sites_content_security_policy(browser, with_values):
    context = browser.new_context(locale="de-DE")  # without the CSP bypass the other tests use for axe
    page = context.new_page()
    console = []
    page.on("console", lambda message: console.append(message.text) if message.type == "error" else None)
    page.add_init_script(
        "window.__violations = [];"
        "document.addEventListener('securitypolicyviolation', e => window.__violations.push(e.violatedDirective));"
    )
    response = page.goto(with_values + CO2)
    assert "style-src 'self'" in response.headers["content-security-policy"]
    page.wait_for_load_state("networkidle")
    assert page.evaluate("window.__violations") == []
    assert console == []
    styles = page.evaluate(
        """() => Object.fromEntries(['values', 'target-path', 'projection'].map(name => {
             const s = getComputedStyle(document.querySelector('.kek-chart__' + name));
             return [name, {stroke: s.stroke, width: s.strokeWidth, dash: s.strokeDasharray}];
           }))"""
    )
    # The stylesheet reached the chart (colour and width from indicators.css, not the SVG defaults) ...
    assert all(s["stroke"] not in ("none", "") and s["width"] != "1px" for s in styles.values()), styles
    # ... and the three lines differ by pattern, not only by colour.
    assert len({s["dash"] for s in styles.values()}) == 3, styles
    box = page.locator("svg.kek-chart").bounding_box()
    assert box["width"] > 200 and box["height"] > 100
    context.close()


def test_chart_stays_readable_in_forced_colours(page, with_values, run_axe):
    page.emulate_media(forced_colors="active")
    page.goto(with_values + CO2)
    background = page.evaluate("getComputedStyle(document.body).backgroundColor")
    strokes = page.eval_on_selector_all(".kek-chart polyline", "els => els.map(e => getComputedStyle(e).stroke)")
    assert len(strokes) == 3 and all(s not in ("none", background) for s in strokes)
    legend = page.locator(".kek-chart-legend").inner_text()
    assert "gestrichelt" in legend and "gepunktet" in legend and "Kreise" in legend
    assert run_axe(page) == []
