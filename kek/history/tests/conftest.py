from kek.history.baseline import take_snapshot
from kek.history.services import ensure_page
from kek.plan.tests.fixtures import concept_fixtures


def _decided(concept) -> None:
    """The change history's page, and the decided version frozen as the importer freezes it."""
    ensure_page(concept.home)
    take_snapshot(concept.home)


module_concept, concept = concept_fixtures(_decided)
