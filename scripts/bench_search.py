"""Search time at ten and a hundred times the KEK's content, on PostgreSQL (issue 14, §4).

    make bench                       (runs this after scripts/bench.py)
    python scripts/bench_search.py [--rounds N] [--runs N] [--keep] [--plans]

Targets: p95 of /suche/ < 50 ms at ten times and < 150 ms at a hundred times the KEK's content.

The script makes a PostgreSQL database of its own, `kek_searchscale`, on the server of
DATABASE_URL (or the project's default server if DATABASE_URL is SQLite), loads the KEK 2030
into it as `make run` does, and drops it at the end (`--keep` leaves it for a look with psql).

How the content grows: the search reads only its index (`SearchEntry`, one row per findable
thing, with its tags and facet values), the site's synonym groups and the site's
facet labels. So more content means more index rows; copying the KEK's rows under new
sites is what the search sees of more counties, without importing the concept a hundred times
(one import takes a minute and a half). Two cases, because search is scoped by site:
- "Kreise": 10 and 100 sites, each with the KEK's entries and synonym groups (every county of a
  Land on one installation). The database holds 10× / 100× the rows; one search reads one site's.
- "ein Kreis": a site beside the KEK with ten times its entries (a county whose concept, projects
  and places grew tenfold). Here every part of a search handles ten times the rows: the harder
  case.
Requests go through the full view (/suche/, test client in one process) for the queries below,
round-robin, in several runs: p50 and p95 of the wall time (median of the runs, and the best
run's p95) and the median of this process's own CPU time (without PostgreSQL's; on a busy
machine wall times grow, CPU time hardly). Then each part alone (matching and ranking with facet
counts, "Meinten Sie", the facet labels) and PostgreSQL's own execution time of the match query
from EXPLAIN ANALYZE, which hardly depends on how busy the machine is.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
DATABASE = "kek_searchscale"
DEFAULT_SERVER = "postgres://kek:kek@127.0.0.1:5432/kek"
HOSTS = ".bench.invalid"

# What citizens type: single words, two words, a typo, a synonym (group "Verkehr"), a rare and a
# very common word (in a tenth of all entries).
QUERIES = {
    "ein Wort": "Schulen",
    "ein Wort (2)": "Radwege",
    "zwei Wörter": "Tourismus Hamburg",
    "Tippfehler": "Breitbnad",
    "Synonym": "Nahverkehr",
    "seltenes Wort": "Bibliothek",
    "häufiges Wort": "Entwicklung",
}


def server_url() -> str:
    url = os.environ.get("DATABASE_URL", "")
    return url if url.startswith(("postgres://", "postgresql://")) else DEFAULT_SERVER


def database_url(name: str) -> str:
    parts = urlsplit(server_url())
    return urlunsplit(parts._replace(path=f"/{name}"))


def admin(statement: str) -> None:
    """CREATE/DROP DATABASE, from the server's maintenance database."""
    import psycopg

    with psycopg.connect(database_url("postgres"), autocommit=True) as connection:
        connection.execute(statement)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=8, help="Durchläufe aller Suchanfragen je Lauf")
    parser.add_argument("--runs", type=int, default=3, help="Läufe je Umfang (Median und bester)")
    parser.add_argument("--keep", action="store_true", help="Datenbank kek_searchscale danach nicht löschen")
    parser.add_argument("--plans", action="store_true", help="Ausführungspläne der Trefferabfrage zeigen")
    args = parser.parse_args()
    try:
        admin(f"DROP DATABASE IF EXISTS {DATABASE}")
        admin(f"CREATE DATABASE {DATABASE}")
    except Exception as error:  # any reason the server is not there is reported alike
        print(f"\nSuche im Maßstab: übersprungen, PostgreSQL nicht erreichbar ({error}).")
        return
    os.environ["DATABASE_URL"] = database_url(DATABASE)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kek.settings.test")
    os.environ["KEK_BUILD_FILES"] = "0"  # PDF and downloads are not what is measured here
    try:
        run(args)
    finally:
        from django.db import connections

        connections.close_all()
        if not args.keep:
            admin(f"DROP DATABASE IF EXISTS {DATABASE}")


