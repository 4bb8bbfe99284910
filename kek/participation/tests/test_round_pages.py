"""The public ways into priority rounds (the "Mitmachen" page, the approach pages) and the fixed
query costs of the rating and result pages, whatever the number of approaches and participants."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from kek.participation import links, rounds
from kek.participation.models import PriorityRound, RoundParticipant
from kek.plan.tests.factories import branch

from .helpers import soup

pytestmark = pytest.mark.django_db
OVERVIEW = "/mitmachen/"


def new_round(concept, approaches, audience=PriorityRound.Audience.PUBLIC, title="Was zuerst?") -> PriorityRound:
    round_ = PriorityRound.objects.create(
        site=concept.site, title=title, question="Was ist wichtig?", audience=audience
    )
    round_.approaches.set(approaches)
    return round_


def round_links(client, url: str) -> list[tuple[str, str]]:
    """(text, target) of each link to a round on the page at `url`."""
    page = soup(client.get(url))
    return [(a.get_text(strip=True), a["href"]) for a in page.select(".kek-round-links a")]


def test_public_rounds_are_linked_from_mitmachen_and_their_approaches(client, concept):
    asked, other = concept.approaches[0], concept.approaches[1]
    public = new_round(concept, [asked])
    new_round(concept, [asked, other], PriorityRound.Audience.INVITED, title="Nur für den Ausschuss")
    round_url = f"/mitmachen/runde/{public.pk}/"

    assert round_links(client, OVERVIEW) == [("An der Runde teilnehmen", round_url)]
    section = soup(client.get(asked.url)).select_one(".kek-citizen-proposals")
    assert "Die Priorisierungsrunde „Was zuerst?“ läuft:" in section.get_text(" ", strip=True)
    assert round_links(client, asked.url) == [("Diesen Handlungsansatz bewerten", round_url)]
    assert round_links(client, other.url) == []  # asked only in the invited round
    assert "Nur für den Ausschuss" not in client.get(OVERVIEW).content.decode()

    rounds.close(public)
    result_url = f"/mitmachen/runde/{public.pk}/ergebnis/"
    assert round_links(client, OVERVIEW) == [("Zum Ergebnis", result_url)]
    assert round_links(client, asked.url) == [("Zum Ergebnis", result_url)]
    assert client.get(result_url).status_code == 200

    # A newer open round comes before the ended one.
    newer = new_round(concept, [asked], title="Zweite Runde")
    assert [target for _, target in round_links(client, asked.url)] == [f"/mitmachen/runde/{newer.pk}/", result_url]


def queries(client, url: str) -> int:
    client.get(url)  # warm the site cache, as on a running server
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured.captured_queries)


def grow(concept, round_: PriorityRound, fields: int, people: int) -> None:
    """More approaches (each in a field of its own) and more participants who rated all of them."""
    for number in range(fields):
        round_.approaches.add(branch(concept.home, f"Weiteres Feld {number}", f"Weiterer Ansatz {number}"))
    approaches = list(round_.approaches.all())
    for number in range(people):
        participant = RoundParticipant.objects.create(round=round_, person=f"person-{number}")
        rounds.rate(participant, {a.pk: 1 + (number + a.pk) % 5 for a in approaches})


# Exactly what each page needs (site, routing, the frame's menus and settings, then the round):
# a change in either direction is a decision.
RATING_QUERIES = 17  # the page frame (with the site's content version, kek/core/content_cache.py), the participant with its round, the approaches, their current ratings
RESULT_QUERIES = 14  # the page frame (with the content version) and the round; the result is frozen in the round's row


def test_rating_page_costs_the_same_queries_for_many_approaches_and_participants(client, concept):
    round_ = new_round(concept, concept.approaches)
    participant = RoundParticipant.objects.create(round=round_, person="ich")
    url = "/mitmachen/runde/bewerten/" + links.make(links.ROUND, r=round_.pk, t=str(participant.token)) + "/"
    rounds.rate(participant, {a.pk: 3 for a in concept.approaches})
    small = queries(client, url)
    grow(concept, round_, fields=6, people=12)
    rounds.rate(participant, {a.pk: 4 for a in round_.approaches.all()})
    page = soup(client.get(url))
    checked = page.select("input[type=radio][checked]")
    assert [box["value"] for box in checked] == ["4"] * 8  # every approach asked, with its current rating
    assert (small, queries(client, url)) == (RATING_QUERIES, RATING_QUERIES)


def test_result_page_costs_the_same_queries_for_many_approaches_and_participants(client, concept):
    few, many = new_round(concept, concept.approaches), new_round(concept, concept.approaches, title="Größer")
    grow(concept, few, fields=0, people=2)
    grow(concept, many, fields=6, people=12)
    rounds.close(few)
    rounds.close(many)
    url = "/mitmachen/runde/{}/ergebnis/"
    text = soup(client.get(url.format(many.pk))).get_text(" ", strip=True)
    assert "12 Personen haben bewertet" in text and "Weiterer Ansatz 5" in text
    assert (queries(client, url.format(few.pk)), queries(client, url.format(many.pk))) == (
        RESULT_QUERIES,
        RESULT_QUERIES,
    )
