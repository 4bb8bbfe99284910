from kek.editorial.services import ensure_site_groups
from kek.plan.tests.fixtures import concept_fixtures

# The small concept with its site's Redaktion and a Fachdienst for its field, as setup_site makes them.
module_concept, concept = concept_fixtures(lambda concept: ensure_site_groups(concept.home))
