"""manage.py import_kek [FILE] [--site host[:port]] [--places FILE] [--if-empty]: load a concept."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from kek.exchange import content_file, places_file
from kek.exchange.content_file import ContentFileError
from kek.exchange.importer import base_address, import_concept, new_site
from kek.exchange.setup import complete_site
from kek.exchange.sites import find_site, parse_site
from kek.plan.models import HomePage


class Command(BaseCommand):
    help = (
        "Lädt ein Kreisentwicklungskonzept aus der Inhaltsdatei (YAML) in eine Site. Eine neue Site "
        "(--site host) wird dabei angelegt; ihre Orte kommen mit --places."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", nargs="?", default=str(settings.BASE_DIR / "content" / "kek2030.yaml"))
        parser.add_argument("--site", help="host oder host:port der Site; ohne Angabe die Standard-Site.")
        parser.add_argument("--places", help="Ortsdatei (YAML) der Site, vor dem Konzept geladen.")
        parser.add_argument("--if-empty", action="store_true", help="Nur laden, wenn die Site noch kein Konzept hat.")

    def handle(self, *args, file: str, site: str | None, places: str | None, if_empty: bool, **options):
        target = find_site(site)
        if if_empty and target is not None and isinstance(target.root_page.specific, HomePage):
            self.stdout.write("Das Konzept ist bereits geladen; nichts zu tun.")
            return
        try:
            data = content_file.load(Path(file))
            places_data = places_file.load(Path(places)) if places else None
            with transaction.atomic():
                if target is None:  # a new site, or the default site of an empty installation
                    target = new_site(data, *(parse_site(site) or base_address()), default=not site)
                if places_data is not None:
                    places_file.import_places(places_data, target)
                result = import_concept(data, target)
                created = complete_site(result.home)
        except ContentFileError as exc:
            lines = "\n".join(f"  - {p}" for p in exc.problems)
            raise CommandError(
                f"Die Inhaltsdatei {file} wurde nicht geladen; die Datenbank ist unverändert.\n{lines}"
            ) from exc
        except places_file.PlacesFileError as exc:
            raise CommandError(f"{exc}\nDie Datenbank ist unverändert.") from exc
        self.stdout.write(self.style.SUCCESS(f"Konzept geladen aus {file}. {result}"))
        if created:
            self.stdout.write(f"Neu angelegt: {', '.join(created)}.")
