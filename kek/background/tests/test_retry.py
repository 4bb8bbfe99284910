"""A failed task gets KEK_TASK_ATTEMPTS attempts with doubling pauses, then stays failed.

The attempts run through django-tasks-db's own worker code (claim and run_task), one at a time, so
the pauses can be measured; tests/worker runs the worker process itself."""

import datetime
import socket

import pytest
from django.core.mail import send_mail
from django.test import override_settings
from django.utils import timezone
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]  # nothing listens here once the socket is closed


@pytest.mark.django_db
@override_settings(
    TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}},
    EMAIL_BACKEND="kek.background.mail.TaskEmailBackend",
    KEK_EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
    EMAIL_HOST="127.0.0.1",
    EMAIL_PORT=closed_port(),
    EMAIL_USE_TLS=False,
    KEK_TASK_ATTEMPTS=3,
    KEK_TASK_RETRY_DELAY=60,
)
def test_mail_to_a_dead_smtp_server_is_retried_with_doubling_pauses_then_fails():
    send_mail("Freigabe erbeten", "Text", None, ["redaktion@example.org"])
    worker = Worker(
        queue_names=["default"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="test",
        excluded_queue_names=[],
    )

    def attempt() -> DBTaskResult:
        task = DBTaskResult.objects.ready().get()
        task.claim(f"attempt-{len(task.worker_ids) + 1}")
        worker.run_task(task)
        task.refresh_from_db()
        return task

    for pause in (60, 120):
        task = attempt()
        assert task.status == "READY"
        assert "ConnectionRefusedError" in task.traceback  # the last error stays visible
        expected = timezone.now() + datetime.timedelta(seconds=pause)
        assert abs((task.run_after - expected).total_seconds()) < 5
        assert not DBTaskResult.objects.ready().exists()  # nothing runs before the pause is over
        DBTaskResult.objects.filter(pk=task.pk).update(run_after=timezone.now())  # the pause has passed

    task = attempt()
    assert task.status == "FAILED"
    assert len(task.worker_ids) == 3
    assert task.exception_class_path == "builtins.ConnectionRefusedError"
