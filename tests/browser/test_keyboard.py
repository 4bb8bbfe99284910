"""Keyboard only: Tab reaches every link and control, in reading order, with visible focus."""

import pytest

from kek.plan.tests.test_pages import PAGE_TYPES

pytestmark = [pytest.mark.browser, pytest.mark.kek2030]  # the server's own database holds the KEK 2030

FOCUSABLE = """() => Array.from(document.querySelectorAll(
    'a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex]:not([tabindex="-1"])'
  )).filter(el => !el.disabled && el.offsetParent !== null)"""

STATE = (
    """() => {
  const el = document.activeElement;
  const all = ("""
    + FOCUSABLE
    + """)();
  const style = getComputedStyle(el);
  const visible = (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2)
    || (style.boxShadow && style.boxShadow !== 'none');
  return {index: all.indexOf(el), visible, tag: el.tagName, text: (el.innerText || el.value || '').slice(0, 60)};
}"""
)


@pytest.mark.parametrize("url", [PAGE_TYPES["start"], PAGE_TYPES["approach"]], ids=["start", "approach"])
def test_tab_reaches_every_control_in_order_with_visible_focus(page, site_url, url):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(site_url + url)
    total = page.evaluate(f"() => ({FOCUSABLE})().length")
    seen = []
    for _ in range(total + 5):
        page.keyboard.press("Tab")
        state = page.evaluate(STATE)
        if state["index"] < 0 or (seen and state["index"] == seen[0]["index"]):
            break
        seen.append(state)
    indexes = [s["index"] for s in seen]
    assert indexes == list(range(total)), "Tab order must follow the reading order and reach everything"
    hidden_focus = [s for s in seen if not s["visible"]]
    assert not hidden_focus, hidden_focus[:3]
