"""The index rebuild as a background task, queued once per transaction when it commits."""

from django.db import transaction
from django_tasks import task

from .indexer import rebuild


@task(priority=10)  # what visitors see goes before Wagtail's bookkeeping
def rebuild_index() -> int:
    return rebuild()


def schedule_rebuild() -> None:
    """Queue one rebuild after the current transaction commits, however many changes it holds.

    Every call registers a commit callback that remembers the connection's rebuild count at that
    moment; at commit the first callback queues the task and raises the count, the others then see a
    newer count and do nothing. Callbacks of a rolled-back transaction never run, so nothing stays
    blocked after a rollback."""
    connection = transaction.get_connection()
    seen = getattr(connection, "kek_rebuilds_queued", 0)

    def enqueue() -> None:
        if getattr(connection, "kek_rebuilds_queued", 0) == seen:
            connection.kek_rebuilds_queued = seen + 1
            rebuild_index.enqueue()

    transaction.on_commit(enqueue)
