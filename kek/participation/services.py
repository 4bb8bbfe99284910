"""Every write of the dialogue: submitting, confirming, moderating, supporting, withdrawing, purging.

Each runs in one transaction, and its mails are queued in the same transaction (as tasks of the
database queue, which the worker sees only after the commit): a failed write sends nothing, and a
stored row never lacks its mail (a mail queued after the commit could fail on its own, e.g. on a
locked database, and leave a proposal whose author never gets the link). Steps that may race (the same form sent twice, a link
clicked twice at the same moment) are decided by the database: a unique token, a unique
(proposal, person) pair, an UPDATE that only matches the expected status.
"""

import datetime
import enum
from dataclasses import dataclass

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F
from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from wagtail import hooks
from wagtail.models import Page, Site

from kek.core import ratelimit
from kek.core.hooks import CHANGES_SINCE_HOOK, public_activity
from kek.core.services import ensure_child

from . import links, mails
from .models import Comment, ParticipationPage, Proposal, StatusChange, Subscription, Support

INTRO = (
    "<p>Das Kreisentwicklungskonzept ist im Dialog zwischen Politik, Bürgerschaft und Verwaltung "
    "entstanden. Hier können Sie Vorschläge zu seinen Handlungsansätzen einreichen, die Vorschläge "
    "anderer lesen und unterstützen.</p>"
)
RULES = (
    "<p>Wir veröffentlichen jeden Vorschlag, der sich auf einen Handlungsansatz des Konzepts bezieht. "
    "Nicht veröffentlicht werden Beiträge mit Beleidigungen, Werbung, personenbezogenen Daten Dritter "
    "oder strafbaren Inhalten. Offensichtliche Tippfehler korrigiert die Moderation und vermerkt das "
    "sichtbar; den Sinn eines Vorschlags ändert sie nicht. Jede Entscheidung wird begründet.</p>"
)
SUBMIT_LIMIT = (5, datetime.timedelta(hours=1))  # per browser; the address budget comes on top
SUPPORT_LIMIT = (20, datetime.timedelta(hours=1))


def ensure_page(home: Page) -> ParticipationPage | None:
    return ensure_child(home, ParticipationPage, "mitmachen", "Mitmachen", intro=INTRO, rules=RULES, show_in_menus=True)


class Outcome(enum.Enum):
    STORED = "stored"
    ALREADY_STORED = "already_stored"  # the same form (token) came before, or at the same moment
    RATE_LIMITED = "rate_limited"


@dataclass
class Links:
    """Absolute URLs of the routes of the site's participation page, for the mails: from the
    visitor's request where there is one, else from the site's own address."""

    page: ParticipationPage
    base: str  # the page's absolute URL

    @classmethod
    def of(cls, page: ParticipationPage, request: HttpRequest | None = None) -> "Links":
        return cls(page, request.build_absolute_uri(page.url) if request is not None else page.full_url)

    def route(self, name: str, **kwargs) -> str:
        return self.base + self.page.reverse_subpage(name, kwargs=kwargs)


def submit_proposal(request: HttpRequest, data: dict, page: ParticipationPage) -> Outcome:
    """Store a proposal (unconfirmed) once per form token and mail its author the confirmation link."""
    token = data["token"]
    site = page.get_site()
    with transaction.atomic():
        if Proposal.objects.filter(token=token).exists():
            return Outcome.ALREADY_STORED
        limit, per = SUBMIT_LIMIT
        if not ratelimit.allow(request, "proposal", limit=limit, per=per):
            return Outcome.RATE_LIMITED
        fields = {name: data[name] for name in ("approach", "title", "description", "place", "author_name", "email")}
        sub_region = data.get("sub_region")
        proposal, created = Proposal.objects.get_or_create(
            token=token, defaults={**fields, "sub_region": sub_region, "site": site}
        )
        if created:
            urls = Links.of(page, request)
            link = urls.route("confirm", signed=links.make(links.CONFIRM, p=proposal.pk, t=str(proposal.token)))
            context = {"proposal": proposal, "link": link, "hours": settings.KEK_CONFIRM_HOURS}
            mails.send("confirm_proposal", [proposal.email], context)
    return Outcome.STORED if created else Outcome.ALREADY_STORED


