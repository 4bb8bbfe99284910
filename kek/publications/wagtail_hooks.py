"""This app's own file: the concept as PDF (linked from the start page by kek/opendata, which serves
the files)."""

from wagtail import hooks

from .files import FILES_HOOK
from .pdf import PDF_FILE


@hooks.register(FILES_HOOK)
def register_pdf():
    return [PDF_FILE]
