"""Every e-mail leaves through a task: a slow or absent mail server neither delays a request nor loses
the message, because the worker sends it and tries again. Callers (ours and Wagtail's) keep using
`send_mail`; settings.EMAIL_BACKEND points here and KEK_EMAIL_BACKEND names the backend that sends."""

import base64
from collections.abc import Sequence
from email.mime.base import MIMEBase

from django.conf import settings
from django.core.mail import EmailMessage, EmailMultiAlternatives, get_connection
from django.core.mail.backends.base import BaseEmailBackend
from django_tasks import task


class TaskEmailBackend(BaseEmailBackend):
    """Queues each message as a `send_email` task instead of sending it."""

    def send_messages(self, email_messages: Sequence[EmailMessage]) -> int:
        queued = 0
        for message in email_messages:
            if not message.recipients():
                continue
            try:
                send_email.enqueue(to_data(message))
            except Exception:
                if not self.fail_silently:
                    raise
            else:
                queued += 1
        return queued


@task(priority=10)  # before Wagtail's bookkeeping tasks
def send_email(data: dict) -> int:
    """Send one queued message with the real backend; an error fails the task, so it is retried."""
    connection = get_connection(settings.KEK_EMAIL_BACKEND, fail_silently=False)
    return connection.send_messages([from_data(data)])


def to_data(message: EmailMessage) -> dict:
    """The message as JSON-safe data for the task queue."""
    attachments = []
    for attachment in message.attachments:
        if isinstance(attachment, MIMEBase):
            raise TypeError("MIME-Anhänge können nicht in die Warteschlange gestellt werden.")
        filename, content, mimetype = attachment
        binary = isinstance(content, bytes)
        attachments.append([filename, base64.b64encode(content).decode() if binary else content, mimetype, binary])
    return {
        "subject": str(message.subject),
        "body": str(message.body),
        "from_email": str(message.from_email),
        "to": [str(a) for a in message.to],
        "cc": [str(a) for a in message.cc],
        "bcc": [str(a) for a in message.bcc],
        "reply_to": [str(a) for a in message.reply_to],
        "headers": {str(k): str(v) for k, v in message.extra_headers.items()},
        "content_subtype": message.content_subtype,
        "alternatives": [[str(content), mimetype] for content, mimetype in getattr(message, "alternatives", [])],
        "attachments": attachments,
    }


def from_data(data: dict) -> EmailMultiAlternatives:
    message = EmailMultiAlternatives(
        subject=data["subject"],
        body=data["body"],
        from_email=data["from_email"],
        to=data["to"],
        cc=data["cc"],
        bcc=data["bcc"],
        reply_to=data["reply_to"],
        headers=data["headers"],
        alternatives=[tuple(alternative) for alternative in data["alternatives"]],
    )
    message.content_subtype = data["content_subtype"]
    for filename, content, mimetype, binary in data["attachments"]:
        message.attach(filename, base64.b64decode(content) if binary else content, mimetype)
    return message
