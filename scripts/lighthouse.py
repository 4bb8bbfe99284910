"""Lighthouse scores (performance, accessibility, best practices, SEO) per page type.

    make lighthouse                      (serves nothing itself: start `make run` first)
    python scripts/lighthouse.py [BASE_URL]

Runs the pinned Lighthouse 12.2.3 (newer 12.x fail `npm ci`, 13.x needs Node 22) against Debian's
Chromium, with Lighthouse's default mobile emulation and throttling.
"""

import json
import os
import subprocess
import sys

PAGES = {
    "Startseite": "/",
    "Handlungsfeld": "/starker-wirtschaftsstandort/",
    "Handlungsansatz": "/starker-wirtschaftsstandort/wirtschaftsstruktur/standortbedingungen/infrastruktur/",
    "Barrierefreiheit": "/barrierefreiheit/",
    "Suche": "/suche/?q=Breitband",
}
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
CHROME_FLAGS = "--headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking --disable-sync"


def scores(url: str) -> dict[str, int]:
    command = [
        "npx", "--yes", "lighthouse@12.2.3", url,
        f"--chrome-flags={CHROME_FLAGS}", "--output=json", "--quiet",
        f"--only-categories={','.join(CATEGORIES)}",
    ]  # fmt: skip
    env = {**os.environ, "CHROME_PATH": "/usr/bin/chromium"}
    report = json.loads(subprocess.run(command, env=env, capture_output=True, text=True, check=True).stdout)
    return {c: round(report["categories"][c]["score"] * 100) for c in CATEGORIES}


def main(base: str) -> None:
    print(f"{'Seite':<18}" + "".join(f"{c:>16}" for c in CATEGORIES))
    for name, path in PAGES.items():
        result = scores(base.rstrip("/") + path)
        print(f"{name:<18}" + "".join(f"{result[c]:>16}" for c in CATEGORIES))


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8000")
