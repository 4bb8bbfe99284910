"""Priority rounds (issue 12 §7): invited people rate through personal links mailed by a real SMTP
server, the public after confirming an address, residents without e-mail with a printed code;
ratings change until the round closes; the result is public only then, and frozen."""

import pytest
from django.contrib.auth.models import Group, Permission, User
from django.test import Client
from wagtail.models import GroupPagePermission

from kek.participation import codes, links
from kek.participation.models import AccessCode, PriorityRound, Rating, RoundParticipant

from .helpers import browser, hidden_fields, post, send_form, soup

pytestmark = pytest.mark.django_db
ADMIN = "/admin/snippets/participation/priorityround/"


def site_redaktion(concept) -> Group:
    """The site's Redaktion as setup_site leaves it: the role's rights, page rights below the start page."""
    group = Group.objects.get(name="Redaktion Regionalmanagement")
    GroupPagePermission.objects.get_or_create(
        group=group, page=concept.home, permission=Permission.objects.get(codename="change_page")
    )
    return group


@pytest.fixture
def redaktion(concept) -> Client:
    user = User.objects.create_user("redakteurin", "redaktion@example.org")
    user.groups.add(site_redaktion(concept))
    client = Client()
    client.force_login(user)
    return client


def open_round(concept, audience=PriorityRound.Audience.INVITED) -> PriorityRound:
    round_ = PriorityRound.objects.create(
        site=concept.site, title="Was zuerst?", question="Welche Ansätze sind Ihnen am wichtigsten?", audience=audience
    )
    round_.approaches.set(concept.approaches)
    return round_


def open_rating(link: str) -> tuple[Client, dict]:
    """A visitor with the rating page open (its cookie and hidden fields)."""
    visitor = browser()
    return visitor, hidden_fields(visitor.get(link).content.decode())


def send_rating(opened: tuple[Client, dict], link: str, values: dict[int, int]):
    visitor, hidden = opened
    return post(visitor, link, {**hidden, **{f"ansatz_{pk}": str(v) for pk, v in values.items()}})


def rate(link: str, values: dict[int, int]):
    return send_rating(open_rating(link), link, values)


def test_invited_people_rate_change_and_see_the_frozen_result_after_close(concept, smtp, redaktion, client):
    round_ = open_round(concept)
    first, second = concept.approaches[0], concept.approaches[1]
    answer = post(redaktion, f"{ADMIN}invite/{round_.pk}/", {"addresses": "ana@example.org\nben@example.org"})
    assert answer.status_code == 302, answer.content.decode()[-3000:]
    assert answer["Location"] == ADMIN, answer["Location"]
    assert RoundParticipant.objects.count() == 2
    assert not RoundParticipant.objects.filter(person__contains="@").exists()  # no address stored

    ana, ben = smtp.link("ana@example.org"), smtp.link("ben@example.org")
    assert rate(ana, {first.pk: 2, second.pk: 5}).status_code == 200
    assert rate(ana, {first.pk: 4, second.pk: 5}).status_code == 200  # changed, not added
    assert rate(ben, {first.pk: 5, second.pk: 3}).status_code == 200
    assert Rating.objects.count() == 4
    page = soup(browser().get(ana)).get_text()
    assert "Sie haben schon bewertet" in page

    result_url = f"/mitmachen/runde/{round_.pk}/ergebnis/"
    assert client.get(result_url).status_code == 404  # nothing before the close
    assert client.get(f"/mitmachen/runde/{round_.pk}/ergebnis/csv/").status_code == 404

    late = open_rating(ana)  # a page left open until after the close
    assert post(redaktion, f"{ADMIN}close/{round_.pk}/").status_code == 302
    round_.refresh_from_db()
    assert round_.closed_at is not None
    text = soup(client.get(result_url)).get_text(" ", strip=True)
    assert f"1. {first.title}" in text and f"2. {second.title}" in text  # mean 4.5 before 4.0
    assert "Mittelwert 4,50 von 5 (2 Bewertungen)" in text

    csv_answer = client.get(f"/mitmachen/runde/{round_.pk}/ergebnis/csv/")
    body = csv_answer.content.decode("utf-8")
    assert body.startswith("\ufeffHandlungsfeld;Rang;Handlungsansatz;Mittelwert;Bewertungen;")
    assert f"{concept.field.title};1;{first.title};4,50;2;0;0;0;1;1\r\n" in body

    # Too late: a rating after the close is refused, and nothing changes.
    answer = send_rating(late, ana, {first.pk: 1, second.pk: 1})
    assert answer.status_code == 410
    assert "beendet" in soup(answer).get_text()
    assert sorted(Rating.objects.filter(participant__round=round_).values_list("value", flat=True)) == [3, 4, 5, 5]

    # Frozen like a report: later changes to the concept or the ratings do not alter the result.
    frozen = client.get(result_url).content
    first.title = "Umbenannt"
    first.save_revision().publish()
    Rating.objects.all().delete()
    assert client.get(result_url).content == frozen
    assert client.get(f"/mitmachen/runde/{round_.pk}/ergebnis/csv/").content.decode() == body


