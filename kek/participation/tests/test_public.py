"""The public side: overview with filters and sorting, the proposal page, fixed query costs."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from kek.participation.models import Proposal
from kek.plan.tests.factories import branch

from .factories import ProposalFactory, published
from .helpers import soup

pytestmark = pytest.mark.django_db
OVERVIEW = "/mitmachen/"


def titles(client, query: str = "") -> list[str]:
    page = soup(client.get(OVERVIEW + query))
    return [h.get_text(strip=True) for h in page.select(".kek-proposal__title")]


def test_overview_shows_public_proposals_only_with_filters_and_sorting(client, concept):
    other = branch(concept.home, "Ein anderes Feld", "Ein anderer Ansatz")
    region = concept.region
    first = published(concept.approach, title="Erster Vorschlag", support_count=1, sub_region=region)
    second = published(other, title="Zweiter Vorschlag", support_count=5)
    published(concept.approach, title="Dritter Vorschlag", status=Proposal.Status.IN_REVIEW)
    ProposalFactory(approach=concept.approach, title="Wartet noch")
    ProposalFactory(approach=concept.approach, title="Abgelehnt", status=Proposal.Status.REJECTED)

    assert titles(client) == ["Dritter Vorschlag", "Zweiter Vorschlag", "Erster Vorschlag"]
    assert titles(client, "?sortierung=unterstuetzt")[:2] == ["Zweiter Vorschlag", "Erster Vorschlag"]
    field = other.get_parent().get_parent().get_parent()
    assert titles(client, f"?feld={field.pk}") == ["Zweiter Vorschlag"]
    assert titles(client, f"?ansatz={concept.approach.pk}") == ["Dritter Vorschlag", "Erster Vorschlag"]
    assert titles(client, f"?teilraum={region.pk}") == ["Erster Vorschlag"]
    assert titles(client, "?status=in_review") == ["Dritter Vorschlag"]
    # Nonsense in the query string filters nothing away and breaks nothing.
    assert client.get(OVERVIEW + "?feld=x&ansatz=%00&status=<b>&sortierung=-id&seite=999").status_code == 200
    assert first.pk and second.pk


def test_proposal_page_is_marked_dated_and_links_its_approach(client, concept):
    proposal = published(concept.approach, title="Mitfahrbank", author_name="")
    page = soup(client.get(f"/mitmachen/vorschlag/{proposal.pk}/"))
    assert page.select_one(".kern-preline").get_text() == "Vorschlag aus der Bürgerschaft"
    assert "(anonym)" in page.select_one(".kek-context").get_text()
    assert page.select_one(f".kek-context a[href='{concept.approach.url}']")
    assert proposal.created.strftime("%Y") in page.select_one(".kek-context").get_text()


def _queries(client, url: str) -> int:
    client.get(url)
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context.captured_queries)


@pytest.mark.parametrize("url", ["approach", OVERVIEW])
def test_pages_cost_the_same_queries_for_ten_times_the_proposals(client, concept, url):
    url = concept.approach.url if url == "approach" else url
    for number in range(2):
        published(concept.approach, title=f"Vorschlag {number}")
    before = _queries(client, url)
    for number in range(20):
        published(concept.approach, title=f"Weiterer Vorschlag {number}", sub_region=concept.region)
    assert _queries(client, url) == before


def test_form_lead_is_one_sentence_with_the_rules_link_inside(client, concept):
    lead = soup(client.get("/mitmachen/idee-einreichen/")).select_one(".kek-lead")
    assert lead.get_text(" ", strip=True).endswith("Danach prüft ihn die Moderation nach den Moderationsregeln .")
    assert lead.select_one("a[href='/mitmachen/regeln/']").get_text() == "Moderationsregeln"


def test_approach_chooser_groups_the_approaches_by_field_and_works_without_javascript(client, concept):
    other = branch(concept.home, "Ein anderes Feld", "Ein anderer Ansatz")
    form = soup(client.get(f"/mitmachen/idee-einreichen/?ansatz={other.pk}"))
    select = form.select_one("select[name=approach]")
    groups = {g["label"]: [o.get_text() for o in g.select("option")] for g in select.select("optgroup")}
    assert groups == {concept.field.title: [a.title for a in concept.approaches], "Ein anderes Feld": [other.title]}
    assert select.select_one("option[selected]")["value"] == str(other.pk)
    assert select["data-approach-filter"] == "Handlungsansätze filtern"  # the enhancement's texts, translated here
    script = form.select_one("script[src$='participation/approach-filter.js']")
    assert script is not None and not form.select("script:not([src])")  # served by us, no inline script
