"""The small concept as fixtures: built once per test module, seen by each test as it was built."""

from collections.abc import Callable

import pytest

from .factories import SmallConcept, small_concept


def concept_fixtures(*complete: Callable[[SmallConcept], object]):
    """The fixtures `module_concept` (built once per module, then each `complete` step applied to it,
    e.g. the service pages an app adds) and `concept` (the same objects fresh for each test).

    Use in an app's tests/conftest.py: `module_concept, concept = concept_fixtures(...)`. The module's
    data lives in the module's transaction (`module_db`, conftest.py at the top); each test's own
    changes are rolled back after it."""

    @pytest.fixture(scope="module", name="module_concept")
    def module_concept_fixture(module_db) -> SmallConcept:
        with module_db.unblock():
            concept = small_concept()
            for step in complete:
                step(concept)
        return concept

    @pytest.fixture(name="concept")
    def concept_fixture(db, module_db, module_concept) -> SmallConcept:
        module_db.check_open()
        return module_concept.fresh()

    return module_concept_fixture, concept_fixture