def confirm_proposal(request: HttpRequest, proposal: Proposal, page: ParticipationPage) -> bool:
    """The author's click on the link: into the moderation queue. False if it was done before."""
    now = timezone.now()
    with transaction.atomic():
        done = Proposal.objects.filter(pk=proposal.pk, status=Proposal.Status.UNCONFIRMED).update(
            status=Proposal.Status.SUBMITTED, confirmed_at=now
        )
        if not done:
            return False
        proposal.refresh_from_db()
        StatusChange.objects.create(proposal=proposal, status=proposal.status, created=now)
        context = {"proposal": proposal, "withdraw": withdraw_link(Links.of(page, request), proposal)}
        mails.send("proposal_received", [proposal.email], context)
        mails.notify_moderators(proposal)
    return True


def withdraw_link(urls: Links, proposal: Proposal) -> str:
    return urls.route("withdraw", signed=links.make(links.WITHDRAW, p=proposal.pk, t=str(proposal.token)))


class StatusError(ValueError):
    """A step that may not follow the current one, or a refusal without a reason."""


def check_step(current: str, status: str, reason: str) -> None:
    """Raise StatusError unless `status` may follow `current` with this reason."""
    if status not in Proposal.NEXT.get(current, ()):
        raise StatusError(
            f"„{Proposal.Status(status).label}“ kann nicht auf „{Proposal.Status(current).label}“ folgen."
        )
    if status in Proposal.NEEDS_REASON and not reason.strip():
        raise StatusError("Bitte geben Sie eine Begründung an; sie wird der Einsenderin oder dem Einsender geschickt.")


def change_status(proposal: Proposal, status: str, reason: str, *, urls: Links) -> None:
    """One moderation step, kept in the proposal's history (shown on its page) and mailed to its author.
    (Who did it is in Wagtail's log of the admin edit that made the step.)"""
    reason = reason.strip()
    check_step(proposal.status, status, reason)
    now = timezone.now()
    with transaction.atomic():
        updated = {"status": status, "status_reason": reason}
        if proposal.decided_at is None:
            updated["decided_at"] = now
        if status in Proposal.CLOSED_STATUSES:
            updated["closed_at"] = now
        done = Proposal.objects.filter(pk=proposal.pk, status=proposal.status).update(**updated)
        if not done:
            raise StatusError(
                "Der Vorschlag wurde inzwischen von jemand anderem bearbeitet. Bitte laden Sie die Seite neu."
            )
        for name, value in updated.items():
            setattr(proposal, name, value)
        StatusChange.objects.create(proposal=proposal, status=status, reason=reason, created=now)
        public_activity(proposal.site_id, [proposal.approach_id])
        if proposal.email:
            context = {
                "proposal": proposal,
                "link": urls.route("proposal", pk=proposal.pk) if proposal.is_public else "",
                "withdraw": withdraw_link(urls, proposal),
            }
            label = str(proposal.get_status_display())
            mails.send("status", [proposal.email], context, status=label)


def merge(duplicate: Proposal, into: Proposal, *, urls: Links) -> int:
    """Close `duplicate` as a copy of `into`; its supporters count for `into` (each person once).
    Returns the number of supports carried over."""
    if duplicate.status in Proposal.CLOSED_STATUSES or duplicate.pk == into.pk:
        raise StatusError("Dieser Vorschlag ist schon abgeschlossen und kann nicht mehr zusammengeführt werden.")
    reason = f"Zusammengeführt mit dem gleichartigen Vorschlag „{into.title}“: {urls.route('proposal', pk=into.pk)}"
    now = timezone.now()
    with transaction.atomic():
        known = Support.objects.filter(proposal=into).values("person")
        moved = Support.objects.filter(proposal=duplicate).exclude(person__in=known).update(proposal=into)
        Proposal.objects.filter(pk=into.pk).update(support_count=F("support_count") + moved)
        updated = {"status": Proposal.Status.REJECTED, "status_reason": reason, "closed_at": now}
        updated["decided_at"] = duplicate.decided_at or now
        Proposal.objects.filter(pk=duplicate.pk).update(**updated)
        for name, value in updated.items():
            setattr(duplicate, name, value)
        StatusChange.objects.create(proposal=duplicate, status=duplicate.status, reason=reason, created=now)
        public_activity(into.site_id, [duplicate.approach_id, into.approach_id])
        if duplicate.email:
            context = {"proposal": duplicate, "link": "", "withdraw": withdraw_link(urls, duplicate)}
            label = "zusammengeführt"
            mails.send("status", [duplicate.email], context, status=label)
    return moved


