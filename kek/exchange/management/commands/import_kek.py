"""manage.py import_kek [FILE] [--if-empty]: load the concept from its content file."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from kek.exchange.content_file import ContentFileError
from kek.exchange.importer import import_file
from kek.plan.models import HomePage


class Command(BaseCommand):
    help = "Lädt das Kreisentwicklungskonzept aus der Inhaltsdatei (YAML) in die Datenbank."

    def add_arguments(self, parser):
        parser.add_argument("file", nargs="?", default=str(settings.BASE_DIR / "content" / "kek2030.yaml"))
        parser.add_argument(
            "--if-empty", action="store_true", help="Nur laden, wenn noch kein Konzept in der Datenbank ist."
        )

    def handle(self, *args, file: str, if_empty: bool, **options):
        if if_empty and HomePage.objects.exists():
            self.stdout.write("Das Konzept ist bereits geladen; nichts zu tun.")
            return
        try:
            result = import_file(Path(file))
        except ContentFileError as exc:
            lines = "\n".join(f"  - {p}" for p in exc.problems)
            raise CommandError(
                f"Die Inhaltsdatei {file} wurde nicht geladen; die Datenbank ist unverändert.\n{lines}"
            ) from exc
        self.stdout.write(self.style.SUCCESS(f"Konzept geladen aus {file}. {result}"))
