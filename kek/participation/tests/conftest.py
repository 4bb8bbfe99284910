import pytest

from kek.participation.services import ensure_page
from kek.plan.tests.fixtures import concept_fixtures

# The small concept with its "Mitmachen" page, as setup_site leaves every site.
module_concept, concept = concept_fixtures(lambda concept: ensure_page(concept.home))


@pytest.fixture(autouse=True)
def _no_waiting(settings):
    """Test clients send forms at once; the time check has its own test."""
    settings.KEK_FORM_MIN_SECONDS = 0
