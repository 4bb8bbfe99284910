from pathlib import Path

import pytest

from .factories import import_small_concept


@pytest.fixture(scope="module")
def small_file(module_db, tmp_path_factory) -> Path:
    """The small concept's content file, imported once per module into the default site (with its
    places, service pages and groups); each test's changes are rolled back after it."""
    with module_db.unblock():
        return import_small_concept(tmp_path_factory.mktemp("musterland"))
