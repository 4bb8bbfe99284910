"""Regular work of the dialogue, run by the worker: deleting personal data on time (queued daily by
`manage.py purge_participation`) and the subscribers' digests (`manage.py send_digests`, hourly or daily)."""

from django_tasks import task

from . import services


@task()
def purge_personal_data() -> dict[str, int]:
    return services.purge()


@task(priority=5)
def send_digests() -> int:
    return services.send_digests()
