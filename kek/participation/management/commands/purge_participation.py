"""manage.py purge_participation: queue the deletion of expired personal data (run daily, e.g. by cron)."""

from django.core.management.base import BaseCommand

from kek.participation.tasks import purge_personal_data


class Command(BaseCommand):
    help = "Löscht nicht bestätigte Vorschläge und die personenbezogenen Daten entschiedener Vorschläge nach Frist."

    def handle(self, *args, **options):
        result = purge_personal_data.enqueue()
        self.stdout.write(f"Löschung eingeplant ({result.id}).")
