"""manage.py load_demo: an invented implementation history for `make demo` (never for real data)."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Site

from kek.monitoring.demo import load


class Command(BaseCommand):
    help = "Lädt erfundene Beispieldaten zum Umsetzungsstand (nur mit KEK_DEMO=1, siehe make demo)."

    def handle(self, *args, **options):
        if not settings.KEK_DEMO:
            raise CommandError(
                "Beispieldaten nur in der Vorführung: Bitte mit KEK_DEMO=1 auf einer eigenen Datenbank starten "
                "(make demo). Echte Daten bleiben so frei von Erfundenem."
            )
        site = Site.objects.select_related("root_page").get(is_default_site=True)
        count = load(site)
        self.stdout.write(f"Beispieldaten für {count} Einträge geladen.")
