"""Server time per page type: median and p99 over many requests, in one process on SQLite.

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
    call_command("import_kek", "--if-empty", stdout=open(os.devnull, "w"))  # noqa: SIM115
    client = Client()
    print(f"{'Seitentyp':<10} {'p50 ms':>8} {'p99 ms':>8} {'max ms':>8} {'SQL':>5}  ({args.requests} Anfragen, SQLite)")
    for name, url in PAGE_TYPES.items():
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


if __name__ == "__main__":
    main()
