"""The admin report of failed and pending tasks: for the Administration role only, read-only for all."""

import pytest
from django.contrib.auth.models import Group, User
from django_tasks_db.models import DBTaskResult

from kek.editorial.roles import ADMINISTRATION, FACHDIENST_PREFIX, MODERATION, REDAKTION
from kek.editorial.tests.login import log_in

pytestmark = pytest.mark.django_db

URL = "/admin/hintergrundaufgaben/"
TRACEBACK = (
    'Traceback (most recent call last):\n  File "smtplib.py", line 1\nConnectionRefusedError: [Errno 111] <refused>'
)


def member(group: str) -> User:
    user = User.objects.create_user(group.split()[0].lower(), "person@example.org", "ein-langes-Passwort-2030")
    user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def tasks():
    def add(path: str, status: str, **fields) -> DBTaskResult:
        return DBTaskResult.objects.create(task_path=path, status=status, backend_name="default", **fields)

    mail = {"args": [{"subject": "Freigabe erbeten"}], "kwargs": {}}
    return {
        "failed": add(
            "kek.background.mail.send_email",
            "FAILED",
            args_kwargs=mail,
            traceback=TRACEBACK,
            worker_ids=["a", "b", "c"],
        ),
        "pending": add("kek.search.tasks.rebuild_index", "READY", args_kwargs={"args": [], "kwargs": {}}),
        "done": add("kek.background.health.heartbeat", "SUCCESSFUL", args_kwargs={"args": [], "kwargs": {}}),
    }


def test_administration_sees_failed_and_pending_tasks_with_their_error(client, tasks):
    log_in(client, member(ADMINISTRATION))  # the Administration signs in with its second factor
    page = client.get(URL)
    assert page.status_code == 200
    text = page.content.decode()
    assert "E-Mail versenden" in text and "Freigabe erbeten" in text and "Fehlgeschlagen" in text
    assert "ConnectionRefusedError: [Errno 111] &lt;refused&gt;" in text
    assert "Suchindex neu aufbauen" in text and "Wartet" in text
    assert "Lebenszeichen des Workers" not in text  # finished successfully: not a concern
    assert URL in client.get("/admin/").content.decode()  # in the menu
    only_failed = client.get(URL, {"status": "FAILED"}).content.decode()
    assert "Freigabe erbeten" in only_failed and "Suchindex neu aufbauen" not in only_failed

    detail = client.get(f"{URL}inspect/{tasks['failed'].pk}/").content.decode()
    assert "<pre>Traceback (most recent call last):" in detail
    assert "&lt;refused&gt;" in detail and "<refused>" not in detail


@pytest.mark.usefixtures("concept")  # its field's Fachdienst
@pytest.mark.parametrize("group", [REDAKTION, MODERATION, f"{FACHDIENST_PREFIX}Starke Wirtschaft"])
def test_other_roles_neither_see_nor_reach_the_report(client, tasks, group):
    client.force_login(member(group))
    assert URL not in client.get("/admin/").content.decode()
    for url in (URL, f"{URL}inspect/{tasks['failed'].pk}/"):
        response = client.get(url)
        assert response.status_code in {302, 403}
        assert "Freigabe erbeten" not in response.content.decode()


def test_nobody_edits_or_deletes_task_records_not_even_a_superuser(admin_client, tasks):
    listing = admin_client.get(URL).content.decode()
    assert "Freigabe erbeten" in listing
    assert f"{URL}new/" not in listing and f"{URL}edit/" not in listing and f"{URL}delete/" not in listing
    pk = tasks["failed"].pk
    for url in (f"{URL}new/", f"{URL}edit/{pk}/", f"{URL}delete/{pk}/"):
        assert admin_client.get(url).status_code in {302, 403}
    assert admin_client.post(f"{URL}delete/{pk}/").status_code in {302, 403}
    assert DBTaskResult.objects.filter(pk=pk).exists()
