"""manage.py setup_site: make a migrated database a working portal, without touching content.

Loads the default site's places and, if it has none yet, its concept; then creates whatever
service pages and editor groups any site's concept is missing. Safe to run on every start.
"""

from django.core.management import call_command
from django.core.management.base import BaseCommand

from kek.exchange.setup import complete_site
from kek.plan.models import HomePage


class Command(BaseCommand):
    help = "Richtet das Portal ein: Konzept laden (falls leer), Pflichtseiten und Redaktionsgruppen anlegen."

    def handle(self, *args, **options):
        call_command("import_places", stdout=self.stdout)
        call_command("import_kek", if_empty=True, stdout=self.stdout)
        call_command("import_indicators", only_new=True, stdout=self.stdout)
        created = [name for home in HomePage.objects.all() for name in complete_site(home)]
        self.stdout.write(f"Neu angelegt: {', '.join(created) or 'nichts'}.")
