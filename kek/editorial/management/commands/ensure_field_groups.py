"""manage.py ensure_field_groups: one Fachdienst group per field of action."""

from django.core.management.base import BaseCommand

from kek.editorial.services import ensure_field_groups


class Command(BaseCommand):
    help = "Legt für jedes Handlungsfeld eine Fachdienst-Gruppe an (bearbeiten und zur Freigabe einreichen)."

    def handle(self, *args, **options):
        names = ", ".join(g.name for g in ensure_field_groups()) or "keine"
        self.stdout.write(f"Neu angelegte Fachdienst-Gruppen: {names}.")
