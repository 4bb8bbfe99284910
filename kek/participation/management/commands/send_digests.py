"""manage.py send_digests: queue the digest mails of every subscription that is due (run e.g. hourly by cron)."""

from django.core.management.base import BaseCommand

from kek.participation.tasks import send_digests


class Command(BaseCommand):
    help = "Verschickt die fälligen Zusammenfassungen an die Abonnentinnen und Abonnenten."

    def handle(self, *args, **options):
        result = send_digests.enqueue()
        self.stdout.write(f"Zusammenfassungen eingeplant ({result.id}).")
