"""Printing in Chromium (print-to-PDF, as a visitor's "Drucken" does): an approach page starts with
its content at the top of the first sheet, names its address and date, and prints the legend of
the examples beside the examples it explains."""

import re
import subprocess

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.kek2030]  # the server's own database holds the KEK 2030

APPROACH_URL = "/starker-wirtschaftsstandort/wirtschaftsstruktur/standortbedingungen/infrastruktur/"
WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="[\d.]+">([^<]*)</word>')
PAGE = re.compile(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', re.S)


def printed_pages(page, url: str, tmp_path) -> list[tuple[float, list[tuple[float, str]]]]:
    """Each printed sheet as (height, [(top of word, word), …]) in reading order."""
    page.goto(url)
    path = tmp_path / "druck.pdf"
    path.write_bytes(page.pdf(format="A4"))
    import shutil

    shutil.copy(path, "/tmp/report-print.pdf")  # DEBUG
    layout = subprocess.run(["pdftotext", "-bbox", str(path), "-"], check=True, capture_output=True, text=True).stdout
    return [
        (float(height), [(float(top), word) for _left, top, word in WORD.findall(body)])
        for _width, height, body in PAGE.findall(layout)
    ]


def top_of(words: list[tuple[float, str]], phrase: str) -> float | None:
    """Where the first line holding `phrase` starts on the sheet, or None."""
    parts = phrase.split()
    texts = [w for _top, w in words]
    for i in range(len(texts) - len(parts) + 1):
        if texts[i : i + len(parts)] == parts:
            return words[i][0]
    return None


def test_printed_approach_page_starts_with_its_content_at_the_top(page, site_url, tmp_path):
    sheets = printed_pages(page, site_url + APPROACH_URL, tmp_path)
    height, words = sheets[0]
    heading = page.locator("h1").inner_text().split()[-1]  # the title's last word, found on sheet 1
    title_top = next(top for top, word in words if word == heading)
    assert title_top < height * 0.25, f"the title starts at {title_top / height:.0%} of the first sheet"
    assert top_of(words, "Ausdruck von") is not None and top_of(words, "Ausdruck von") < title_top
    assert top_of(words, "Maßnahmen") is not None  # the measures begin on the first sheet


def test_printed_legend_stands_beside_the_examples_it_explains(page, site_url, tmp_path):
    sheets = printed_pages(page, site_url + APPROACH_URL, tmp_path)
    with_legend = [i for i, (_h, words) in enumerate(sheets) if top_of(words, "So lesen Sie die Beispiele")]
    with_examples = [
        i
        for i, (_h, words) in enumerate(sheets)
        if top_of(words, "Laufendes Projekt:") or top_of(words, "Projektidee:")
    ]
    assert len(with_legend) == 1 and with_examples
    assert with_legend[0] <= with_examples[0], "the legend comes on or before the sheet with the first example"