def run(args) -> None:
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from wagtail.models import Site

    from kek.search.indexer import rebuild

    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, HOSTS]
    start = time.perf_counter()
    call_command("migrate", verbosity=0)
    call_command("setup_site", stdout=open(os.devnull, "w"))  # noqa: SIM115
    rebuild()
    home = Site.objects.get(is_default_site=True)
    print(f"\nSuche im Maßstab (PostgreSQL, Datenbank {DATABASE}; KEK geladen in {time.perf_counter() - start:.0f} s)")
    print(f"{args.runs} Läufe je Umfang; p50, p95, CPU: Median der Läufe; p95 min: bester Lauf")
    print(f"{'Umfang':<24} {'Einträge':>8} {'p50 ms':>7} {'p95 ms':>7} {'p95 min':>7} {'CPU p50':>7}  Ziel p95")
    bench = Bench(args.rounds, args.runs, args.plans)
    bench.measure("KEK 2030", [home])
    bench.one_county(home)
    sites = [home]
    for scale, target in ((10, 50), (100, 150)):
        sites += [copy_site(home, n) for n in range(len(sites), scale)]
        bench.measure(f"{scale} Kreise", sites, target)
    bench.report()


class Bench:
    """Times requests and parts per scale; prints one line per scale, the parts at the end."""

    def __init__(self, rounds: int, runs: int, plans: bool) -> None:
        from django.test import Client

        self.rounds, self.runs, self.plans = rounds, runs, plans
        self.client = Client
        self.parts: list[tuple[str, dict[str, list[float]], dict[str, tuple[float, str]]]] = []

    def measure(self, label: str, sites: list, target: float | None = None) -> None:
        from django.db import connection

        from kek.search.models import SearchEntry

        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")  # statistics and visibility as autovacuum leaves them after the inserts
        # A few of the sites, the first and the last among them; all hold the same content.
        sample = sites[:: max(1, len(sites) // 4)][:4] + ([sites[-1]] if len(sites) > 1 else [])
        clients = [self.client(HTTP_HOST=site.hostname) for site in sample]
        for client in clients:  # warm per-process caches ("Meinten Sie" vocabulary), as on a running server
            for query in QUERIES.values():
                assert client.get("/suche/", {"q": query}).status_code == 200
        runs = []  # (p50, p95, CPU p50) of each run
        for _ in range(self.runs):
            times, cpu = [], []
            for _ in range(self.rounds):
                for client in clients:
                    for query in QUERIES.values():
                        begin, begin_cpu = time.perf_counter(), time.thread_time()
                        response = client.get("/suche/", {"q": query})
                        times.append((time.perf_counter() - begin) * 1000)
                        cpu.append((time.thread_time() - begin_cpu) * 1000)
                        assert response.status_code == 200, response.status_code
            times.sort()
            runs.append((statistics.median(times), times[int(len(times) * 0.95)], statistics.median(cpu)))
        p50, p95, cpu_p50 = (statistics.median(run[i] for run in runs) for i in range(3))
        best = min(run[1] for run in runs)
        verdict = "" if target is None else f"< {target:.0f} ms: " + ("erreicht" if p95 < target else "VERFEHLT")
        count = SearchEntry.objects.count()
        print(f"{label:<24} {count:8d} {p50:7.1f} {p95:7.1f} {best:7.1f} {cpu_p50:7.1f}  {verdict}")
        self.parts.append((label, *self.time_parts(sample[0])))

    def one_county(self, home) -> None:
        """A site with ten times the KEK's entries beside the KEK, measured, then removed again."""
        from kek.search.models import SearchEntry

        large = copy_site(home, 0, copies=10)
        self.measure("ein Kreis, 10× Inhalt", [large], 50)
        SearchEntry.objects.filter(site=large).delete()
        large.delete()

    def time_parts(self, site) -> tuple[dict[str, list[float]], dict[str, tuple[float, str]]]:
        """Each part of a search alone, and PostgreSQL's execution time of the match query."""
        from kek.search import views
        from kek.search.query import search
        from kek.search.vocabulary import did_you_mean, synonym_groups

        synonyms = synonym_groups(site)
        parts: dict[str, list[float]] = {"Treffer+Facetten": [], "Meinten Sie": [], "Facettennamen": []}
        for _ in range(max(3, self.rounds // 4)):
            for query in QUERIES.values():
                parts["Treffer+Facetten"].append(timed(lambda q=query: search(q, {}, site, synonyms)))
                parts["Meinten Sie"].append(timed(lambda q=query: did_you_mean(q, site)))
                result = search(query, {}, site, synonyms)
                parts["Facettennamen"].append(timed(lambda r=result: views._facet_options(r.counts, site)))
        return parts, {name: self.explain(query, site, synonyms) for name, query in QUERIES.items()}

    def explain(self, query: str, site, synonyms) -> tuple[float, str]:
        """PostgreSQL's execution time (ms) of the query that finds the hits, best of three, and how
        it reads the rows: T trigram index of the site, B another index by site alone, S a scan."""
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        from kek.search.query import search

        with CaptureQueriesContext(connection) as captured:
            search(query, {}, site, synonyms)
        sql = next(q["sql"] for q in captured.captured_queries if "LENGTH(" in q["sql"])
        best = float("inf")
        with connection.cursor() as cursor:
            for _ in range(3):
                cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + sql)
                plan = [row[0] for row in cursor.fetchall()]
                best = min(best, float(plan[-1].split(":")[1].split()[0]))
        if self.plans:
            print(f"\n  {query!r} bei {site.hostname}:")
            print("\n".join("    " + line for line in plan))
        text = "\n".join(plan)
        way = "T" if "search_entry_site_terms_trgm" in text else "S" if "Seq Scan" in text else "B"
        return best, way

    def report(self) -> None:
        print("\nTeile einer Suche, je Umfang (ms, p50 / p95, ohne Seitenaufbau):")
        names = list(self.parts[0][1])
        print(f"{'Umfang':<24} " + " ".join(f"{name:>17}" for name in names))
        for label, parts, _plans in self.parts:
            cells = []
            for name in names:
                row = sorted(parts[name])
                cells.append(f"{statistics.median(row):7.2f} / {row[int(len(row) * 0.95)]:6.2f}")
            print(f"{label:<24} " + " ".join(f"{cell:>17}" for cell in cells))
        print("\nTrefferabfrage: Ausführungszeit in PostgreSQL (EXPLAIN ANALYZE, ms, beste von 3) und Weg")
        print("(T: Trigramm-Index der Website, B: ein Index nur nach Website, S: alle Zeilen gelesen):")
        print(f"{'Umfang':<24} " + " ".join(f"{name[:13]:>13}" for name in QUERIES))
        for label, _parts, plans in self.parts:
            print(f"{label:<24} " + " ".join(f"{plans[name][0]:11.2f} {plans[name][1]}" for name in QUERIES))


def timed(function) -> float:
    begin = time.perf_counter()
    function()
    return (time.perf_counter() - begin) * 1000


def copy_site(home, number: int, copies: int = 1):
    """A county of its own: a site with a copy of the KEK's index entries and synonym groups.
    It shares the KEK's page tree, which the search reads only for the facets' names."""
    from wagtail.models import Site

    from kek.search.models import SynonymGroup

    site = Site.objects.create(hostname=f"kreis-{number}{HOSTS}", port=80, root_page=home.root_page)
    SynonymGroup.objects.bulk_create(
        SynonymGroup(site=site, name=group.name, words=group.words, note=group.note)
        for group in SynonymGroup.objects.of_site(home)
    )
    copy_entries(home, site, copies)
    return site


def copy_entries(source, site, copies: int) -> None:
    """`copies` times the entries of `source` into `site` (their tags are in `facets`)."""
    from kek.search.models import SearchEntry

    originals = list(SearchEntry.objects.filter(site=source).order_by("pk"))
    for _ in range(copies):
        SearchEntry.objects.bulk_create(
            SearchEntry(**entry_fields(entry), site=site, order=entry.order) for entry in originals
        )


def entry_fields(entry) -> dict:
    names = ["kind", "title", "body", "url", "trail", "field_slug", "goal_id", "title_terms", "terms", "facets"]
    return {name: getattr(entry, name) for name in names}


if __name__ == "__main__":
    main()
