from kek.monitoring.services import ensure_pages
from kek.plan.tests.fixtures import concept_fixtures

# The small concept with the two monitoring sections, as setup_site makes them.
module_concept, concept = concept_fixtures(lambda concept: ensure_pages(concept.home))
