from kek.plan.tests.fixtures import concept_fixtures
from kek.search.indexer import rebuild

# The small concept with its search index built (the worker does that after each publication).
module_concept, concept = concept_fixtures(lambda concept: rebuild())
