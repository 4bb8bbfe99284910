"""Creating the service pages a new installation needs; storing visitors' barrier reports."""

import datetime
import enum

from django.db import transaction
from django.http import HttpRequest
from wagtail.models import Page, Site

from kek.core import ratelimit
from kek.core.services import ensure_child

from . import defaults
from .models import (
    AccessibilityStatementPage,
    BarrierReport,
    EasyLanguagePage,
    ImprintPage,
    LegalSettings,
    PrivacyPage,
    SignLanguagePage,
)

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
    """Create each missing service page below the start page, and the site's legal settings
    (with the defaults, to be checked by the county); leave existing ones alone."""
    site = Site.objects.filter(root_page=home).first()
    if site is not None and not LegalSettings.objects.filter(site=site).exists():
        legal = LegalSettings(site=site)  # created here, not on the first visitor's request
        county = getattr(home.specific, "county", "")
        if not site.is_default_site and county:
            legal.provider = county  # a further county is not the default county's provider
        legal.save()
    pages = [
        ensure_child(home, model, slug, title, **{k: v.strip() for k, v in values.items()})
        for model, slug, title, values in PAGES
    ]
    return [page for page in pages if page]


class Submission(enum.Enum):
    STORED = "stored"
    ALREADY_STORED = "already_stored"  # the same form (token) was sent before or at the same moment
    RATE_LIMITED = "rate_limited"


def submit_barrier_report(request: HttpRequest, data: dict, site: Site) -> Submission:
    """Store a visitor's barrier report once per form token, in one transaction.

    A form sent twice (double click, a retry, two tabs) is stored once even when both copies
    arrive at the same moment: the token is unique in the database and get_or_create finds the
    other request's row when its own insert loses the race. The rate limit counts in the same
    transaction, so a failed write counts nothing.
    """
    token = data["token"]
    with transaction.atomic():
        if BarrierReport.objects.filter(token=token).exists():
            return Submission.ALREADY_STORED
        if not ratelimit.allow(request, "barrier-report", limit=5, per=datetime.timedelta(minutes=10)):
            return Submission.RATE_LIMITED
        fields = {name: value for name, value in data.items() if name != "token"}
        _, created = BarrierReport.objects.get_or_create(token=token, defaults={**fields, "site": site})
    return Submission.STORED if created else Submission.ALREADY_STORED
