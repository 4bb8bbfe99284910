"""Every write of a comment on a proposal: submitting, confirming, the Moderation's decision.

As in services.py, each runs in one transaction with its mails queued inside it; the same form
sent twice is stored once (a unique token), a link clicked twice confirms once (an UPDATE that
only matches an unconfirmed comment).
"""

import datetime

from django.conf import settings
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone

from kek.core import ratelimit

from . import links, mails
from .models import Comment, ParticipationPage, Proposal
from .services import Links, Outcome

COMMENT_LIMIT = (5, datetime.timedelta(hours=1))  # per browser, as for proposals; the address budget on top


def submit(request: HttpRequest, proposal: Proposal, data: dict, page: ParticipationPage) -> Outcome:
    """Store a comment (unconfirmed) once per form token and mail its author the confirmation link."""
    with transaction.atomic():
        if Comment.objects.filter(token=data["token"]).exists():
            return Outcome.ALREADY_STORED
        limit, per = COMMENT_LIMIT
        if not ratelimit.allow(request, "comment", limit=limit, per=per):
            return Outcome.RATE_LIMITED
        fields = {name: data[name] for name in ("text", "author_name", "email")}
        comment, created = Comment.objects.get_or_create(token=data["token"], defaults={**fields, "proposal": proposal})
        if created:
            signed = links.make(links.COMMENT, c=comment.pk, t=str(comment.token))
            context = {
                "comment": comment,
                "link": Links.of(page, request).route("confirm-comment", signed=signed),
                "hours": settings.KEK_CONFIRM_HOURS,
            }
            mails.send("confirm_comment", [comment.email], context)
    return Outcome.STORED if created else Outcome.ALREADY_STORED


def confirm(comment: Comment) -> bool:
    """The author's click on the link: into the Moderation's queue. False if it was done before."""
    with transaction.atomic():
        done = Comment.objects.filter(pk=comment.pk, status=Comment.Status.UNCONFIRMED).update(
            status=Comment.Status.SUBMITTED, confirmed_at=timezone.now()
        )
        if done:
            comment.refresh_from_db()
            mails.notify_comment_moderators(comment)
    return bool(done)


def decide(comment: Comment, status: str) -> bool:
    """Publish or reject a waiting comment; False if it is not waiting (any more) or the step is not allowed."""
    if status not in Comment.NEXT.get(Comment.Status(comment.status), ()):
        return False
    with transaction.atomic():
        return bool(
            Comment.objects.filter(pk=comment.pk, status=comment.status).update(
                status=status, decided_at=timezone.now()
            )
        )
