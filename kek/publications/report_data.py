"""What an implementation report says, gathered from the published data as plain JSON data.

The report is written down once, at publication, as this data (ImplementationReport.snapshot) and
the page rendered from it, so it never changes afterwards. Every status is the state at the end of
the period (the newest published progress entry up to that day); the counting is the overview's
own (kek/monitoring/overview.py), so the report and /umsetzung/ count alike. "Seit dem letzten
Bericht" compares this data with the previous published report's data, key by key.
"""

import datetime
from dataclasses import dataclass, field

from django.db.models import Prefetch
from django.utils import timezone
from wagtail.models import Site

from kek.indicators import rating
from kek.indicators.models import Indicator, IndicatorValue
from kek.monitoring import overview as counting
from kek.monitoring.items import Item, load_items, load_tree
from kek.monitoring.models import locate
from kek.monitoring.status import MEASURE, current_state
from kek.monitoring.vocabulary import Status
from kek.plan.tree import FIELD_DEPTH

SNAPSHOT_VERSION = 1


@dataclass
class Period:
    start: datetime.date
    end: datetime.date

    def __contains__(self, day: datetime.date) -> bool:
        return self.start <= day <= self.end


def _number(value) -> str | None:
    return None if value is None else str(value)


def _tally(tally: counting.Tally) -> dict[str, int]:
    return {status: count for status, count in tally.by_status.items() if count}


def _at_end(item: Item, period: Period, dates) -> Item | None:
    """The item with its state at the end of the period; None if it did not exist then."""
    entries = [e for e in item.entries if e.date <= period.end]
    state = current_state(item.kind, item.obj, entries, dates)
    if state.derived and state.since > period.end:
        return None
    item.state = state
    return item


def _change(item: Item, entry) -> dict:
    decision = ", ".join(
        part
        for part in (
            entry.decision_body,
            entry.decision_number,
            entry.decision_date and f"{entry.decision_date:%d.%m.%Y}",
        )
        if part
    )
    return {
        "date": entry.date.isoformat(),
        "key": item.key,
        "kind": item.kind,
        "title": item.title,
        "url": item.detail_url,
        "status": entry.status,
        "text": entry.text,
        "decision": decision,
        "decision_url": entry.decision_url,
    }


def _item_row(item: Item) -> dict:
    return {"kind": item.kind, "title": item.title, "url": item.detail_url, "status": item.state.status}


def _indicators(site: Site, period: Period, indicator_url: str | None) -> list[dict]:
    """Each indicator with its targets and the values stated up to the end of the period, rated."""
    values = IndicatorValue.objects.filter(as_of__lte=period.end).order_by("year")
    rows = []
    for indicator in Indicator.objects.of_site(site).prefetch_related("targets", Prefetch("values", queryset=values)):
        series = list(indicator.values.all())
        targets = sorted(indicator.targets.all(), key=lambda t: t.year)
        baseline = (
            rating.Point.of(indicator.baseline_year, indicator.baseline_value)
            if indicator.baseline_year is not None and indicator.baseline_value is not None
            else None
        )
        result = rating.rate(
            baseline,
            [rating.Point.of(v.year, v.value) for v in series],
            [rating.Point.of(t.year, t.value) for t in targets],
        )
        latest = series[-1] if series else None
        rows.append(
            {
                "key": indicator.key,
                "name": indicator.name,
                "unit": indicator.unit,
                "url": f"{indicator_url}{indicator.key}/" if indicator_url else "",
                "baseline": {"year": indicator.baseline_year, "value": _number(indicator.baseline_value)}
                if baseline
                else None,
                "latest": {"year": latest.year, "value": _number(latest.value), "source": latest.source}
                if latest
                else None,
                "targets": [{"year": t.year, "value": _number(t.value), "origin": t.origin} for t in targets],
                "values": {str(v.year): _number(v.value) for v in series},
                "new_in_period": [v.year for v in series if v.as_of in period],
                "rating": result.status.value,
                "rating_reason": result.reason,
            }
        )
    return rows


def gather(site: Site, period: Period, previous: dict | None = None, indicator_url: str | None = None) -> dict:
    """The report's data for `site` and `period`; `previous` is the data of the report published
    before it (with "title" and "published_at" added), whose changes since it the report lists.

    A fixed number of queries however large the concept: the items come from monitoring's
    `load_items`, the indicators with two prefetches."""
    concept = locate(site.root_page, None)
    tree = load_tree(concept.home)
    dates = concept.dates
    items = [i for i in load_items(concept, None, tree=tree, today=period.end) if _at_end(i, period, dates)]
    changes = sorted(
        (_change(item, e) for item in items for e in item.entries if e.date in period),
        key=lambda c: (c["date"], c["title"]),
    )
    new_projects = [
        _item_row(item)
        for item in items
        if item.kind != MEASURE
        and item.obj.first_published_at
        and dates.baseline_at
        and item.obj.first_published_at > dates.baseline_at
        and timezone.localdate(item.obj.first_published_at) in period
    ]
    totals = counting.totals(items)
    fields = counting.level_tree(tree, items, {FIELD_DEPTH: "field"})
    data = {
        "version": SNAPSHOT_VERSION,
        "period": {"start": period.start.isoformat(), "end": period.end.isoformat()},
        "concept": {"title": concept.home.title, "decided_on": dates.decided_on.isoformat()},
        "totals": {group: _tally(tally) for group, tally in totals.items()},
        "fields": [
            {
                "title": node.page.title,
                "url": node.page.url_path[len(concept.home.url_path) - 1 :],
                "tallies": {group: _tally(tally) for group, tally in node.tallies.items()},
            }
            for node in fields
        ],
        "changes": changes,
        "new_projects": new_projects,
        "completed": [c for c in changes if c["status"] == Status.COMPLETED],
        "indicators": _indicators(site, period, indicator_url),
        "items": {f"{item.kind}:{item.key}": _item_row(item) for item in items},
    }
    data["since_previous"] = since(previous, data) if previous else None
    return data


@dataclass
class Difference:
    status_changed: list[dict] = field(default_factory=list)
    added: list[dict] = field(default_factory=list)
    removed: list[dict] = field(default_factory=list)
    indicator_values: list[dict] = field(default_factory=list)


def since(previous: dict, current: dict) -> dict:
    """What changed between the previous report's data and this one's, by stable key."""
    before, now = previous.get("items", {}), current["items"]
    diff = Difference()
    for key, row in now.items():
        old = before.get(key)
        if old is None:
            diff.added.append(row)
        elif old["status"] != row["status"]:
            diff.status_changed.append({**row, "previous_status": old["status"]})
    diff.removed = [row for key, row in before.items() if key not in now]
    old_values = {i["key"]: i.get("values", {}) for i in previous.get("indicators", [])}
    for indicator in current["indicators"]:
        known = old_values.get(indicator["key"], {})
        years = sorted(int(y) for y, v in indicator["values"].items() if known.get(y) != v)
        if years:
            diff.indicator_values.append({"name": indicator["name"], "url": indicator["url"], "years": years})
    return {
        "previous": {k: previous.get(k) for k in ("title", "published_at", "period")},
        "status_changed": diff.status_changed,
        "added": diff.added,
        "removed": diff.removed,
        "indicator_values": diff.indicator_values,
    }
