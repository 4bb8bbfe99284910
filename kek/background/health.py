"""/healthz for load balancers and monitoring: database readable and writable, cache reachable, task
worker alive. JSON, 200 when healthy and 503 when not; names no hosts, users or settings.

The worker proves itself by doing work: each probe leaves a `heartbeat` task in the queue unless one
is waiting, and the check fails once any due task has waited longer than KEK_TASK_MAX_WAIT. So an idle
worker stays healthy, while a stopped, stuck or overwhelmed one is reported within that time."""

import dataclasses
import datetime
import uuid

from asgiref.sync import sync_to_async
from django.conf import settings
from django.db import DatabaseError, transaction
from django.db.models import Q
from django.http import HttpResponse, JsonResponse
from django.utils import timezone
from django_tasks import TaskResultStatus, task, task_backends
from django_tasks_db import DatabaseBackend
from django_tasks_db.models import DBTaskResult, get_date_max
from health_check.base import HealthCheck
from health_check.checks import Cache
from health_check.exceptions import ServiceUnavailable
from health_check.views import HealthCheckView
from wagtail.models import Site

NO_SUCH_TASK = uuid.UUID(int=0)


@task()
def heartbeat() -> None:
    """Proof of a live worker; it clears the earlier proofs so they do not pile up."""
    DBTaskResult.objects.filter(task_path=heartbeat.module_path).exclude(
        status__in=[TaskResultStatus.READY, TaskResultStatus.RUNNING]
    ).delete()


@dataclasses.dataclass
class Database(HealthCheck):
    """Reads a table every page needs, then runs a write statement that changes nothing: unlike
    `SELECT 1`, this fails on a read-only or locked database."""

    async def run(self) -> None:
        await sync_to_async(self.probe)()  # in the request's thread, on its connection

    def probe(self) -> None:
        try:
            Site.objects.exists()
        except DatabaseError as error:
            raise ServiceUnavailable("Datenbank nicht lesbar") from error
        try:
            with transaction.atomic():
                DBTaskResult.objects.filter(pk=NO_SUCH_TASK).update(priority=0)
        except DatabaseError as error:
            raise ServiceUnavailable("Datenbank nicht beschreibbar") from error


@dataclasses.dataclass
class TaskWorker(HealthCheck):
    """No due task waits longer than KEK_TASK_MAX_WAIT; leaves a heartbeat for the worker to take."""

    async def run(self) -> None:
        await sync_to_async(self.probe)()

    def probe(self) -> None:
        if not isinstance(task_backends[heartbeat.backend], DatabaseBackend):
            return  # tasks run inside the request (development, tests): there is no worker to watch
        limit = timezone.now() - datetime.timedelta(seconds=settings.KEK_TASK_MAX_WAIT)
        waiting = DBTaskResult.objects.filter(status=TaskResultStatus.READY)
        if waiting.filter(Q(run_after=get_date_max(), enqueued_at__lt=limit) | Q(run_after__lt=limit)).exists():
            raise ServiceUnavailable(f"Aufgaben warten länger als {settings.KEK_TASK_MAX_WAIT:g} s auf den Worker")
        if not waiting.filter(task_path=heartbeat.module_path).exists():
            heartbeat.enqueue()


class HealthView(HealthCheckView):
    """django-health-check's view, answering JSON whatever the probe accepts, and 503 (not 500) when
    unhealthy, which is what load balancers and uptime monitors expect."""

    checks = (Database, Cache, TaskWorker)

    def render_to_response(self, context: dict, **kwargs) -> HttpResponse:
        return self.render_to_response_json(kwargs.get("status", 200))

    def render_to_response_json(self, status: int) -> JsonResponse:
        checks = {result.check.labels["check"]: str(result.error or "OK") for result in self.results}
        healthy = all(result.error is None for result in self.results)
        return JsonResponse({"healthy": healthy, "checks": checks}, status=200 if healthy else 503)

    def render_to_response_text(self, status: int) -> HttpResponse:
        return super().render_to_response_text(503 if status >= 500 else status)