def test_public_round_confirms_the_address_first_and_counts_each_person_once(concept, smtp):
    round_ = open_round(concept, PriorityRound.Audience.PUBLIC)
    url = f"/mitmachen/runde/{round_.pk}/"
    answer = send_form(browser(), url, {"formular": "email", "email": "cem@example.org", "consent": "on"})
    assert answer.status_code == 200
    assert not RoundParticipant.objects.exists()  # nothing before the confirmation
    link = smtp.link("cem@example.org")
    visitor = browser()
    assert visitor.get(link).status_code == 200
    rating_url = post(visitor, link, {"csrfmiddlewaretoken": visitor.cookies["csrftoken"].value})["Location"]
    assert rate(rating_url, {a.pk: 3 for a in concept.approaches}).status_code == 200

    send_form(browser(), url, {"formular": "email", "email": "CEM@example.org ", "consent": "on"})
    again = browser()
    link = smtp.link("CEM@example.org", 1)
    again.get(link)
    same = post(again, link, {"csrfmiddlewaretoken": again.cookies["csrftoken"].value})["Location"]
    token = links.read(links.ROUND, same.rstrip("/").rsplit("/", 1)[1], expires=False)["t"]
    assert token == str(RoundParticipant.objects.get().token)  # the same person's page, not a second vote


def test_printed_codes_are_stored_as_salted_hashes_and_work_once(concept, redaktion):
    round_ = open_round(concept)
    sheet = post(redaktion, f"{ADMIN}codes/{round_.pk}/", {"number": "3"})
    assert sheet.status_code == 200
    printed = [li.find_all("strong")[1].get_text() for li in soup(sheet).select(".kek-code-sheet li")]
    assert len(printed) == 3 and len(set(printed)) == 3
    stored = list(AccessCode.objects.values_list("salt", "digest", "lookup"))
    for code in printed:
        plain = codes.normalise(code)
        assert all(plain not in "".join(row) for row in stored)
    assert len({salt for salt, _, _ in stored}) == 3  # one salt per code

    url = f"/mitmachen/runde/{round_.pk}/"
    answer = send_form(browser(), url, {"formular": "code", "code": printed[0].lower().replace("-", " ")})
    assert answer.status_code == 302
    assert rate(answer["Location"], {a.pk: 4 for a in concept.approaches}).status_code == 200

    used = send_form(browser(), url, {"formular": "code", "code": printed[0]})
    assert used.status_code == 410
    assert "schon eingelöst" in soup(used).get_text()
    assert soup(used).find("input", {"name": "code"})["value"] == printed[0]  # what was typed is kept
    wrong = send_form(browser(), url, {"formular": "code", "code": "AAAAA-AAAAA"})
    assert wrong.status_code == 410
    assert RoundParticipant.objects.count() == 1


def test_bad_input_gives_a_german_message_and_loses_nothing(concept, redaktion):
    round_ = open_round(concept)
    participant = RoundParticipant.objects.create(round=round_, person="x")
    link = "/mitmachen/runde/bewerten/" + links.make(links.ROUND, r=round_.pk, t=str(participant.token)) + "/"
    first, second = concept.approaches[0], concept.approaches[1]

    # One approach left out: 400, the other choice still checked, nothing stored.
    visitor = browser()
    hidden = hidden_fields(visitor.get(link).content.decode())
    answer = post(visitor, link, {**hidden, f"ansatz_{first.pk}": "2"})
    assert answer.status_code == 400
    assert "Bitte wählen Sie eine Bewertung für diesen Handlungsansatz." in soup(answer).get_text()
    assert soup(answer).find("input", {"name": f"ansatz_{first.pk}", "value": "2"}).has_attr("checked")
    assert not Rating.objects.exists()

    # Outside the scale or not a number: 400, nothing stored.
    values = {a.pk: 3 for a in concept.approaches}
    for bad in ("9", "drei", ""):
        answer = post(
            visitor, link, {**hidden, **{f"ansatz_{k}": str(v) for k, v in values.items()}, f"ansatz_{second.pk}": bad}
        )
        assert answer.status_code == 400
    assert not Rating.objects.exists()

    # The same form twice: one rating per approach.
    rate(link, values)
    rate(link, values)
    assert Rating.objects.count() == len(concept.approaches)

    # A damaged or foreign link: 410 with a German message, never a 5xx.
    assert browser().get(link[:-5] + "xyz/").status_code == 410
    other = links.make(links.ROUND, r=round_.pk, t="00000000-0000-0000-0000-000000000000")
    assert "gibt es nicht mehr" in soup(browser().get(f"/mitmachen/runde/bewerten/{other}/")).get_text()
    assert browser().get("/mitmachen/runde/teilnehmen/kaputt/").status_code == 410

    # The round closes while a form is open: code form and rating form refuse politely, nothing changes.
    url = f"/mitmachen/runde/{round_.pk}/"
    hidden = hidden_fields(visitor.get(url).content.decode())
    late = open_rating(link)
    post(redaktion, f"{ADMIN}close/{round_.pk}/")
    answer = post(visitor, url, {**hidden, "formular": "code", "code": "ABCDE-FGHJK"})
    assert answer.status_code == 410
    assert "beendet" in soup(answer).get_text()
    assert "Code einlösen" not in soup(answer).get_text()
    assert send_rating(late, link, {a.pk: 1 for a in concept.approaches}).status_code == 410
    assert set(Rating.objects.values_list("value", flat=True)) == {3}
    assert post(redaktion, f"{ADMIN}close/{round_.pk}/").status_code == 302  # closing twice: a message, no change
