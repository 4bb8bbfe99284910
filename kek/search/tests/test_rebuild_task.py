"""The index rebuild is queued as a task once per committed transaction, however many changes it holds."""

import pytest
from django.db import transaction
from django.test import override_settings
from django_tasks_db.models import DBTaskResult

from kek.search.tasks import schedule_rebuild

pytestmark = pytest.mark.django_db


def queued() -> int:
    return DBTaskResult.objects.filter(task_path="kek.search.tasks.rebuild_index").count()


@override_settings(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}})
def test_one_rebuild_per_transaction_and_none_for_a_rolled_back_one(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        with transaction.atomic():
            for _ in range(3):
                schedule_rebuild()
        assert queued() == 0  # nothing before the commit
    assert queued() == 1

    with django_capture_on_commit_callbacks(execute=True):
        schedule_rebuild()
    assert queued() == 2  # the next transaction gets its own rebuild

    with django_capture_on_commit_callbacks(execute=True), pytest.raises(RuntimeError), transaction.atomic():
        schedule_rebuild()
        raise RuntimeError
    assert queued() == 2  # rolled back: no rebuild

    with django_capture_on_commit_callbacks(execute=True):
        schedule_rebuild()
    assert queued() == 3  # and the rollback left nothing blocked
