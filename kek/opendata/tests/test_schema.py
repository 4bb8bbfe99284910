"""Schemathesis runs every operation of /api/v1/openapi.json against the API in this process
(through its WSGI interface, on the test database with the small concept): no server error, and
every answer matches the schema it promises."""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance

from kek.opendata.api import api

pytestmark = pytest.mark.django_db


# The schema as /api/v1/openapi.json serves it (test_api.py checks that view), read without a
# request because the test database is not open while tests are collected.
schema = schemathesis.openapi.from_dict(api.get_openapi_schema(path_prefix="/api/v1/"))
schema.app = get_wsgi_application()


@pytest.fixture(autouse=True)
def _keep_the_test_connection():
    """Django closes the database connection when a WSGI request ends; its test client switches that
    off, and so must a test that calls the WSGI application itself: on PostgreSQL the connection holds
    the test's transaction (SQLite's in-memory test database is never closed, so it passed there)."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture(autouse=True)
def _unlimited(settings):
    settings.KEK_API_RATE = "100000/m"  # the published limit would refuse a test run's burst


@schema.parametrize()
@hypothesis_settings(max_examples=10, deadline=None, suppress_health_check=list(HealthCheck))
def test_api_keeps_its_schema(case, concept):
    # Uncompressed: the WSGI client does not undo the GZip middleware.
    case.call_and_validate(
        headers={"Accept-Encoding": "identity"}, checks=[not_a_server_error, response_schema_conformance]
    )
