"""Search that understands citizens: the Redaktion's synonym groups, "Meinten Sie …?" from the
index's own words, pinned results, and the back office finding and choosing measures.
On the small concept (words of its own); the KEK's seeds in a marked test."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Site

from kek.search.models import SynonymGroup
from kek.search.query import search
from kek.search.services import SEED_NOTE, SEEDS, ensure_synonyms
from kek.search.vocabulary import did_you_mean

pytestmark = pytest.mark.django_db


def site() -> Site:
    return Site.objects.get(is_default_site=True)


def titles(query: str) -> set[str]:
    return {hit.entry.title for hit in search(query, {}, site()).hits}


def test_a_synonym_group_finds_the_concepts_word_for_an_everyday_word(concept):
    assert not titles("Lehrwerkstatt")  # not a word of the concept
    SynonymGroup.objects.create(site=site(), name="Ausbildung", words="Ausbildung\nLehrwerkstatt\nAzubi")
    found = titles("Lehrwerkstatt")
    assert "Ausbildung in der Region stärken" in found and "Azubi-Ticket für Bus und Bahn" in found
    assert found == titles("Ausbildung") | titles("Azubi")  # every member stands for all


def test_a_group_of_another_site_changes_nothing(concept):
    other = Site.objects.create(hostname="anderer-kreis.example", root_page=concept.home.get_parent())
    SynonymGroup.objects.create(site=other, name="Ausbildung", words="Ausbildung\nLehrwerkstatt")
    assert not titles("Lehrwerkstatt")


def test_the_results_page_says_which_synonyms_it_added_and_marks_them_editorial(client, concept):
    SynonymGroup.objects.create(site=site(), name="Ausbildung", words="Ausbildung\nLehrwerkstatt")
    soup = BeautifulSoup(client.get("/suche/", {"q": "Lehrwerkstatt"}).content.decode(), "html.parser")
    note = soup.select_one(".kek-synonyms")
    assert "„lehrwerkstatt“: Ausbildung" in note.get_text() and note.select_one(".kek-editorial a")
    assert soup.select(".kek-hit")


def test_a_misspelt_query_gets_a_suggestion_from_the_index(client, concept):
    assert did_you_mean("Grunderzentrm", site()) == "Gründerzentrums"
    assert did_you_mean("Gründerzentrums", site()) is None  # known words need no suggestion
    assert did_you_mean("Xylophon", site()) is None  # nothing close
    soup = BeautifulSoup(client.get("/suche/", {"q": "Grunderzentrm"}).content.decode(), "html.parser")
    link = soup.select_one(".kek-suggestion a")
    assert link.get_text() == "Gründerzentrums" and link["href"] == "?q=Gr%C3%BCnderzentrums"
    assert client.get(link["href"].replace("?", "/suche/?")).status_code == 200
    good = BeautifulSoup(client.get("/suche/", {"q": "Breitband"}).content.decode(), "html.parser")
    assert not good.select(".kek-suggestion")  # enough hits: no suggestion


def test_pinned_results_come_first_for_their_query_only_and_a_search_writes_nothing(client, concept):
    query = Query.objects.create(query_string="messe")
    SearchPromotion.objects.create(query=query, page=concept.approach, description="Alles zur Ausbildung")
    soup = BeautifulSoup(client.get("/suche/", {"q": "Messe"}).content.decode(), "html.parser")
    pinned = soup.select(".kek-promotions .kek-hit a")
    assert [a["href"] for a in pinned] == [concept.approach.url]
    other = BeautifulSoup(client.get("/suche/", {"q": "Breitband"}).content.decode(), "html.parser")
    assert not other.select(".kek-promotions")
    assert Query.objects.count() == 1  # searching does not record queries


def test_seeded_groups_are_named_as_editorial_and_only_seeded_once(concept):
    created = ensure_synonyms(site())
    assert {g.name for g in created} == set(SEEDS) and all(g.note == SEED_NOTE for g in created)
    assert "redaktionelle Ergänzung" in SEED_NOTE
    assert ensure_synonyms(site()) == []


def test_the_measure_chooser_offers_only_the_chosen_approachs_measures(admin_client, concept):
    url = reverse("measure_chooser:choose")
    all_measures = admin_client.get(url).json()["html"]
    only = admin_client.get(url, {"approach": concept.approach.pk}).json()["html"]
    founding = concept.measures[2]  # of the other approach
    assert "Einrichtung eines Gründerzentrums" in all_measures
    assert "Einrichtung eines Gründerzentrums" not in only and "Ausbau der Berufsschulen" in only
    assert founding.approach_id != concept.approach.pk


def test_the_admin_page_search_finds_an_approach_by_its_measures_text(admin_client, concept):
    from django.core.management import call_command

    from kek.plan.models import ApproachPage

    call_command("update_index", verbosity=0)
    assert [p.title for p in ApproachPage.objects.search("Gründerzentrums")] == ["Gründungen erleichtern"]
    response = admin_client.get(reverse("wagtailadmin_pages:search"), {"q": "Gründerzentrums"})
    assert "Gründungen erleichtern" in response.content.decode()
