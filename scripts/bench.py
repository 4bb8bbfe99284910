"""Server time per page type and search latency: over many requests, in one process.

    make bench            (or: python scripts/bench.py [--requests N])

Requests go through the full Django/Wagtail stack (middleware, routing, templates) via the test
client, so network and gunicorn are left out. The database is a file of its own (var/bench.sqlite3).
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=300, help="Anfragen je Seitentyp")
    args = parser.parse_args()

    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from kek.plan.tests.test_pages import PAGE_TYPES

    call_command("migrate", verbosity=0)
    call_command("setup_site", stdout=open(os.devnull, "w"))  # noqa: SIM115
    client = Client()
    print(
        f"{'Seitentyp':<10} {'p50 ms':>8} {'p99 ms':>8} {'max ms':>8} {'SQL':>5}  ({args.requests} Anfragen, {connection.vendor})"
    )
    for name, url in {**PAGE_TYPES, **monitoring_pages()}.items():
        client.get(url)
        with CaptureQueriesContext(connection) as captured:
            client.get(url)
        query_count = len(captured.captured_queries)  # read now: later requests reset the log
        times = []
        for _ in range(args.requests):
            start = time.perf_counter()
            response = client.get(url)
            times.append((time.perf_counter() - start) * 1000)
            assert response.status_code == 200, url
        times.sort()
        p99 = times[min(len(times) - 1, int(len(times) * 0.99))]
        print(f"{name:<10} {statistics.median(times):8.2f} {p99:8.2f} {times[-1]:8.2f} {query_count:5d}")
    bench_search(args.requests, connection.vendor)


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


QUERIES = ["Schulen", "Radwege", "Breitband", "Ärzte", "Oepnv", "Tourismus Hamburg", "Landkreis", "Pflege"]


def bench_search(requests: int, vendor: str) -> None:
    """Search through the full view (/suche/) on the concept as it is and on a tenfold copy."""
    from django.db import transaction
    from django.test import Client

    from kek.search.indexer import rebuild
    from kek.search.models import SearchEntry

    client = Client()
    rebuild()

    def measure(label: str) -> None:
        times = []
        for i in range(requests):
            start = time.perf_counter()
            assert client.get("/suche/", {"q": QUERIES[i % len(QUERIES)]}).status_code == 200
            times.append((time.perf_counter() - start) * 1000)
        times.sort()
        p95 = times[int(len(times) * 0.95)]
        count = SearchEntry.objects.count()
        print(f"{label:<22} {statistics.median(times):8.2f} {p95:8.2f}   ({count} Einträge, {vendor})")

    print(f"\n{'Suche':<22} {'p50 ms':>8} {'p95 ms':>8}")
    measure("KEK 2030")
    with transaction.atomic():
        fields = [
            "site_id",
            "kind",
            "title",
            "body",
            "url",
            "trail",
            "field_slug",
            "goal_id",
            "title_terms",
            "terms",
            "order",
        ]
        originals = list(SearchEntry.objects.values(*fields))
        SearchEntry.objects.bulk_create(
            [SearchEntry(**{**row, "title": f"{row['title']} ({copy})"}) for copy in range(1, 10) for row in originals]
        )
        measure("zehnfache Kopie")
        transaction.set_rollback(True)


if __name__ == "__main__":
    main()
