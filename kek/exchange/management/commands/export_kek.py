"""manage.py export_kek [FILE]: write the concept as it is now in the content-file format."""

import sys

from django.core.management.base import BaseCommand

from kek.exchange.exporter import export_concept, to_yaml
from kek.exchange.sites import site_or_error


class Command(BaseCommand):
    help = (
        "Schreibt das Kreisentwicklungskonzept im Format der Inhaltsdatei (YAML), ohne Datei auf die Standardausgabe."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", nargs="?")
        parser.add_argument("--site", help="host oder host:port der Site; ohne Angabe die Standard-Site.")

    def handle(self, *args, file: str | None, site: str | None, **options):
        text = to_yaml(export_concept(site_or_error(site)))
        if file:
            with open(file, "w", encoding="utf-8") as out:
                out.write(text)
            self.stdout.write(f"Konzept exportiert nach {file}.")
        else:
            sys.stdout.write(text)
