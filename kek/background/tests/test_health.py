"""/healthz in the request cycle: JSON, no cookie, 503 on a read-only database or a stalled queue,
and unaffected by maintenance mode. tests/worker checks it against a real worker process."""

import datetime
from contextlib import contextmanager

import pytest
from django.db import connection
from django.test import override_settings
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

pytestmark = pytest.mark.django_db

DATABASE_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@contextmanager
def read_only_database():
    """Make the test's own connection refuse writes, as a read-only replica or mount would."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SET TRANSACTION READ ONLY")  # undone when the test's transaction rolls back
            yield
        else:
            cursor.execute("PRAGMA query_only = ON")
            try:
                yield
            finally:
                cursor.execute("PRAGMA query_only = OFF")


def test_healthy_answer_is_json_uncached_and_sets_no_cookie(client):
    response = client.get("/healthz", HTTP_ACCEPT="text/html")  # what a browser or curl asks for
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response.json() == {"healthy": True, "checks": {"Database": "OK", "Cache": "OK", "TaskWorker": "OK"}}
    assert "no-store" in response["Cache-Control"]
    assert not response.cookies


def test_read_only_database_gives_503(client):
    with read_only_database():
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json() == {
        "healthy": False,
        "checks": {"Database": "Unavailable: Datenbank nicht beschreibbar", "Cache": "OK", "TaskWorker": "OK"},
    }


@override_settings(TASKS=DATABASE_QUEUE, KEK_TASK_MAX_WAIT=120)
def test_a_task_waiting_too_long_gives_503_and_a_waiting_retry_does_not(client):
    assert client.get("/healthz").status_code == 200
    heartbeat = DBTaskResult.objects.get(task_path="kek.background.health.heartbeat")  # left for the worker
    assert heartbeat.status == "READY"
    assert client.get("/healthz").status_code == 200
    assert DBTaskResult.objects.count() == 1  # one heartbeat waiting is enough

    an_hour_ago = timezone.now() - datetime.timedelta(hours=1)
    DBTaskResult.objects.update(enqueued_at=an_hour_ago, run_after=timezone.now() + datetime.timedelta(minutes=5))
    assert client.get("/healthz").status_code == 200  # a retry planned for later is not overdue

    DBTaskResult.objects.update(run_after=timezone.now() - datetime.timedelta(minutes=3))
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["checks"]["TaskWorker"] == "Unavailable: Aufgaben warten länger als 120 s auf den Worker"


@override_settings(KEK_MAINTENANCE=True)
def test_maintenance_mode_does_not_hide_the_real_state(client):
    assert client.get("/").status_code == 503
    assert client.get("/healthz").json()["healthy"] is True
