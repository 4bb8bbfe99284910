"""Test set-up shared by all apps: the KEK 2030 is imported once per test session.

Each test runs in a transaction that is rolled back, so tests may change the concept freely.
"""

import os
from pathlib import Path

import pytest

CONTENT_FILE = Path(__file__).parent / "content" / "kek2030.yaml"


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    from django.core.management import call_command

    with django_db_blocker.unblock():
        call_command("setup_site", stdout=open(os.devnull, "w"))  # noqa: SIM115


@pytest.fixture(scope="session")
def content():
    """The parsed content file, to compare the site against."""
    from kek.exchange.content_file import load

    return load(CONTENT_FILE)


@pytest.fixture(autouse=True)
def _forget_cached_sites():
    """Wagtail caches the sites' root paths; a test that adds or removes a site is rolled back
    without telling the cache, so each test starts with it empty."""
    from wagtail.models import Site

    Site.clear_site_root_paths_cache()
    yield
    Site.clear_site_root_paths_cache()