def request_support(request: HttpRequest, proposal: Proposal, email: str, page: ParticipationPage) -> Outcome:
    """Mail the confirmation link of a support; nothing is stored until it is followed."""
    limit, per = SUPPORT_LIMIT
    with transaction.atomic():
        if not ratelimit.allow(request, "support", limit=limit, per=per):
            return Outcome.RATE_LIMITED
    urls = Links.of(page, request)
    link = urls.route("confirm-support", signed=links.make(links.SUPPORT, p=proposal.pk, h=links.person_key(email)))
    context = {"proposal": proposal, "link": link, "hours": settings.KEK_CONFIRM_HOURS}
    mails.send("confirm_support", [email], context)
    return Outcome.STORED


def confirm_support(proposal: Proposal, person: str) -> bool:
    """Count one person's support once; False if this person supported the proposal before."""
    try:
        with transaction.atomic():
            Support.objects.create(proposal=proposal, person=person, confirmed_at=timezone.now())
            Proposal.objects.filter(pk=proposal.pk).update(support_count=F("support_count") + 1)
            public_activity(proposal.site_id, [proposal.approach_id])
    except IntegrityError:
        return False
    return True


def withdraw(proposal: Proposal) -> None:
    """The author takes the proposal back: it is deleted with everything that belongs to it."""
    Proposal.objects.filter(pk=proposal.pk).delete()  # its pages hear of it (signals.py)


def subscribe(request: HttpRequest, page: ParticipationPage, email: str, frequency: str, scope: dict) -> Outcome:
    """Store an unconfirmed subscription (or take the existing one) and mail its confirmation link."""
    site = page.get_site()
    with transaction.atomic():
        if not ratelimit.allow(request, "subscribe", limit=SUPPORT_LIMIT[0], per=SUPPORT_LIMIT[1]):
            return Outcome.RATE_LIMITED
        match = {"site": site, "email__iexact": email, "page": scope.get("page"), "proposal": scope.get("proposal")}
        subscription = Subscription.objects.filter(**match).first()
        if subscription is None:
            subscription = Subscription.objects.create(site=site, email=email, frequency=frequency, **scope)
        else:
            Subscription.objects.filter(pk=subscription.pk).update(frequency=frequency)
        urls = Links.of(page, request)
        link = urls.route("confirm-subscription", signed=links.make(links.SUBSCRIBE, s=str(subscription.token)))
        context = {"subscription": subscription, "link": link, "hours": settings.KEK_CONFIRM_HOURS}
        mails.send("confirm_subscription", [email], context)
    return Outcome.STORED


def confirm_subscription(token: str) -> Subscription | None:
    """Start the subscription; None if there is none (any more) or it runs already."""
    done = Subscription.objects.filter(token=token, confirmed_at__isnull=True).update(
        confirmed_at=timezone.now(), last_sent_at=timezone.now()
    )
    return Subscription.objects.filter(token=token).first() if done else None


def unsubscribe(token: str) -> bool:
    """End a subscription: the row (and the address in it) is deleted."""
    deleted, _ = Subscription.objects.filter(token=token).delete()
    return bool(deleted)


DIGEST_EVERY = {
    Subscription.Frequency.DAILY: datetime.timedelta(days=1),
    Subscription.Frequency.WEEKLY: datetime.timedelta(days=7),
}


