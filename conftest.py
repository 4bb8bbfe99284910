"""Test set-up shared by all apps.

The test database starts with the migrations only (and Wagtail's default site). A test builds what
it needs with the factories of its app (kek/<app>/tests/factories.py), most with the small concept
of kek/plan/tests/factories.py. Tests marked `kek2030` need the whole decided concept: they run
after the unmarked database tests, and before the first of them that uses the database the KEK
2030 is imported once and committed. So an unmarked test never sees the KEK and passes alone.

Each test runs in a transaction that is rolled back, so tests may change what they find freely.
"""

import os
from pathlib import Path

import pytest

CONTENT_FILE = Path(__file__).parent / "content" / "kek2030.yaml"
KEK2030 = "kek2030"
# `module_db` (below) too: a test that reads only module-scoped data still needs the database.
DB_FIXTURES = {"db", "transactional_db", "django_db_reset_sequences", "django_db_serialized_rollback", "module_db"}


def _uses_database(item: pytest.Item) -> bool:
    return item.get_closest_marker("django_db") is not None or bool(
        DB_FIXTURES & set(getattr(item, "fixturenames", ()))
    )


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Database tests first, as pytest-django orders them (browser tests start an event loop that
    would refuse Django's database calls), and among them the unmarked ones before those that need
    the KEK 2030; a stable sort keeps pytest's order otherwise. The marked ones that use the
    database load the KEK first of all their fixtures, before their test transaction begins.
    (A `transaction=True` test would empty the database after it, the KEK with it: there is none.)"""
    items.sort(key=lambda item: (not _uses_database(item), item.get_closest_marker(KEK2030) is not None))
    for item in items:
        if item.get_closest_marker(KEK2030) and _uses_database(item):
            item.fixturenames.insert(0, "kek2030_database")


class ModuleTransaction:
    """A transaction around one test module, for data that its tests share (`module_db`)."""

    open: list["ModuleTransaction"] = []  # at most one: pytest ends a module's fixtures before the next module's

    def __init__(self, blocker):
        from django.db import transaction

        self.blocker = blocker
        with blocker.unblock():
            self.atomic = transaction.atomic()
            self.atomic.__enter__()
        ModuleTransaction.open.append(self)

    def unblock(self):
        """Database access for building the module's data (in a module-scoped fixture)."""
        return self.blocker.unblock()

    def check_open(self) -> None:
        if self not in ModuleTransaction.open:
            pytest.fail(
                "The module's data was rolled back before the KEK 2030 was loaded: unmarked tests must run first."
            )

    def roll_back(self) -> None:
        from django.db import transaction

        if self in ModuleTransaction.open:
            ModuleTransaction.open.remove(self)
            with self.blocker.unblock():
                transaction.set_rollback(True)
                self.atomic.__exit__(None, None, None)


@pytest.fixture(scope="module")
def module_db(django_db_setup, django_db_blocker):
    """Data built once per module (inside `with module_db.unblock():`) and rolled back after it.

    pytest-django's transaction of each test nests inside (as a savepoint), so what a test changes is
    rolled back after the test and the next test finds the module's data as it was built."""
    module = ModuleTransaction(django_db_blocker)
    yield module
    module.roll_back()


@pytest.fixture(scope="session")
def kek2030_database(django_db_setup, django_db_blocker) -> None:
    """Import the KEK 2030 into the test database, committed, once per session (as `make run` does).

    A module's data still open (its unmarked tests ran just before) is rolled back first, so the
    import commits for real."""
    from django.core.management import call_command

    for module in list(ModuleTransaction.open):
        module.roll_back()
    with django_db_blocker.unblock():
        call_command("setup_site", stdout=open(os.devnull, "w"))  # noqa: SIM115


@pytest.fixture(scope="session")
def content():
    """The parsed content file, to compare the site against."""
    from kek.exchange.content_file import load

    return load(CONTENT_FILE)


@pytest.fixture(autouse=True)
def _fresh_state():
    """Each test starts as a new process would: Wagtail's cache of the sites' root paths and the
    place linking's cache of each site's place names empty (a test that changes sites or places is
    rolled back without telling them), the parts of pages kept per content version forgotten (a
    rolled-back test leaves a version another test may record again), and the default language
    active (a request to /en/ leaves English active in the thread, which would make `page.url` of
    the next test English)."""
    from django.utils import translation
    from wagtail.models import Site

    from kek.core.content_cache import forget_kept
    from kek.places import linking

    Site.clear_site_root_paths_cache()
    linking._CACHE.clear()
    forget_kept()
    yield
    Site.clear_site_root_paths_cache()
    linking._CACHE.clear()
    forget_kept()
    translation.deactivate()
