"""The SQL queries of every public page outside the concept's own levels, exactly (those are in
kek/plan/tests/test_pages.py). A change in either direction is a decision: lower the number when
a query goes, justify a rise."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from kek.plan.tests.test_pages import PUBLIC_PAGES

pytestmark = [pytest.mark.django_db, pytest.mark.kek2030]

QUERY_BUDGET = {
    "places": 12,
    "place": 31,  # the place, its Amt and Gemeinden, its projects; what is under way here, in its Teilraum and county-wide (monitoring)
    "map": 13,
    "changes": 15,  # the KEK's typo corrections are records now: the pager counts them
    "decided": 13,
    "feed": 7,  # no page frame
    "imprint": 11,
    "privacy": 11,
    "accessibility": 12,  # and the barrier form's settings
    "easy_language": 12,
    "sign_language": 13,  # the Leichte Sprache page, linked as a text version
    "search": 9,  # the site's synonym groups and the Redaktion's pinned results; facet names in one query, tags in the row
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
