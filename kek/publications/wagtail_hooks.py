"""This app's own file: the concept as PDF (linked from the start page by kek/opendata, which serves
the files); the content version for the parts of pages kept between requests."""

from wagtail import hooks
from wagtail.models import Site

from kek.core.hooks import CONTENT_VERSION_HOOK

from .files import FILES_HOOK
from .models import ContentVersion
from .pdf import PDF_FILE


@hooks.register(FILES_HOOK)
def register_pdf():
    return [PDF_FILE]


@hooks.register(CONTENT_VERSION_HOOK)
def content_version(site: Site) -> str | None:
    """Parts of pages are kept until this moves (kek/core/content_cache.py): one small query."""
    changed_at = ContentVersion.objects.filter(site=site).values_list("changed_at", flat=True).first()
    return changed_at.isoformat() if changed_at else None
