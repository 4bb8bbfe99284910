from kek.plan.tests.fixtures import concept_fixtures

module_concept, concept = concept_fixtures()
