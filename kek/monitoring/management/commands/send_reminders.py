"""manage.py send_reminders: queue the reminder digests for the task worker (run it daily by cron,
like publish_scheduled; a unit hears from us at most once per KEK_REMIND_PAUSE_DAYS anyway)."""

from django.core.management.base import BaseCommand

from kek.monitoring.reminders import send_reminders


class Command(BaseCommand):
    help = "Stellt die Erinnerungen an lange nicht fortgeschriebene Stände in die Warteschlange."

    def handle(self, *args, **options):
        result = send_reminders.enqueue()
        self.stdout.write(f"Erinnerungen eingereiht ({result.id}).")
