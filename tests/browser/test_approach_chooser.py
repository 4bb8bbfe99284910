"""The approach chooser of the proposal form in Chromium: the grouped list works by keyboard, typing
in the filter (our own script, no inline code) leaves only matching approaches and says how many;
axe-core finds nothing at 320 px, neither before nor while filtering, and nothing scrolls sideways."""

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.kek2030]  # the server's own database holds the KEK 2030
FORM = "/mitmachen/idee-einreichen/"


def _sideways(page) -> int:
    return page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")


def visible_options(page) -> list[dict]:
    return page.evaluate(
        """() => Array.from(document.querySelectorAll('#id_approach option'))
              .filter(o => o.value && !o.hidden && !o.parentElement.hidden)
              .map(o => ({text: o.textContent, group: o.parentElement.label}))"""
    )


def test_filter_as_you_type_with_keyboard_and_no_violations(page, site_url, run_axe):
    page.set_viewport_size({"width": 320, "height": 900})
    page.goto(site_url + FORM)
    everything = visible_options(page)
    assert len(everything) == 49  # every approach of the KEK 2030, grouped by field
    assert run_axe(page) == [] and _sideways(page) <= 0

    search = page.get_by_label("Handlungsansätze filtern")
    search.focus()
    page.keyboard.type("Infrastruktur")
    shown = visible_options(page)
    assert 0 < len(shown) < len(everything)
    assert all("infrastruktur" in (o["text"] + o["group"]).lower() for o in shown)
    status = page.locator(".kek-approach-filter__status")
    expect(status).to_have_text(
        f"{len(shown)} Handlungsansätze passen." if len(shown) > 1 else "1 Handlungsansatz passt."
    )
    chosen = page.eval_on_selector("#id_approach", "s => s.options[s.selectedIndex].textContent")
    assert chosen in [o["text"] for o in shown]  # the first match is chosen, nothing hidden stays chosen

    page.keyboard.press("Enter")  # moves to the list; the form is not sent
    expect(page.locator("#id_approach")).to_be_focused()
    assert page.url.endswith(FORM)
    page.keyboard.press("Shift+Tab")
    expect(search).to_be_focused()  # the filter sits right before the list in the tab order
    assert run_axe(page) == [] and _sideways(page) <= 0

    page.keyboard.type("xyzzy")
    expect(status).to_have_text("Kein Handlungsansatz passt. Bitte versuchen Sie ein anderes Stichwort.")
    search.fill("")
    page.dispatch_event("#id_approach-filter", "input")
    assert len(visible_options(page)) == len(everything)
