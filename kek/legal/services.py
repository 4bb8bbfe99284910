"""Creating the service pages a new installation needs."""

from wagtail.models import Page

from kek.core.services import ensure_child

from . import defaults
from .models import AccessibilityStatementPage, EasyLanguagePage, ImprintPage, PrivacyPage, SignLanguagePage

PAGES = [
    (ImprintPage, "impressum", "Impressum", {}),
    (PrivacyPage, "datenschutz", "Datenschutzerklärung", {}),
    (
        AccessibilityStatementPage,
        "barrierefreiheit",
        "Erklärung zur Barrierefreiheit",
        {
            "usage_notes": defaults.ACCESSIBILITY_USAGE,
            "non_accessible": defaults.ACCESSIBILITY_NON_ACCESSIBLE,
            "method": defaults.ACCESSIBILITY_METHOD,
        },
    ),
    (EasyLanguagePage, "leichte-sprache", "Leichte Sprache", {"body": defaults.EASY_LANGUAGE}),
    (SignLanguagePage, "gebaerdensprache", "Gebärdensprache", {"body": defaults.SIGN_LANGUAGE}),
]


def ensure_pages(home: Page) -> list[Page]:
    """Create each missing service page below the start page; leave existing ones alone."""
    pages = [
        ensure_child(home, model, slug, title, **{k: v.strip() for k, v in values.items()})
        for model, slug, title, values in PAGES
    ]
    return [page for page in pages if page]
