"""Cold generation time of the concept PDF for the whole KEK 2030 (target: under 10 s, issue 11),
and of an implementation report over it (gathering and freezing it on publication; its PDF).

    make bench-pdf                               (SQLite: var/bench.sqlite3)
    python scripts/bench_pdf.py [--runs N]

"Cold" is what the task worker does after a publication: a fresh Python process that has not yet
loaded WeasyPrint or any font reads the published concept, lays it out and writes the tagged PDF.
Each run is such a process; the script prints each time, the median and the size and page count.
"""

import argparse
import os
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kek.settings.test")
os.environ.setdefault("DATABASE_URL", f"sqlite:///{ROOT / 'var' / 'bench.sqlite3'}")

ONE_RUN = """
import sys, time
start = time.perf_counter()
import django
django.setup()
from wagtail.models import Site
from kek.publications.pdf import render_pdf
data = render_pdf(Site.objects.get(is_default_site=True))
seconds = time.perf_counter() - start
open(sys.argv[1], "wb").write(data)
print(f"{seconds:.2f}")
"""

REPORT_RUN = """
import datetime, sys, time
start = time.perf_counter()
import django
django.setup()
from django.db import transaction
from wagtail.models import Site
from kek.publications import reports
from kek.publications.models import ImplementationReport
from kek.publications.report_pdf import render_pdf
with transaction.atomic():
    report = ImplementationReport.objects.create(
        site=Site.objects.get(is_default_site=True), title="Messung", period_start=datetime.date(2024, 1, 1),
        period_end=datetime.date(2025, 12, 31),
    )
    started = time.perf_counter()
    report = reports.publish(report, None)
    published = time.perf_counter() - started
    started = time.perf_counter()
    data = render_pdf(report)
    pdf = time.perf_counter() - started
    transaction.set_rollback(True)  # measured, not kept
print(f"{published:.2f} {pdf:.2f} {len(data)}")
"""


def report_runs(runs: int) -> None:
    """Publishing a report (gathering and rendering it) and making its PDF, each in a fresh process."""
    published, pdf = [], []
    for run in range(1, runs + 1):
        result = subprocess.run([sys.executable, "-c", REPORT_RUN], check=True, capture_output=True, text=True)
        seconds, pdf_seconds, size = result.stdout.strip().splitlines()[-1].split()
        published.append(float(seconds))
        pdf.append(float(pdf_seconds))
        print(
            f"Bericht, Lauf {run}: Veröffentlichen {published[-1]:.2f} s, PDF {pdf[-1]:.2f} s ({int(size) / 1024:.0f} KB)"
        )
    print(
        f"Umsetzungsbericht KEK 2030: Median Veröffentlichen {statistics.median(published):.2f} s, "
        f"PDF {statistics.median(pdf):.2f} s"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="Anzahl kalter Läufe")
    args = parser.parse_args()

    import django

    django.setup()
    from django.core.management import call_command
    from django.test.utils import override_settings

    call_command("migrate", verbosity=0)
    # Load the KEK without building its files at once (the runs below are the measurement).
    with override_settings(TASKS={"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}):
        call_command("setup_site", stdout=open(os.devnull, "w"))  # noqa: SIM115
    target = ROOT / "var" / "bench-konzept.pdf"
    times = []
    for run in range(1, args.runs + 1):
        result = subprocess.run(
            [sys.executable, "-c", ONE_RUN, str(target)], check=True, capture_output=True, text=True
        )
        times.append(float(result.stdout.strip().splitlines()[-1]))
        print(f"Lauf {run}: {times[-1]:.2f} s (kalt, eigener Prozess)")
    pages = subprocess.run(["pdfinfo", str(target)], capture_output=True, text=True).stdout
    count = next((line.split()[-1] for line in pages.splitlines() if line.startswith("Pages:")), "?")
    print(
        f"Konzept-PDF KEK 2030: Median {statistics.median(times):.2f} s, {target.stat().st_size / 1024:.0f} KB, {count} Seiten"
    )
    report_runs(args.runs)


if __name__ == "__main__":
    main()
