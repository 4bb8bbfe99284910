"""Tell those who handle barrier reports of the site (its Redaktion, and the installation-wide
Moderation) that one arrived: they have six weeks to answer. The mail says only that a report came
in, when it is due and where to read it; the reporter's details stay in the admin."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.db.models.signals import post_save
from django.dispatch import receiver
from django.template.loader import render_to_string
from django.utils import translation
from wagtail.admin.admin_url_finder import AdminURLFinder

from kek.core.sites import works_on

from .models import BarrierReport

SUBJECT = "Neuer Hinweis auf eine Barriere (Antwort bis {due:%d.%m.%Y})"


def recipients(report: BarrierReport) -> list[str]:
    """Active users whose role may handle reports (change_barrierreport) on the report's site."""
    handlers = get_user_model().objects.filter(
        is_active=True,
        groups__permissions__content_type__app_label="legal",
        groups__permissions__codename="change_barrierreport",
    )
    return sorted({user.email for user in handlers.exclude(email="").distinct() if works_on(user, report.site_id)})


def send_notice(report: BarrierReport) -> int:
    """Queue one message per member (e-mail goes out through a background task); returns their number."""
    with translation.override("de"):
        body = render_to_string(
            "legal/mail/barrier_report_notice.txt",
            {
                "report": report,
                "admin_url": settings.WAGTAILADMIN_BASE_URL.rstrip("/") + AdminURLFinder().get_edit_url(report),
            },
        )
    subject = SUBJECT.format(due=report.answer_due)
    return get_connection().send_messages([EmailMessage(subject, body, to=[address]) for address in recipients(report)])


@receiver(post_save, sender=BarrierReport)
def report_arrived(sender, instance: BarrierReport, created: bool, raw: bool = False, **kwargs) -> None:
    if created and not raw:
        transaction.on_commit(lambda: send_notice(instance))
