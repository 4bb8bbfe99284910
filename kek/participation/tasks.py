"""Deleting personal data on time, as a task of the worker (queued daily by `manage.py purge_participation`)."""

from django_tasks import task

from . import services


@task()
def purge_personal_data() -> dict[str, int]:
    return services.purge()
