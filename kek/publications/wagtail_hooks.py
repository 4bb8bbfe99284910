"""This app's own file: the concept as PDF."""

from wagtail import hooks

from .files import FILES_HOOK
from .pdf import PDF_FILE


@hooks.register(FILES_HOOK)
def register_pdf():
    return [PDF_FILE]
