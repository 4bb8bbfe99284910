"""E-mail leaves through the task queue, whole: text, HTML, copies, headers, attachments."""

import pytest
from django.core import mail
from django.core.mail import EmailMultiAlternatives, send_mail
from django.test import override_settings
from django_tasks.signals import task_finished
from django_tasks_db.models import DBTaskResult

pytestmark = pytest.mark.django_db

THROUGH_TASKS = {
    "EMAIL_BACKEND": "kek.background.mail.TaskEmailBackend",
    "KEK_EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
}
DATABASE_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@override_settings(**THROUGH_TASKS)
def test_a_message_arrives_whole_after_passing_through_the_send_email_task():
    finished = []

    def record(sender, task_result, **kwargs):
        finished.append((task_result.task.name, task_result.status))

    message = EmailMultiAlternatives(
        "Freigabe erbeten",
        "Bitte prüfen Sie die Änderung.",
        "kek-portal@example.org",
        ["redaktion@example.org"],
        cc=["kopie@example.org"],
        bcc=["blind@example.org"],
        reply_to=["fachdienst@example.org"],
        headers={"Auto-Submitted": "auto-generated"},
    )
    message.attach_alternative("<p>Bitte prüfen Sie die <b>Änderung</b>.</p>", "text/html")
    message.attach("notiz.txt", "Text im Anhang", "text/plain")
    message.attach("daten.bin", "binär".encode() + b"\x00\xff", "application/octet-stream")
    task_finished.connect(record)
    try:
        assert message.send() == 1
    finally:
        task_finished.disconnect(record)

    assert finished == [("send_email", "SUCCESSFUL")]
    [sent] = mail.outbox
    assert (sent.subject, sent.body, sent.from_email) == (message.subject, message.body, message.from_email)
    assert (sent.to, sent.cc, sent.bcc, sent.reply_to) == (message.to, message.cc, message.bcc, message.reply_to)
    assert sent.extra_headers == {"Auto-Submitted": "auto-generated"}
    assert list(sent.alternatives) == [("<p>Bitte prüfen Sie die <b>Änderung</b>.</p>", "text/html")]
    assert [tuple(a) for a in sent.attachments] == [
        ("notiz.txt", "Text im Anhang", "text/plain"),
        ("daten.bin", "binär".encode() + b"\x00\xff", "application/octet-stream"),
    ]


@override_settings(TASKS=DATABASE_QUEUE, **THROUGH_TASKS)
def test_the_request_only_queues_the_message_the_worker_sends_it():
    assert send_mail("Neuer Hinweis", "Text", None, ["redaktion@example.org"]) == 1
    assert mail.outbox == []
    queued = DBTaskResult.objects.get(task_path="kek.background.mail.send_email")
    assert queued.status == "READY"
    assert queued.args_kwargs["args"][0]["subject"] == "Neuer Hinweis"
