"""manage.py setup_site: make a migrated database a working portal, without touching content.

Loads the places and, if there is none yet, the concept; then creates whatever service pages and editor groups
are missing. Safe to run on every start.
"""

from django.core.management import call_command
from django.core.management.base import BaseCommand

from kek.editorial.services import ensure_field_groups
from kek.history.services import ensure_page as ensure_change_log
from kek.legal.services import ensure_pages as ensure_legal_pages
from kek.places.services import ensure_page as ensure_place_index
from kek.plan.models import HomePage


class Command(BaseCommand):
    help = "Richtet das Portal ein: Konzept laden (falls leer), Pflichtseiten und Fachdienst-Gruppen anlegen."

    def handle(self, *args, **options):
        call_command("import_places", stdout=self.stdout)
        call_command("import_kek", if_empty=True, stdout=self.stdout)
        created = []
        for home in HomePage.objects.all():
            created += [p.title for p in ensure_legal_pages(home)]
            created += [page.title for page in [ensure_change_log(home), ensure_place_index(home)] if page]
            created += [g.name for g in ensure_field_groups(home)]
        self.stdout.write(f"Neu angelegt: {', '.join(created) or 'nichts'}.")
