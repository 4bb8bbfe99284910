"""The files a site offers, built from its published content and kept in storage.

A file is rebuilt when the content changed after it was built (`ContentVersion`): by the task
worker right after each publication (`tasks.py`), or, should a visitor come first, on that
request. Every app offering files, this one included, registers them with the Wagtail hook
`FILES_HOOK`: a function without arguments returning `FileSpec`s.
"""

import datetime
import time
from collections.abc import Callable
from dataclasses import dataclass

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from wagtail import hooks
from wagtail.models import Site

from .models import ContentVersion, StoredFile

FILES_HOOK = "kek_site_files"
EPOCH = datetime.datetime(2000, 1, 1, tzinfo=datetime.UTC)


@dataclass(frozen=True)
class FileSpec:
    name: str  # file name, also the download URL's last part
    title: str
    format: str  # e.g. "PDF", "CSV"
    media_type: str
    build: Callable[[Site], bytes]
    description: str = ""


def specs() -> list[FileSpec]:
    """Every file a site offers, in the order of the hooks (this app's own PDF first)."""
    return [spec for fn in hooks.get_hooks(FILES_HOOK) for spec in fn()]


def spec_named(name: str) -> FileSpec | None:
    return next((s for s in specs() if s.name == name), None)


def changed_at(site: Site) -> datetime.datetime:
    """When anything public of `site` last changed (its start page's publication if never marked)."""
    version = ContentVersion.objects.filter(site=site).values_list("changed_at", flat=True).first()
    if version:
        return version
    home = site.root_page
    return home.last_published_at or home.first_published_at or EPOCH


def build(site: Site, spec: FileSpec) -> StoredFile:
    """Build the file now and keep it; the previous file is deleted once the new one is recorded."""
    content_at = changed_at(site)
    start = time.perf_counter()
    data = spec.build(site)
    seconds = time.perf_counter() - start
    with transaction.atomic():
        stored = StoredFile.objects.select_for_update().filter(site=site, name=spec.name).first()
        old = stored.file.name if stored else None
        stored = stored or StoredFile(site=site, name=spec.name)
        stored.file.save(spec.name, ContentFile(data), save=False)
        stored.size = len(data)
        stored.built_at = timezone.now()
        stored.content_at = content_at
        stored.seconds = seconds
        stored.save()
        if old and old != stored.file.name:
            storage = stored.file.storage
            transaction.on_commit(lambda: storage.delete(old))
        record_shown(site.pk)  # the start page names the PDF's size and date
    return stored


def record_shown(site_id: int) -> None:
    """Something pages show beside the concept changed (a file, citizens' activity): the parts of
    pages kept between requests are built anew, the files stay as they are."""
    ContentVersion.objects.filter(site_id=site_id).update(shown_at=timezone.now())


def current(site: Site, spec: FileSpec) -> StoredFile:
    """The stored file, rebuilt first if it is missing or older than the content."""
    stored = StoredFile.objects.filter(site=site, name=spec.name).first()
    if stored is None or stored.content_at < changed_at(site) or not stored.file.storage.exists(stored.file.name):
        stored = build(site, spec)
    return stored


def stored_files(site: Site) -> dict[str, StoredFile]:
    return {f.name: f for f in StoredFile.objects.filter(site=site)}
