"""The state of an item now: its newest published progress entry, or else its honest starting point.

Nothing is invented. Without an entry, a running project of the decided concept is "laufend" as
of the decision (HomePage.decided_on), an idea "Idee", a measure "noch nicht bewertet" — exactly
what the concept itself says about them. Items added after the decision start on the day they
were first published. These starting states are computed, never stored, and say they are derived.
"""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.utils import timezone

from .vocabulary import FINAL, PHASE_OF, UNDER_WAY, Status

MEASURE, RUNNING, IDEA = "measure", "running", "idea"  # the kinds of item (ItemKind in items.py)
STARTING_STATUS = {MEASURE: Status.NOT_ASSESSED, RUNNING: Status.RUNNING, IDEA: Status.IDEA}
YEAR = datetime.timedelta(days=365)


@dataclass(frozen=True)
class ConceptDates:
    """When the Kreistag decided the concept and when its decided version was loaded."""

    decided_on: datetime.date
    baseline_at: datetime.datetime | None


@dataclass(frozen=True)
class State:
    status: str
    since: datetime.date
    derived: bool  # True: the starting point, no one has recorded a state yet

    @property
    def label(self) -> str:
        return Status(self.status).label

    @property
    def phase(self) -> str:
        return PHASE_OF[self.status]

    @property
    def is_final(self) -> bool:
        return self.status in FINAL

    @property
    def under_way(self) -> bool:
        return self.status in UNDER_WAY


def starting_date(kind: str, obj, dates: ConceptDates) -> datetime.date:
    """The day an item's starting state holds from: the decision for the decided version; a
    project or idea published later starts on its first publication. Measures carry no dates of
    their own, so theirs is the decision ("noch nicht bewertet" shows no date)."""
    published = getattr(obj, "first_published_at", None) if kind != MEASURE else None
    if published is not None and dates.baseline_at is not None and published > dates.baseline_at:
        return timezone.localdate(published)
    return dates.decided_on


def current_state(kind: str, obj, entries: list, dates: ConceptDates) -> State:
    """The newest of the published `entries` (any order), or the starting state."""
    if entries:
        newest = max(entries, key=lambda e: (e.date, e.pk or 0))
        return State(newest.status, newest.date, derived=False)
    return State(STARTING_STATUS[kind], starting_date(kind, obj, dates), derived=True)


def last_update(state: State, record) -> datetime.date:
    """When an item was last updated: the newer of its state's date and the last publication of
    its implementation record (`record` may be None)."""
    published = record.last_published_at if record is not None else None
    return max([state.since] + ([timezone.localdate(published)] if published else []))


@dataclass(frozen=True)
class Timeliness:
    """How current a state is, for reminders (staff) and the yearly-entry flag (public)."""

    due: bool  # no new state for longer than KEK_REMIND_AFTER_DAYS
    stale: bool  # "veraltet": longer than KEK_STALE_AFTER_DAYS
    yearly_overdue: bool  # work under way for years, and no entry in the last twelve months
    days: int


def timeliness(state: State, today: datetime.date, single_year: bool = False) -> Timeliness:
    days = (today - state.since).days
    if state.is_final:
        return Timeliness(False, False, False, days)
    multi_year = (state.under_way or state.status == Status.PREPARING) and not single_year
    return Timeliness(
        due=days >= settings.KEK_REMIND_AFTER_DAYS,
        stale=days >= settings.KEK_STALE_AFTER_DAYS,
        yearly_overdue=multi_year and today - state.since > YEAR,
        days=days,
    )
