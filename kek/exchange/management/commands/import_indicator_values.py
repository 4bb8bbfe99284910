"""manage.py import_indicator_values FILE [--site host[:port]]: values from a CSV file, all or nothing."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from kek.exchange.sites import site_or_error
from kek.indicators.values_csv import ValuesFileError, import_values


class Command(BaseCommand):
    help = (
        "Übernimmt Indikatorwerte aus einer CSV-Datei (UTF-8, Semikolon, Spalten indikator;jahr;wert;quelle;stand, "
        "Zahlen wie 1.234,5). Ist eine Zeile fehlerhaft, wird nichts übernommen."
    )

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--site", help="host oder host:port der Site; ohne Angabe die Standard-Site.")

    def handle(self, *args, file: str, site: str | None, **options):
        target = site_or_error(site)
        try:
            data = Path(file).read_bytes()
        except OSError as exc:
            raise CommandError(f"Die Datei {file} lässt sich nicht lesen: {exc.strerror}.") from exc
        try:
            result = import_values(data, target)
        except ValuesFileError as exc:
            lines = "\n".join(f"  - {p}" for p in exc.problems)
            raise CommandError(
                f"Die Datei {file} wurde nicht übernommen; die Datenbank ist unverändert.\n{lines}"
            ) from exc
        self.stdout.write(str(result))
