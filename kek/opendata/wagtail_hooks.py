"""The open-data files for publications' file registry; the "Offene Daten" page for new sites."""

from wagtail import hooks

from kek.exchange.setup import COMPLETE_SITE_HOOK
from kek.publications.files import FILES_HOOK

from .services import ensure_page
from .specs import open_data_files


@hooks.register(FILES_HOOK)
def register_files():
    return open_data_files()


@hooks.register(COMPLETE_SITE_HOOK)
def add_page(home):
    page = ensure_page(home)
    return [page.title] if page else []
