"""The open-data files for publications' file registry, the "Offene Daten" page for new sites, and
the link to the concept PDF on the start page."""

from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail import hooks

from kek.exchange.setup import COMPLETE_SITE_HOOK
from kek.plan.models.pages import HOME_DOWNLOADS_HOOK
from kek.publications.files import FILES_HOOK
from kek.publications.models import StoredFile
from kek.publications.pdf import PDF_FILE

from .services import ensure_page
from .specs import open_data_files


@hooks.register(FILES_HOOK)
def register_files():
    return open_data_files()


@hooks.register(COMPLETE_SITE_HOOK)
def add_page(home):
    page = ensure_page(home)
    return [page.title] if page else []


@hooks.register(HOME_DOWNLOADS_HOOK)
def pdf_link(home, request: HttpRequest) -> list[dict]:
    """The PDF with its size and the date of the content it shows (one query; the worker builds it,
    and should a visitor come first, the download builds it)."""
    stored = StoredFile.objects.filter(site__root_page=home, name=PDF_FILE.name).first()
    link = {"title": _("Konzept als PDF herunterladen"), "url": reverse("opendata-file", args=[PDF_FILE.name])}
    link["format"] = PDF_FILE.format
    if stored:
        link |= {"size": stored.size, "date": stored.content_at}
    return [link]
