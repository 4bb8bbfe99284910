"""Screenshots for the README: start, field and approach page at desktop and phone width.

python scripts/screenshots.py http://127.0.0.1:8000   (a running `make run` or `make dev`)
"""

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

OUT = Path(__file__).resolve().parents[1] / "docs" / "screenshots"
PAGES = {
    "start": "/",
    "handlungsfeld": "/starker-wirtschaftsstandort/",
    "handlungsansatz": "/starker-wirtschaftsstandort/wirtschaftsstruktur/standortbedingungen/infrastruktur/",
}
WIDTHS = {"desktop": (1280, 900), "phone": (375, 800)}
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"]


def main(base: str) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        for device, (width, height) in WIDTHS.items():
            page = browser.new_page(viewport={"width": width, "height": height}, device_scale_factor=1)
            for name, path in PAGES.items():
                page.goto(base.rstrip("/") + path)
                page.screenshot(path=OUT / f"{name}-{device}.png", full_page=False)
        browser.close()


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8000")
