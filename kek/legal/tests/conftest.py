from kek.legal.services import ensure_pages
from kek.plan.tests.fixtures import concept_fixtures

# The small concept with the legal pages below its start page, as setup_site leaves every site.
module_concept, concept = concept_fixtures(lambda concept: ensure_pages(concept.home))
