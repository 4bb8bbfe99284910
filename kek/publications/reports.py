"""Implementation reports: a draft shows the live data, publishing freezes it.

`publish` gathers the data (report_data.py), renders the report's page from it and stores both in
one transaction; the PDF is made from the stored page by the task worker after the commit
(`tasks.build_report_pdf`), like the concept PDF, and on the first download should the worker
not have come yet. Who may create and publish reports: whoever may publish the pages of the site's
concept (its Redaktion) and the Administration, see `may_report`.
"""

import datetime
from collections import Counter

from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import mark_safe
from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache
from wagtail.models import Site

from kek.indicators.models import IndicatorIndexPage
from kek.indicators.rating import Status as Rating
from kek.monitoring.items import ItemKind
from kek.monitoring.overview import GROUP_LABELS, Tally
from kek.monitoring.vocabulary import Phase, Status
from kek.plan.models import HomePage

from .report_data import Period, gather
from .report_pages import ReportIndexPage
from .report_records import ImplementationReport
from .tasks import build_report_pdf


class AlreadyPublished(Exception):
    """A published report is frozen; it cannot be published (or changed) again."""


def may_report(user, site: Site) -> bool:
    """Whether `user` may create, publish and delete reports of `site`: its Redaktion (who may
    publish the pages below the site's start page), and the Administration and superusers, whose
    model permission (migration 0003) holds for every site."""
    if not user.is_active:
        return False
    if user.has_perm("publications.add_implementationreport"):
        return True
    return site.root_page.permissions_for_user(user).can_publish()


def reporting_sites(user) -> list[Site]:
    """The sites with a concept whose reports `user` may make."""
    sites = Site.objects.filter(root_page__in=HomePage.objects.values("pk")).select_related("root_page")
    return [site for site in sites.order_by("hostname") if may_report(user, site)]


def indicator_url(site: Site) -> str | None:
    page = IndicatorIndexPage.objects.live().descendant_of(site.root_page).first()
    return page.get_url() if page else None


def previous_of(report: ImplementationReport) -> ImplementationReport | None:
    """The report of the same site published last before `report` (or before now, for a draft)."""
    reports = ImplementationReport.objects.published().of_site(report.site).exclude(pk=report.pk)
    if report.published_at:
        reports = reports.filter(published_at__lt=report.published_at)
    return reports.order_by("-published_at", "-pk").first()


def live_data(report: ImplementationReport) -> dict:
    """What the report would say if it were published now (the draft's preview)."""
    previous = previous_of(report)
    previous_data = (
        {**previous.snapshot, "title": previous.title, "published_at": previous.published_at.isoformat()}
        if previous
        else None
    )
    period = Period(report.period_start, report.period_end)
    return gather(report.site, period, previous_data, indicator_url(report.site))


def _date(value: str) -> datetime.date:
    return datetime.date.fromisoformat(value)


def _labelled(rows: list[dict]) -> list[dict]:
    return [
        {
            **row,
            "status_label": Status(row["status"]).label,
            "kind_label": ItemKind(row["kind"]).label,
            **({"previous_label": Status(row["previous_status"]).label} if "previous_status" in row else {}),
            **({"day": _date(row["date"])} if "date" in row else {}),
        }
        for row in rows
    ]


def body_context(report: ImplementationReport, data: dict) -> dict:
    """The data as the template shows it: tallies for the overview's bars, labels for the values."""
    totals = {group: Tally(Counter(counts)) for group, counts in data["totals"].items()}
    used = {s for counts in data["totals"].values() for s in counts}
    columns = [(value, label) for value, label in Status.choices if value in used]
    fields = []
    for row in data["fields"]:
        tallies = {group: Tally(Counter(counts)) for group, counts in row["tallies"].items()}
        fields.append(
            {
                "title": row["title"],
                "url": row["url"],
                "tallies": tallies,
                "rows": [
                    {
                        "group": label,
                        "counts": [tallies[group].by_status.get(v, 0) for v, _l in columns],
                        "total": tallies[group].total,
                    }
                    for group, label in GROUP_LABELS.items()
                ],
            }
        )
    since = data.get("since_previous")
    if since:
        since = {
            **since,
            "status_changed": _labelled(since["status_changed"]),
            "added": _labelled(since["added"]),
            "removed": _labelled(since["removed"]),
            "published_on": _date(since["previous"]["published_at"][:10]),
        }
    return {
        "report": report,
        "start": _date(data["period"]["start"]),
        "end": _date(data["period"]["end"]),
        "totals": totals,
        "fields": fields,
        "columns": columns,
        "phases": Phase.choices,
        "changes": _labelled(data["changes"]),
        "new_projects": _labelled(data["new_projects"]),
        "completed": _labelled(data["completed"]),
        "indicators": [{**i, "rating_label": Rating(i["rating"]).label} for i in data["indicators"]],
        "since": since,
        "has_previous": "since_previous" in data and data["since_previous"] is not None,
    }


def render_body(report: ImplementationReport, data: dict) -> str:
    return render_to_string("publications/includes/report_body.html", body_context(report, data))


def body(report: ImplementationReport) -> str:
    """The report's content: as published (frozen), or for a draft from the live data."""
    return mark_safe(report.html) if report.is_published else render_body(report, live_data(report))  # noqa: S308 - our own template's output, stored at publication


def publish(report: ImplementationReport, user) -> ImplementationReport:
    """Freeze the report: its data, its page and (after the commit, by the worker) its PDF."""
    with transaction.atomic():
        report = ImplementationReport.objects.select_for_update().select_related("site__root_page").get(pk=report.pk)
        if report.is_published:
            raise AlreadyPublished
        report.published_at = timezone.now()  # before gathering: "previous" means published before this
        data = live_data(report)
        report.snapshot = data
        report.html = render_body(report, data)
        report.published_by = user
        report.save()
        transaction.on_commit(lambda: build_report_pdf.enqueue(report.pk))
        transaction.on_commit(lambda: refresh_cached(report))
    return report


def refresh_cached(report: ImplementationReport) -> None:
    """Let the page cache (nginx, kek/operations) drop the list, so it shows the new report at once."""
    index = ReportIndexPage.objects.live().descendant_of(report.site.root_page).first()
    if index is not None:
        purge_urls_from_cache([index.full_url])
