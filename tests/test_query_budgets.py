"""The SQL queries of every public page outside the concept's own levels, exactly (those are in
kek/plan/tests/test_pages.py). A change in either direction is a decision: lower the number when
a query goes, justify a rise."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from kek.plan.tests.test_pages import PUBLIC_PAGES

pytestmark = [pytest.mark.django_db, pytest.mark.kek2030]

QUERY_BUDGET = {
    "places": 11,
    "place": 16,  # the place, its Amt and Gemeinden, its projects with their approaches
    "map": 12,
    "changes": 13,
    "decided": 12,
    "feed": 7,  # no page frame
    "imprint": 10,
    "privacy": 10,
    "accessibility": 11,  # and the barrier form's settings
    "easy_language": 11,
    "sign_language": 11,
    "search": 11,
}


@pytest.mark.parametrize("name", QUERY_BUDGET)
def test_query_count_per_public_page_is_exactly_what_it_needs(client, name):
    url = PUBLIC_PAGES.get(name, "/suche/?q=Radwege")
    client.get(url)  # warm the site-root cache, as on a running server
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    assert len(queries.captured_queries) == QUERY_BUDGET[name]


def test_every_public_page_has_a_budget():
    assert set(PUBLIC_PAGES) <= set(QUERY_BUDGET)
