"""Retries with backoff, which django-tasks-db lacks: a failed task is set back to "ready" with a later
start time until it has had KEK_TASK_ATTEMPTS attempts. The row keeps its last error, so the admin
report shows why a pending task is waiting; only the last failure stays "failed"."""

import datetime

from django.conf import settings
from django.dispatch import receiver
from django.utils import timezone
from django_tasks import TaskResult, TaskResultStatus
from django_tasks.signals import task_finished
from django_tasks_db import DatabaseBackend
from django_tasks_db.models import DBTaskResult


def retry_delay(attempts: int) -> datetime.timedelta:
    """The pause after the given number of failed attempts: the base delay, doubled each time."""
    return datetime.timedelta(seconds=settings.KEK_TASK_RETRY_DELAY * 2 ** (attempts - 1))


@receiver(task_finished)
def retry_failed_task(sender: type, task_result: TaskResult, **kwargs) -> None:
    """Runs in the worker right after a task failed; other backends retry nothing."""
    if task_result.status != TaskResultStatus.FAILED or not issubclass(sender, DatabaseBackend):
        return
    attempts = len(task_result.worker_ids)  # the worker adds its id at every attempt
    if attempts >= settings.KEK_TASK_ATTEMPTS:
        return
    DBTaskResult.objects.filter(pk=task_result.id, status=TaskResultStatus.FAILED).update(
        status=TaskResultStatus.READY, run_after=timezone.now() + retry_delay(attempts), finished_at=None
    )
