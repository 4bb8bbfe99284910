from kek.exchange.setup import complete_site
from kek.plan.tests.fixtures import concept_fixtures


def _service_pages(concept) -> None:
    """The pages every site gets: legal pages, change log, places, indicators."""
    complete_site(concept.home)


module_concept, concept = concept_fixtures(_service_pages)
