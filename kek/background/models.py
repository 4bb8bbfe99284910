"""The task queue as the Administration sees it: django-tasks-db's table under German names and a
permission of its own ("view"), so the report can be granted to a role like any other."""

import datetime

from django.utils.translation import gettext_lazy as _
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult, get_date_max

# Names of the tasks the back office can meet; others show their function name.
TASK_LABELS = {
    "send_email": _("E-Mail versenden"),
    "rebuild_index": _("Suchindex neu aufbauen"),
    "heartbeat": _("Lebenszeichen des Workers"),
    "update_reference_index_task": _("Verweise aktualisieren"),
    "insert_or_update_object_task": _("Admin-Suche aktualisieren"),
    "delete_file_from_storage_task": _("Datei löschen"),
}
STATUS_LABELS = {
    TaskResultStatus.READY: _("Wartet"),
    TaskResultStatus.RUNNING: _("Läuft"),
    TaskResultStatus.FAILED: _("Fehlgeschlagen"),
    TaskResultStatus.SUCCESSFUL: _("Erledigt"),
}


class TaskRecord(DBTaskResult):
    class Meta:
        proxy = True
        default_permissions = ("view",)
        verbose_name = _("Hintergrundaufgabe")
        verbose_name_plural = _("Hintergrundaufgaben")

    def __str__(self) -> str:
        return str(TASK_LABELS.get(self.task_name, self.task_name))

    @property
    def status_label(self) -> str:
        return str(STATUS_LABELS.get(self.status, self.status))

    @property
    def attempts(self) -> int:
        return len(self.worker_ids)

    @property
    def next_attempt(self) -> datetime.datetime | None:
        if self.status != TaskResultStatus.READY or self.run_after == get_date_max():
            return None
        return self.run_after

    @property
    def subject(self) -> str:
        """For a queued e-mail its subject, so the Administration can tell which one failed."""
        if self.task_name != "send_email":
            return ""
        args = self.args_kwargs.get("args") or [{}]
        return str(args[0].get("subject", ""))

    @property
    def error(self) -> str:
        """The last line of the last traceback: the exception and its message."""
        lines = self.traceback.strip().splitlines()
        return lines[-1] if lines else ""
