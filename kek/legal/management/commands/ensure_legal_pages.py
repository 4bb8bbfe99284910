"""manage.py ensure_legal_pages: create missing Impressum, Datenschutz, Barrierefreiheit … pages."""

from django.core.management.base import BaseCommand

from kek.legal.services import ensure_pages


class Command(BaseCommand):
    help = (
        "Legt fehlende Pflichtseiten (Impressum, Datenschutz, Barrierefreiheit, Leichte Sprache, Gebärdensprache) an."
    )

    def handle(self, *args, **options):
        created = ensure_pages()
        names = ", ".join(p.title for p in created) or "keine"
        self.stdout.write(f"Neu angelegte Pflichtseiten: {names}.")
