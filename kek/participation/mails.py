"""The mails of the dialogue. Each goes out through the task worker (settings.EMAIL_BACKEND), so a
slow mail server never holds up a visitor. Texts are German templates in participation/mail/."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage, get_connection
from django.template.loader import render_to_string
from django.utils import translation
from wagtail.admin.admin_url_finder import AdminURLFinder

from .models import Comment, Proposal

SUBJECTS = {
    "confirm_proposal": "Bitte bestätigen Sie Ihren Vorschlag",
    "proposal_received": "Ihr Vorschlag ist eingegangen",
    "status": "Neuer Stand Ihres Vorschlags: {status}",
    "confirm_support": "Bitte bestätigen Sie Ihre Unterstützung",
    "moderation_queue": "Ein Vorschlag aus der Bürgerschaft wartet auf die Moderation",
    "confirm_subscription": "Bitte bestätigen Sie Ihr Abonnement",
    "digest": "{heading}",
    "round_invitation": "Einladung zur Priorisierungsrunde „{title}“",
    "round_join": "Bitte bestätigen Sie Ihre Teilnahme an „{title}“",
    "confirm_comment": "Bitte bestätigen Sie Ihren Kommentar",
    "comment_queue": "Ein Kommentar wartet auf die Moderation",
}


def send(kind: str, to: list[str], context: dict, headers: dict | None = None, **subject_values: object) -> int:
    """Queue one message per address."""
    if not to:
        return 0
    with translation.override("de"):
        body = render_to_string(f"participation/mail/{kind}.txt", context)
        subject = SUBJECTS[kind].format(**{name: str(value) for name, value in subject_values.items()})
    return get_connection().send_messages(
        [EmailMessage(subject, body, to=[address], headers=headers) for address in to]
    )


def moderators(codename: str = "change_proposal") -> list[str]:
    """Active users whose role may moderate proposals (change_proposal) or comments (change_comment)."""
    users = get_user_model().objects.filter(
        is_active=True,
        groups__permissions__content_type__app_label="participation",
        groups__permissions__codename=codename,
    )
    return sorted(set(users.exclude(email="").values_list("email", flat=True)))


def notify_moderators(proposal: Proposal) -> int:
    """Tell the Moderation that something waits in its queue (only that; the text stays in the admin)."""
    admin_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + (AdminURLFinder().get_edit_url(proposal) or "")
    waiting = Proposal.objects.queue().count()
    return send("moderation_queue", moderators(), {"proposal": proposal, "admin_url": admin_url, "waiting": waiting})


def notify_comment_moderators(comment: Comment) -> int:
    """Tell the Moderation that a confirmed comment waits (only that; the text stays in the admin)."""
    admin_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + (AdminURLFinder().get_edit_url(comment) or "")
    waiting = Comment.objects.filter(status=Comment.Status.SUBMITTED).count()
    context = {"comment": comment, "admin_url": admin_url, "waiting": waiting}
    return send("comment_queue", moderators("change_comment"), context)
