"""Printing in Chromium (print-to-PDF, as a visitor's "Drucken" does): an approach page's first
sheet starts with its content at the top and is filled past its middle (no half-empty first
sheet), names its address, and the legend of the examples is printed right before the first
example it explains (not sheets later, after the last measure)."""

import re
import subprocess

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.kek2030]  # the server's own database holds the KEK 2030

APPROACH_URL = "/starker-wirtschaftsstandort/wirtschaftsstruktur/standortbedingungen/infrastruktur/"
WORD = re.compile(r'<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="[\d.]+">([^<]*)</word>')
SHEET = re.compile(r'<page width="[\d.]+" height="([\d.]+)">(.*?)</page>', re.S)
LEGEND = "So lesen Sie die Beispiele"
# The example's printed title: its text without what only screen readers get and without its notes.
TITLE = """e => { const c = e.cloneNode(true);
  c.querySelectorAll('.kern-sr-only, .kek-item-notes, .kek-editorial, .kek-example__description').forEach(n => n.remove());
  return c.textContent.trim(); }"""


@pytest.fixture
def sheets(page, site_url, tmp_path) -> list[tuple[float, list[tuple[float, str]]]]:
    """The printed approach page, each A4 sheet as (height, [(top of word, word), …]) in reading order."""
    page.goto(site_url + APPROACH_URL)
    path = tmp_path / "druck.pdf"
    path.write_bytes(page.pdf(format="A4"))
    layout = subprocess.run(["pdftotext", "-bbox", str(path), "-"], check=True, capture_output=True, text=True).stdout
    return [
        (float(height), [(float(top), word) for top, word in WORD.findall(body)])
        for height, body in SHEET.findall(layout)
    ]


def find(sheets, phrase: str) -> tuple[int, float] | None:
    """(sheet, top) of the first place where the words of `phrase` follow each other, or None."""
    parts = phrase.split()
    for number, (_height, words) in enumerate(sheets):
        texts = [word for _top, word in words]
        for i in range(len(texts) - len(parts) + 1):
            if texts[i : i + len(parts)] == parts:
                return number, words[i][0]
    return None


def test_first_sheet_starts_with_the_content_and_is_not_half_empty(sheets, page):
    height, words = sheets[0]
    title = page.locator("h1").inner_text()
    sheet, title_top = find(sheets, title)
    assert sheet == 0 and title_top < height * 0.2, f"the title starts at {title_top / height:.0%} of sheet 1"
    assert find(sheets, "Ausdruck von")[0] == 0  # the address and date of the printout
    lowest = max(top for top, _word in words)
    assert lowest > height * 0.6, f"sheet 1 ends at {lowest / height:.0%} of its height"


def test_legend_is_printed_right_before_the_first_example(sheets, page):
    example = " ".join(page.locator(".kek-example").first.evaluate(TITLE).split()[:3])
    legend, first_example = find(sheets, LEGEND), find(sheets, example)
    assert legend and first_example, (legend, first_example)
    assert legend < first_example  # before it in reading order …
    assert first_example[0] - legend[0] <= 1  # … on the same sheet or the one facing it
    assert sum(1 for n in range(len(sheets)) if find([sheets[n]], LEGEND)) == 1  # printed once
