"""manage.py import_places [FILE] [--site host[:port]]: load a county's Ämter, Städte and Gemeinden."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from kek.exchange.places_file import PlacesFileError, import_places, load
from kek.exchange.sites import site_or_error


class Command(BaseCommand):
    help = "Lädt die Ämter, Städte und Gemeinden aus der Ortsdatei (YAML) für eine Site."

    def add_arguments(self, parser):
        parser.add_argument("file", nargs="?", default=str(settings.BASE_DIR / "content" / "places.yaml"))
        parser.add_argument("--site", help="host oder host:port der Site; ohne Angabe die Standard-Site.")

    def handle(self, *args, file: str, site: str | None, **options):
        try:
            count = import_places(load(Path(file)), site_or_error(site))
        except PlacesFileError as exc:
            raise CommandError(f"{exc}\nDie Datenbank ist unverändert.") from exc
        self.stdout.write(f"Orte geladen: {count}.")
