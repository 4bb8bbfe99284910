"""A cold first visit stays light (issue 13 §4): every byte a visitor's Chromium receives, counted.

Each visit runs in a fresh browser context (empty cache, no cookies), so it is what a first visit
over the network costs: the HTML, the style sheets, the scripts, the fonts the page actually uses
and any image, each as its (compressed) response body.
"""

import statistics

import pytest

from kek.plan.tests.test_pages import PAGE_TYPES

pytestmark = [pytest.mark.browser, pytest.mark.kek2030]  # the server's own database holds the KEK 2030

BUDGET = 80 * 1024
VISITS = 3


def cold_visit(browser, url: str) -> dict[str, int]:
    """Load `url` in a new context with an empty cache; return the body bytes of each response."""
    context = browser.new_context(locale="de-DE")
    page = context.new_page()
    received: dict[str, int] = {}
    page.on("requestfinished", lambda request: received.__setitem__(request.url, request.sizes()["responseBodySize"]))
    page.goto(url, wait_until="networkidle")
    page.evaluate("document.fonts.ready.then(() => true)")
    context.close()
    return received


@pytest.mark.parametrize("name", ["start", "approach"])
def test_cold_first_visit_stays_within_80_kb(browser, site_url, name):
    visits = [cold_visit(browser, site_url + PAGE_TYPES[name]) for _ in range(VISITS)]
    median = statistics.median(sum(visit.values()) for visit in visits)
    detail = ", ".join(f"{url.removeprefix(site_url)}: {size}" for url, size in sorted(visits[0].items()))
    print(f"\n{name}: median {median} bytes over {VISITS} cold visits ({detail})")
    assert median <= BUDGET, f"{name}: {median} Bytes > {BUDGET} ({detail})"


@pytest.mark.parametrize("name", ["start", "approach"])
def test_every_weight_and_style_on_the_page_has_its_own_font_file(page, site_url, name):
    """No faux bold or italic: each weight/style the page renders in Fira Sans has a loaded face."""
    page.goto(site_url + PAGE_TYPES[name], wait_until="networkidle")
    result = page.evaluate(
        """async () => {
            await document.fonts.ready;
            const used = new Set();
            for (const el of document.querySelectorAll('body, body *')) {
                const hasText = [...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim());
                if (!hasText || !el.getClientRects().length) continue;
                const s = getComputedStyle(el);
                if (!s.fontFamily.includes('Fira Sans')) continue;
                used.add(s.fontWeight + ' ' + s.fontStyle);
            }
            const loaded = [...document.fonts].filter(f => f.family.replaceAll('"', '') === 'Fira Sans'
                && f.status === 'loaded').map(f => f.weight + ' ' + f.style);
            return {used: [...used].sort(), loaded: [...new Set(loaded)].sort()};
        }"""
    )
    assert result["used"], "Die Seite zeigt keinen Text in Fira Sans."
    assert set(result["used"]) <= set(result["loaded"]), result


LAYOUT_SHIFTS = """() => new Promise(resolve => {
    let total = 0;
    new PerformanceObserver(list => { for (const e of list.getEntries()) total += e.value; })
        .observe({type: 'layout-shift', buffered: true});
    setTimeout(() => resolve(total), 1500);
})"""


@pytest.mark.parametrize("width", [320, 412, 1280])
@pytest.mark.parametrize("name", ["start", "approach"])
def test_the_page_does_not_jump_while_it_loads(browser, site_url, name, width):
    """Cumulative layout shift below 0.1 ("good" in Core Web Vitals) on a cold visit: the phone
    header must be folded from the first paint, not when a script runs later."""
    context = browser.new_context(locale="de-DE", viewport={"width": width, "height": 800})
    page = context.new_page()
    page.goto(site_url + PAGE_TYPES[name])
    shift = page.evaluate(LAYOUT_SHIFTS)
    context.close()
    assert shift < 0.1, f"{name} at {width} px: cumulative layout shift {shift:.3f}"
