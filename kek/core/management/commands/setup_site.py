"""manage.py setup_site: make a migrated database a working portal, without touching content.

Loads the concept if there is none, then creates missing service pages and editor groups.
"""

from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Richtet das Portal ein: Konzept laden (falls leer), Pflichtseiten und Fachdienst-Gruppen anlegen."

    def handle(self, *args, **options):
        call_command("import_kek", if_empty=True, stdout=self.stdout)
        call_command("ensure_legal_pages", stdout=self.stdout)
        call_command("ensure_field_groups", stdout=self.stdout)
