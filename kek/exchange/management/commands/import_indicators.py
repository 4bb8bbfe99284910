"""manage.py import_indicators [FILE] [--site host[:port]] [--only-new]: a concept's indicators."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from kek.exchange.indicators_file import IndicatorsFileError, belongs_to, import_indicators, load
from kek.exchange.sites import site_or_error


class Command(BaseCommand):
    help = "Lädt die Indikatoren eines Konzepts mit Zielen und belegten Werten aus der Indikatorendatei (YAML)."

    def add_arguments(self, parser):
        parser.add_argument("file", nargs="?", default=str(settings.BASE_DIR / "content" / "indicators.yaml"))
        parser.add_argument("--site", help="host oder host:port der Site; ohne Angabe die Standard-Site.")
        parser.add_argument(
            "--only-new",
            action="store_true",
            help="Nur Indikatoren anlegen, die es noch nicht gibt, und eine Site mit anderem Konzept übergehen "
            "(für setup_site bei jedem Start).",
        )

    def handle(self, *args, file: str, site: str | None, only_new: bool, **options):
        try:
            data = load(Path(file))
            target = site_or_error(site)
            if only_new and not belongs_to(data, target):
                self.stdout.write("Indikatoren: Die Site zeigt ein anderes Konzept; nichts geladen.")
                return
            result = import_indicators(data, target, only_new=only_new)
        except IndicatorsFileError as exc:
            lines = "\n".join(f"  - {p}" for p in exc.problems)
            raise CommandError(
                f"Die Indikatorendatei {file} wurde nicht geladen; die Datenbank ist unverändert.\n{lines}"
            ) from exc
        self.stdout.write(str(result))
