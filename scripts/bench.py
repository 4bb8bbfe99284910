"""Server time per public page type, as a ratio to a bare Wagtail page served in the same run.

    make bench                                  (SQLite: var/bench.sqlite3)
    DATABASE_URL=postgres://…/kek_bench make bench   (PostgreSQL: give it a database of its own)
    python scripts/bench.py [--rounds N] [--only start,approach,…] [--cold]

The search at ten and a hundred times the content: scripts/bench_search.py (also run by `make bench`).

Requests go through the full Django/Wagtail stack (middleware, routing, templates) via the test
client in one process, so network and gunicorn are left out. Nothing is cached between requests
except what the code itself keeps (Wagtail's site-root paths, per-process derived data, and the
parts of pages kept until the site's content changes: kek/core/content_cache.py). With --cold that
cache is emptied before every request, as for the first request after a publication.

The yardstick is a *bare Wagtail page*: a plain `wagtail.models.Page` under the tree root, the
root page of a Site of its own, rendered with Wagtail's own template `wagtailcore/page.html` (a
title and a heading) — what Wagtail serves with no project code in the page itself, through the
same middleware and routing (`wagtail.views.serve`). It is created for the run and removed after.

Requests are made round-robin (every page type once per round), so that a busy spell of the
machine slows all page types rather than a few. Read the table like this:
- p50 / p99 / max: server time in ms over all rounds;
- × bare: p50 divided by the bare page's p50 — the number to watch, as it hardly depends on the
  machine (target: every page type ≤ 2.0, issue 8);
- CPU×: the same ratio for the time this process spent computing (its own thread's CPU time). On a
  busy machine a long request is interrupted more often than a short one, which inflates its wall
  time more; CPU× is not affected by that. With PostgreSQL it leaves out the database server's work.
- SQL: queries of one request with warm per-process caches, as on a running server (the same on
  SQLite and PostgreSQL; kek/plan/tests/test_pages.py asserts them, cold and warm); with --cold
  those of a request that builds every kept part.

Run it on an otherwise idle machine and twice: the numbers of one run compare with each other, not
with another machine's.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kek.settings.test")
os.environ.setdefault("DATABASE_URL", f"sqlite:///{ROOT / 'var' / 'bench.sqlite3'}")

BARE_HOST = "bare.bench.invalid"
PLACE = "parchim"  # the place with the most projects


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=300, help="Anfragen je Seitentyp")
    parser.add_argument("--only", default="", help="nur diese Seitentypen (kommagetrennt)")
    parser.add_argument("--cold", action="store_true", help="vor jeder Anfrage die behaltenen Seitenteile leeren")
    args = parser.parse_args()

    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection

    call_command("migrate", verbosity=0)
    call_command("setup_site", stdout=open(os.devnull, "w"))  # noqa: SIM115
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, BARE_HOST]
    from kek.search.indexer import rebuild

    rebuild()  # the search page in the table needs the index
    bare_site = create_bare_site()
    try:
        pages = public_pages()
        if args.only:
            chosen = args.only.split(",")
            pages = {name: url for name, url in pages.items() if name in chosen}
        bench_pages(pages, args.rounds, connection.vendor, cold=args.cold)
    finally:
        remove_bare_site(bare_site)


def create_bare_site():
    """A plain Wagtail page as the root page of a Site of its own (as `wagtail start` routes it)."""
    from wagtail.models import Page, Site

    remove_bare_site(Site.objects.filter(hostname=BARE_HOST).first())
    tree_root = Page.get_first_root_node()
    page = tree_root.add_child(instance=Page(title="Bare Wagtail page", slug="bench-bare-page"))
    return Site.objects.create(hostname=BARE_HOST, port=80, root_page=page, site_name="bare")


def remove_bare_site(site) -> None:
    if site is not None:
        page = site.root_page
        site.delete()
        page.delete()


def public_pages() -> dict[str, str]:
    """Every public page type of the concept's site: the concept's levels, then the rest."""
    from kek.history.records import BaselineSnapshot
    from kek.plan.models import ApproachPage
    from kek.plan.tests.test_pages import PAGE_TYPES, PUBLIC_PAGES

    compared = ApproachPage.objects.get(url_path__endswith="/infrastruktur/")
    snapshot = BaselineSnapshot.objects.filter(page_id=compared.pk).exists()
    return {
        "bare": "/",
        **PAGE_TYPES,
        **PUBLIC_PAGES,
        **monitoring_pages(),
        **({"compare": f"/aenderungen/vergleich/{compared.pk}/"} if snapshot else {}),
        "search": "/suche/?q=Radwege",
    }


def bench_pages(pages: dict[str, str], rounds: int, vendor: str, *, cold: bool = False) -> None:
    from django.core.cache import cache
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    site_client = Client()
    bare_client = Client(HTTP_HOST=BARE_HOST)

    def get(name: str, url: str):
        if cold:  # the first request after a publication: every kept part is built
            cache.clear()
        response = (bare_client if name == "bare" else site_client).get(url)
        assert response.status_code == 200, (url, response.status_code)
        return response

    queries = {}
    for name, url in pages.items():
        get(name, url)  # warm per-process caches, as on a running server
        with CaptureQueriesContext(connection) as captured:
            get(name, url)
        queries[name] = len(captured.captured_queries)
    assert "bare" in pages, "the bare page is the yardstick"
    times: dict[str, list[float]] = {name: [] for name in pages}
    cpu: dict[str, list[float]] = {name: [] for name in pages}
    for _ in range(rounds):
        for name, url in pages.items():
            start, start_cpu = time.perf_counter(), time.thread_time()
            get(name, url)
            times[name].append((time.perf_counter() - start) * 1000)
            cpu[name].append((time.thread_time() - start_cpu) * 1000)
    bare, bare_cpu = statistics.median(times["bare"]), statistics.median(cpu["bare"])
    print(
        f"{'Seitentyp':<13} {'p50 ms':>7} {'p99 ms':>7} {'max ms':>7} {'× bare':>7} {'CPU×':>6} {'SQL':>4}"
        f"  ({rounds} Runden, {vendor}{', kalt' if cold else ''})"
    )
    for name in pages:
        row = sorted(times[name])
        p50 = statistics.median(row)
        p99 = row[min(len(row) - 1, int(len(row) * 0.99))]
        flag = "  > 2×" if p50 > 2 * bare else ""
        cpu_ratio = statistics.median(cpu[name]) / bare_cpu
        print(
            f"{name:<13} {p50:7.2f} {p99:7.2f} {row[-1]:7.2f} {p50 / bare:7.2f} {cpu_ratio:6.2f} {queries[name]:4d}{flag}"
        )


def monitoring_pages() -> dict[str, str]:
    """The monitoring section's page types, with the first running project and measure of the concept."""
    from kek.plan.models import Measure, Project

    project = Project.objects.public().filter(kind="running").order_by("approach__path", "sort_order").first()
    measure = Measure.objects.order_by("approach__path", "sort_order").first()
    return {
        "Umsetzung": "/umsetzung/",
        "Liste": "/umsetzung/liste/?stand=running",
        "Projekte": "/projekte/",
        "Projekt": f"/projekte/{project.key}/",
        "Maßnahme": f"/umsetzung/massnahmen/{measure.key}/",
    }


if __name__ == "__main__":
    main()
