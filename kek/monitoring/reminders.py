"""Staff reminders: measures and projects whose state nobody has written for a while.

An item is due after KEK_REMIND_AFTER_DAYS without a new state and "veraltet" after
KEK_STALE_AFTER_DAYS (finished or dropped items never). Editors see what they may edit in a
dashboard panel; each organisational unit with an e-mail address gets a digest of its items,
sent by the task worker, at most once per KEK_REMIND_PAUSE_DAYS (OrganisationalUnit.last_reminded_at).
"""

import datetime
from collections import defaultdict

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django_tasks import task
from wagtail.models import Site

from kek.core.sites import sites_for_user

from .items import Concept, Item, load_items
from .models import locate
from .permissions import editable_paths
from .records import OrganisationalUnit


def due_items(concept: Concept, today: datetime.date | None = None) -> list[Item]:
    """The concept's items due for a new state, the longest-waiting first."""
    items = [item for item in load_items(concept, today=today) if item.timeliness.due]
    return sorted(items, key=lambda item: item.state.since)


def digests(concept: Concept, now: datetime.datetime) -> dict[OrganisationalUnit, list[Item]]:
    """Per unit with an address and no reminder within the pause: its due items."""
    pause = datetime.timedelta(days=settings.KEK_REMIND_PAUSE_DAYS)
    by_unit: dict[OrganisationalUnit, list[Item]] = defaultdict(list)
    for item in due_items(concept, timezone.localdate(now)):
        unit = item.unit
        if unit and unit.email and (unit.last_reminded_at is None or now - unit.last_reminded_at >= pause):
            by_unit[unit].append(item)
    return by_unit


def _message(unit: OrganisationalUnit, items: list[Item]) -> str:
    lines = [
        _("Guten Tag,"),
        "",
        _("für diese Einträge, für die %(unit)s zuständig ist, wurde der Stand länger nicht fortgeschrieben:")
        % {"unit": unit.name},
        "",
    ]
    for item in items:
        flag = _("veraltet") if item.timeliness.stale else _("fällig")
        lines.append(f"- {item.title[:120]} ({item.state.label}, {item.state.since:%d.%m.%Y}; {flag})")
        url = item.detail_url
        lines.append("  " + (url if url.startswith("http") else settings.WAGTAILADMIN_BASE_URL.rstrip("/") + url))
    lines += ["", _("Bitte tragen Sie im Verwaltungsbereich unter „Umsetzungsstand“ den aktuellen Stand ein.")]
    return "\n".join(lines)


@task(priority=5)
def send_reminders() -> int:
    """Send each due unit its digest; returns how many digests went out."""
    sent = 0
    now = timezone.now()
    for site in Site.objects.select_related("root_page"):
        concept = locate(site.root_page, None)
        if concept is None:
            continue
        for unit, items in digests(concept, now).items():
            with transaction.atomic():
                # lock the unit's row so that two workers never send the same digest twice
                locked = OrganisationalUnit.objects.select_for_update().get(pk=unit.pk)
                if locked.last_reminded_at != unit.last_reminded_at:
                    continue
                send_mail(
                    subject=_("Erinnerung: %(count)d Einträge warten auf einen neuen Stand") % {"count": len(items)},
                    message=_message(unit, items),
                    from_email=None,
                    recipient_list=[unit.email],
                )
                OrganisationalUnit.objects.filter(pk=unit.pk).update(last_reminded_at=now)
                sent += 1
    return sent


def items_for_editor(user, today: datetime.date | None = None) -> list[Item]:
    """The due items of every concept the user works on that the user may edit (the dashboard)."""
    sites = sites_for_user(user)
    sites = Site.objects.all() if sites is None else sites
    paths = None if user.is_superuser else list(editable_paths(user))
    if paths == []:
        return []
    items = []
    for site in sites.select_related("root_page"):
        concept = locate(site.root_page, None)
        if concept is not None:
            items += [i for i in due_items(concept, today) if paths is None or i.approach.path.startswith(tuple(paths))]
    return sorted(items, key=lambda item: item.state.since)
