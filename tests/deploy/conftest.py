"""The deployment recipe (deploy/) started for real: PostgreSQL, gunicorn and the task worker from the
systemd units, nginx from deploy/nginx (see stack.py). Skipped, with the reason, where nginx or
PostgreSQL is not available; `make test` says so too."""

from collections.abc import Iterator

import pytest

from .stack import Stack, Visitor, missing


@pytest.fixture(scope="session")
def stack(tmp_path_factory) -> Iterator[Stack]:
    reason = missing()
    if reason:
        pytest.skip(f"Rezept aus deploy/ nicht geprüft: {reason}")
    running = Stack(tmp_path_factory.mktemp("deploy"))
    try:
        running.start()
        yield running
    finally:
        running.stop()


@pytest.fixture
def visitor(stack: Stack) -> Visitor:
    return Visitor(stack)
