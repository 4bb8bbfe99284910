"""The SQL queries of every public page outside the concept's own levels, exactly (those are in
kek/plan/tests/test_pages.py), as (cold, warm): the first request after a publication builds the
parts of pages kept per content version, the next one reuses them (kek/core/content_cache.py). A
change in either direction is a decision: lower the number when a query goes, justify a rise.
Warm, every page finds its address without a query (HomePage.route keeps the page found)."""

import pytest

from kek.plan.tests.test_pages import PUBLIC_PAGES, cold_and_warm

pytestmark = [pytest.mark.django_db, pytest.mark.kek2030]

QUERY_BUDGET = {
    "places": (14, 6),
    # cold: the place, its Amt and Gemeinden, its projects; what is under way here, in its Teilraum
    # and county-wide (monitoring); warm: what is under way and the projects are kept
    "place": (33, 8),
    "map": (15, 5),  # warm: the located projects are kept
    "changes": (17, 9),  # the KEK's typo corrections are records now: the pager counts them
    "decided": (15, 7),
    "feed": (9, 6),  # no page frame; its address is found with the kept route (content version)
    "imprint": (13, 6),
    "privacy": (13, 6),
    "accessibility": (14, 7),  # and the barrier form's settings
    "easy_language": (14, 6),
    "sign_language": (15, 7),  # the Leichte Sprache page, linked as a text version
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
