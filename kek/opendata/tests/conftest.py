import pytest
from django.core.cache import caches

from kek.opendata.services import ensure_page
from kek.plan.tests.fixtures import concept_fixtures

# The small concept with its "Offene Daten" page, as setup_site leaves every site.
module_concept, concept = concept_fixtures(lambda concept: ensure_page(concept.home))


@pytest.fixture(autouse=True)
def _no_rate_counts():
    """The API's rate limit counts in a shared cache, which outlives a test: every test starts at zero."""
    caches["rates"].clear()
    yield
    caches["rates"].clear()
