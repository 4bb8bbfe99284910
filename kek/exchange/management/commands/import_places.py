"""manage.py import_places [FILE]: load the county's Ämter, Städte and Gemeinden."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from kek.exchange.places_file import PlacesFileError, import_places, load


class Command(BaseCommand):
    help = "Lädt die Ämter, Städte und Gemeinden aus der Ortsdatei (YAML)."

    def add_arguments(self, parser):
        parser.add_argument("file", nargs="?", default=str(settings.BASE_DIR / "content" / "places.yaml"))

    def handle(self, *args, file: str, **options):
        try:
            count = import_places(load(Path(file)))
        except PlacesFileError as exc:
            raise CommandError(f"{exc}\nDie Datenbank ist unverändert.") from exc
        self.stdout.write(f"Orte geladen: {count}.")
