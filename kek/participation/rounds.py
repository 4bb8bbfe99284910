"""Every write of a priority round: inviting, joining, redeeming a code, rating, closing.

Like services.py, each runs in one transaction with its mails queued inside it. Rating and closing
lock the round's row (select_for_update), so a rating either lands before the result is frozen
or is refused as too late; it never changes a closed round.
"""

import datetime
import secrets
from statistics import mean

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Count
from django.http import HttpRequest
from django.utils import timezone

from kek.core import ratelimit
from kek.core.hooks import public_activity
from kek.plan.models import ApproachPage, FieldOfActionPage

from . import codes, links, mails
from .models import AccessCode, ParticipationPage, PriorityRound, Rating, RoundParticipant
from .services import Links, Outcome

JOIN_LIMIT = (20, datetime.timedelta(hours=1))
CODE_LIMIT = (10, datetime.timedelta(hours=1))  # wrong codes per browser: guessing stays hopeless
CODES_MAX = 500


class RoundClosed(Exception):
    """The round ended before the rating arrived."""


def rating_link(urls: Links, participant: RoundParticipant) -> str:
    return urls.route("round-rate", signed=links.make(links.ROUND, r=participant.round_id, t=str(participant.token)))


def invite(round_: PriorityRound, addresses: list[str], page: ParticipationPage) -> int:
    """Mail each address its personal link; an address invited before gets its old link again."""
    urls = Links.of(page)
    with transaction.atomic():
        for address in addresses:
            participant, _ = RoundParticipant.objects.get_or_create(round=round_, person=links.person_key(address))
            context = {"round": round_, "link": rating_link(urls, participant)}
            mails.send("round_invitation", [address], context, title=round_.title)
    return len(addresses)


def request_join(request: HttpRequest, round_: PriorityRound, email: str, page: ParticipationPage) -> Outcome:
    """A public round: mail the confirmation link; nothing is stored until it is followed."""
    limit, per = JOIN_LIMIT
    with transaction.atomic():
        if not ratelimit.allow(request, "round-join", limit=limit, per=per):
            return Outcome.RATE_LIMITED
    signed = links.make(links.ROUND_JOIN, r=round_.pk, h=links.person_key(email))
    context = {
        "round": round_,
        "link": Links.of(page, request).route("round-join", signed=signed),
        "hours": settings.KEK_CONFIRM_HOURS,
    }
    mails.send("round_join", [email], context, title=round_.title)
    return Outcome.STORED


def join(round_: PriorityRound, person: str) -> RoundParticipant:
    """The confirmed address's participant (the same one on a second click: one person, one vote)."""
    try:
        with transaction.atomic():
            return RoundParticipant.objects.get_or_create(round=round_, person=person)[0]
    except IntegrityError:  # the same link clicked twice at the same moment
        return RoundParticipant.objects.get(round=round_, person=person)


def print_codes(round_: PriorityRound, number: int) -> list[str]:
    """`number` new one-time codes; they exist in plain text only in this answer (the printed sheet)."""
    made = [codes.new_code() for _ in range(number)]
    rows = []
    for code in made:
        salt = secrets.token_hex(16)
        rows.append(AccessCode(round=round_, salt=salt, digest=codes.digest(code, salt), lookup=codes.lookup(code)))
    with transaction.atomic():
        AccessCode.objects.bulk_create(rows)
    return [codes.printable(code) for code in made]


def redeem(request: HttpRequest, round_: PriorityRound, typed: str) -> RoundParticipant | Outcome | None:
    """A typed code's new participant; None if the code is unknown or used, RATE_LIMITED after many tries."""
    code = codes.normalise(typed)
    with transaction.atomic():
        limit, per = CODE_LIMIT
        if not ratelimit.allow(request, "round-code", limit=limit, per=per):
            return Outcome.RATE_LIMITED
        for row in AccessCode.objects.filter(round=round_, lookup=codes.lookup(code), used_at__isnull=True):
            if codes.matches(code, row.salt, row.digest):
                if not AccessCode.objects.filter(pk=row.pk, used_at__isnull=True).update(used_at=timezone.now()):
                    return None  # redeemed at the same moment in another request
                return RoundParticipant.objects.create(round=round_, person=f"code:{row.pk}")
    return None


def rate(participant: RoundParticipant, values: dict[int, int]) -> None:
    """Store (or change) the participant's ratings; RoundClosed if the round has ended."""
    now = timezone.now()
    with transaction.atomic():
        round_ = PriorityRound.objects.select_for_update().get(pk=participant.round_id)
        if not round_.is_open:
            raise RoundClosed
        for approach_id, value in values.items():
            Rating.objects.update_or_create(
                participant=participant, approach_id=approach_id, defaults={"value": value, "updated": now}
            )


def close(round_: PriorityRound) -> bool:
    """End the round and freeze its result; False if it was closed before."""
    with transaction.atomic():
        locked = PriorityRound.objects.select_for_update().get(pk=round_.pk)
        if not locked.is_open:
            return False
        locked.closed_at = timezone.now()
        locked.result = compute_result(locked)
        locked.save(update_fields=["closed_at", "result"])
        public_activity(locked.site_id, locked.approaches.values_list("pk", flat=True))
    round_.refresh_from_db()
    return True


def compute_result(round_: PriorityRound) -> dict:
    """Per field of action, its approaches ranked by mean rating (then by count, then by order in the
    concept), with the count of each scale value. Titles are copied, so the result stays as it was."""
    approaches = list(round_.approaches.order_by("path").only("title", "path"))
    counts: dict[int, dict[int, int]] = {a.pk: {} for a in approaches}
    rows = Rating.objects.filter(participant__round=round_).values("approach_id", "value").annotate(n=Count("pk"))
    for row in rows:
        if row["approach_id"] in counts:
            counts[row["approach_id"]][row["value"]] = row["n"]
    steplen = ApproachPage.steplen
    ancestors = {a.path[:end] for a in approaches for end in range(steplen, len(a.path), steplen)}
    fields = list(FieldOfActionPage.objects.filter(path__in=ancestors).only("title", "path"))
    grouped: dict[str, list[dict]] = {}
    for order, approach in enumerate(approaches):
        distribution = [counts[approach.pk].get(value, 0) for value, _ in PriorityRound.SCALE]
        total = sum(distribution)
        values = [v for (v, _), n in zip(PriorityRound.SCALE, distribution, strict=True) for _ in range(n)]
        field = next((f for f in fields if approach.path.startswith(f.path)), None)
        grouped.setdefault(field.path if field else "", []).append(
            {
                "title": approach.title,
                "count": total,
                "mean": round(mean(values), 2) if values else None,
                "distribution": distribution,
                "order": order,
            }
        )
    result_fields = []
    titles = {f.path: f.title for f in fields}
    for path, items in sorted(grouped.items()):
        items.sort(key=lambda i: (-(i["mean"] or 0), -i["count"], i["order"]))
        for rank, item in enumerate(items, start=1):
            item["rank"] = rank
            del item["order"]
        result_fields.append({"title": titles.get(path, ""), "approaches": items})
    return {
        "closed_at": round_.closed_at.isoformat(),
        "participants": round_.participants.filter(ratings__isnull=False).distinct().count(),
        "scale": [str(label) for _, label in PriorityRound.SCALE],
        "fields": result_fields,
    }
