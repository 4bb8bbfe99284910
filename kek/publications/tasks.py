"""Marking a site's content changed and rebuilding its files in the background after that; making
the PDF of a published implementation report."""

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django_tasks import task
from wagtail.models import Site

from . import files
from .models import ContentVersion
from .report_pdf import build_pdf
from .report_records import ImplementationReport


@task(priority=-10)  # after mail, search (10) and Wagtail's bookkeeping (0): it may take seconds
def build_site_files(site_id: int) -> list[str]:
    """Build every stale file of the site; returns the names built (none if all were current)."""
    site = Site.objects.filter(pk=site_id).select_related("root_page").first()
    if site is None:
        return []
    built = []
    for spec in files.specs():
        stored = files.StoredFile.objects.filter(site=site, name=spec.name).first()
        if stored is None or stored.content_at < files.changed_at(site):
            files.build(site, spec)
            built.append(spec.name)
    return built


def served(site: Site, spec: files.FileSpec) -> files.StoredFile:
    """The file to hand out now. A file never built is built on this request; a stale one is handed
    out as it is (it names the date of its content) while the worker builds the new one, so no
    request after a publication waits for a build (the PDF of a large concept takes seconds)."""
    stored = files.StoredFile.objects.filter(site=site, name=spec.name).first()
    if stored is None or not stored.file.storage.exists(stored.file.name):
        return files.build(site, spec)
    if stored.content_at < files.changed_at(site):
        if not settings.KEK_BUILD_FILES:
            return files.build(site, spec)
        build_site_files.enqueue(site.pk)
        stored.refresh_from_db()  # the immediate backend (development, tests) has built it already
    return stored


def mark_changed(site_id: int) -> None:
    """Record a change of the site when the current transaction commits and queue the rebuild of its
    files, once per site however many changes the transaction holds.

    Whatever renders the site's pages from a commit callback of its own calls `record_changes`
    first (kek/operations, before it asks nginx to refresh them): callbacks run in the order they
    were registered, and a page rendered before the version moved would be the one kept for the
    old version. A rolled-back transaction leaves its sites pending; the next commit records those
    that exist (at worst one needless rebuild)."""
    transaction.get_connection().__dict__.setdefault("kek_changed_sites", set()).add(site_id)
    transaction.on_commit(record_changes)


def record_changes() -> None:
    """Record the content versions of the sites the committed transaction changed (mark_changed);
    the second call finds nothing left to do."""
    pending = transaction.get_connection().__dict__.get("kek_changed_sites")
    if not pending:
        return
    site_ids = list(Site.objects.filter(pk__in=pending).values_list("pk", flat=True))
    pending.clear()
    for site_id in site_ids:
        ContentVersion.objects.update_or_create(site_id=site_id, defaults={"changed_at": timezone.now()})
        if settings.KEK_BUILD_FILES:
            build_site_files.enqueue(site_id)


@task(priority=-10)
def build_report_pdf(report_id: int) -> int:
    """Make the PDF of a just published implementation report; returns its size (0: nothing to make)."""
    report = ImplementationReport.objects.filter(pk=report_id, published_at__isnull=False).first()
    if report is None or report.pdf:
        return 0
    return build_pdf(report).pdf_size
