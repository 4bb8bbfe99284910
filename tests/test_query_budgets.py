"""The SQL queries of every public page outside the concept's own levels, exactly (those are in
kek/plan/tests/test_pages.py), as (cold, warm): the first request after a publication builds the
parts of pages kept per content version, the next one reuses them (kek/core/content_cache.py). A
change in either direction is a decision: lower the number when a query goes, justify a rise."""

import pytest

from kek.plan.tests.test_pages import PUBLIC_PAGES, cold_and_warm

pytestmark = [pytest.mark.django_db, pytest.mark.kek2030]

QUERY_BUDGET = {
    "places": (14, 8),
    # cold: the place, its Amt and Gemeinden, its projects; what is under way here, in its Teilraum
    # and county-wide (monitoring); warm: what is under way and the projects are kept
    "place": (33, 10),
    "map": (15, 7),  # warm: the located projects are kept
    "changes": (17, 11),  # the KEK's typo corrections are records now: the pager counts them
    "decided": (15, 9),
    "feed": (8, 7),  # no page frame
    "imprint": (13, 8),
    "privacy": (13, 8),
    "accessibility": (14, 9),  # and the barrier form's settings
    "easy_language": (14, 8),
    "sign_language": (15, 9),  # the Leichte Sprache page, linked as a text version
    "search": (
        11,
        7,
    ),  # the site's synonym groups and the Redaktion's pinned results; facet names in one query, tags in the row
}


@pytest.mark.parametrize("name", QUERY_BUDGET)
def test_query_count_per_public_page_is_exactly_what_it_needs(client, name):
    url = PUBLIC_PAGES.get(name, "/suche/?q=Radwege")
    assert cold_and_warm(client, url) == QUERY_BUDGET[name]


def test_every_public_page_has_a_budget():
    assert set(PUBLIC_PAGES) <= set(QUERY_BUDGET)
