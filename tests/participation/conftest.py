from kek.exchange.setup import complete_site
from kek.history.baseline import take_snapshot
from kek.plan.tests.fixtures import concept_fixtures


def _complete(concept) -> None:
    """Every service page as setup_site leaves a site, and the decided version frozen."""
    complete_site(concept.home)
    take_snapshot(concept.home)


module_concept, concept = concept_fixtures(_complete)