def digest_items(subscription: Subscription, since: datetime.datetime) -> list[dict]:
    """What happened in the subscription's scope after `since`: the concept's published changes
    (from the hook kek/history fills) and the public steps of citizens' proposals, oldest first."""
    home = subscription.site.root_page
    steps = StatusChange.objects.filter(created__gt=since, proposal__site=subscription.site)
    steps = steps.filter(status__in=Proposal.PUBLIC_STATUSES).select_related("proposal")
    items = []
    if subscription.proposal_id:
        steps = steps.filter(proposal_id=subscription.proposal_id)
    else:
        path = subscription.page.path if subscription.page_id else home.path
        steps = steps.filter(proposal__approach__path__startswith=path)
        for changes_since in hooks.get_hooks(CHANGES_SINCE_HOOK):
            items += changes_since(subscription.site, since, path)
    participation = ParticipationPage.objects.live().filter(path__startswith=home.path).first()
    for step in steps:
        url = participation.url + participation.reverse_subpage("proposal", kwargs={"pk": step.proposal_id})
        title = gettext("Vorschlag aus der Bürgerschaft „%(title)s“: %(status)s") % {
            "title": step.proposal.title,
            "status": step.get_status_display(),
        }
        items.append({"created": step.created, "title": title, "url": url})
    return sorted(items, key=lambda item: item["created"])


def send_digests(now: datetime.datetime | None = None) -> int:
    """Mail every confirmed subscription that is due its digest, if anything happened; returns the
    number of mails. Each carries a one-click unsubscribe link (List-Unsubscribe, RFC 8058)."""
    now = now or timezone.now()
    sent = 0
    for subscription in Subscription.objects.filter(confirmed_at__isnull=False).select_related(
        "site", "page", "proposal"
    ):
        since = subscription.last_sent_at or subscription.confirmed_at
        if now - since < DIGEST_EVERY[subscription.frequency] - datetime.timedelta(minutes=5):
            continue
        items = digest_items(subscription, since)
        Subscription.objects.filter(pk=subscription.pk).update(last_sent_at=now)
        if not items:
            continue
        root = subscription.site.root_url
        for item in items:
            item["url"] = item["url"] if item["url"].startswith("http") else root + item["url"]
        unsubscribe_url = root + reverse(
            "participation:unsubscribe", kwargs={"signed": links.make(links.UNSUBSCRIBE, s=str(subscription.token))}
        )
        context = {"subscription": subscription, "items": items, "unsubscribe": unsubscribe_url}
        headers = {"List-Unsubscribe": f"<{unsubscribe_url}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"}
        sent += mails.send(
            "digest", [subscription.email], context, headers=headers, heading=subscription.digest_heading
        )
    return sent


def purge(now: datetime.datetime | None = None) -> dict[str, int]:
    """Delete what is no longer needed: unconfirmed proposals whose link expired, and the personal
    data (name, address, supporters' hashes) of proposals closed longer than the retention time."""
    now = now or timezone.now()
    expired = now - datetime.timedelta(hours=settings.KEK_CONFIRM_HOURS)
    retained = now - datetime.timedelta(days=settings.KEK_PARTICIPATION_RETENTION_DAYS)
    with transaction.atomic():
        _, deleted = Proposal.objects.filter(status=Proposal.Status.UNCONFIRMED, created__lt=expired).delete()
        old = Proposal.objects.filter(closed_at__lt=retained)
        erased = old.exclude(email="", author_name="").update(email="", author_name="")
        supports, _ = Support.objects.filter(proposal__in=old).delete()
        Subscription.objects.filter(confirmed_at__isnull=True, created__lt=expired).delete()
        Comment.objects.filter(status=Comment.Status.UNCONFIRMED, created__lt=expired).delete()
        Comment.objects.filter(decided_at__lt=retained).exclude(email="", author_name="").update(
            email="", author_name=""
        )
    return {"unconfirmed": deleted.get("participation.Proposal", 0), "erased": erased, "supports": supports}


def figures(site: Site) -> dict:
    """The public moderation figures of one site."""
    proposals = Proposal.objects.filter(site=site).exclude(status=Proposal.Status.UNCONFIRMED)
    rows = list(proposals.values_list("status", "confirmed_at", "decided_at"))
    waits = [decided - confirmed for _status, confirmed, decided in rows if decided and confirmed]
    average = sum(waits, datetime.timedelta()) / len(waits) if waits else None
    return {
        "received": len(rows),
        "published": sum(1 for status, *_ in rows if status in Proposal.PUBLIC_STATUSES),
        "rejected": sum(1 for status, *_ in rows if status == Proposal.Status.REJECTED),
        "waiting": sum(1 for status, *_ in rows if status == Proposal.Status.SUBMITTED),
        "average_days": round(average.total_seconds() / 86400, 1) if average is not None else None,
    }
