"""Whatever reaches the forms of a priority round (the rating form, the code and e-mail forms of the
round's page, the Redaktion's invitation list): never a server error, and either the whole change
or none at all."""

import pytest
from django.contrib.auth.models import User
from django.core import mail
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kek.participation import links, rounds
from kek.participation.models import AccessCode, PriorityRound, Rating, RoundParticipant

from .helpers import browser, hidden_fields, post
from .test_rounds import ADMIN, open_round, site_redaktion

pytestmark = pytest.mark.django_db

text = st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=200)
rating = st.one_of(st.none(), st.sampled_from(["1", "2", "3", "4", "5"]), st.integers(-3, 99).map(str), text)
SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


class Rollback(Exception):
    """Ends one example's transaction, so the next starts from the same data."""


def rolled_back(check) -> None:
    try:
        with transaction.atomic():
            check()
            raise Rollback
    except Rollback:
        pass


@SETTINGS
@given(values=st.lists(rating, min_size=2, max_size=2), extra=st.dictionaries(text, text, max_size=3))
def test_any_rating_stores_all_approaches_or_none(concept, values, extra):
    round_ = open_round(concept)
    participant = RoundParticipant.objects.create(round=round_, person="ich")
    link = "/mitmachen/runde/bewerten/" + links.make(links.ROUND, r=round_.pk, t=str(participant.token)) + "/"
    sent = {f"ansatz_{a.pk}": v for a, v in zip(concept.approaches, values, strict=True) if v is not None}

    def check() -> None:
        visitor = browser()
        hidden = hidden_fields(visitor.get(link).content.decode())
        response = post(visitor, link, {**extra, **hidden, **sent})
        assert response.status_code in (200, 400), response.status_code
        stored = dict(Rating.objects.values_list("approach_id", "value"))
        if response.status_code == 200:
            assert stored == {a.pk: int(v) for a, v in zip(concept.approaches, values, strict=True)}
        else:
            assert stored == {}
            page = response.content.decode()
            assert "Bitte prüfen Sie Ihre Angaben" in page
            assert "Bitte wählen Sie eine Bewertung für diesen" in page or "von 1 bis 5 aus der Liste" in page

    rolled_back(check)


@SETTINGS
@given(
    form=st.sampled_from(["code", "email", "", "x"]),
    code=st.one_of(st.none(), st.just("REAL"), text),
    email=st.one_of(st.none(), text, st.emails().map(str)),
    consent=st.sampled_from(["on", "", None]),
    website=st.sampled_from(["", "x"]),
    audience=st.sampled_from(PriorityRound.Audience.values),
)
def test_the_round_page_makes_one_whole_participant_or_none(concept, form, code, email, consent, website, audience):
    round_ = open_round(concept, audience)
    (real,) = rounds.print_codes(round_, 1)
    sent = {"formular": form, "code": real if code == "REAL" else code, "email": email, "consent": consent}
    sent = {name: value for name, value in sent.items() if value is not None} | {"website": website}
    url = f"/mitmachen/runde/{round_.pk}/"

    def check() -> None:
        visitor = browser()
        hidden = hidden_fields(visitor.get(url).content.decode())
        response = post(visitor, url, {**hidden, **sent})
        assert response.status_code in (200, 302, 400, 410), response.status_code
        participants = list(RoundParticipant.objects.all())
        used = AccessCode.objects.filter(used_at__isnull=False).count()
        if response.status_code == 302:  # a code was redeemed: its participant, the code used, nothing more
            (participant,) = participants
            assert participant.person.startswith("code:") and used == 1
            assert "/mitmachen/runde/bewerten/" in response["Location"]
        else:  # an address only gets a mail; nothing is stored before it is confirmed
            assert participants == [] and used == 0
        assert not Rating.objects.exists()

    rolled_back(check)


@SETTINGS
@given(lines=st.lists(st.one_of(text, st.emails().map(str)), max_size=6), separator=st.sampled_from(["\n", ",", ";"]))
def test_an_invitation_list_invites_everyone_on_it_or_no_one(concept, lines, separator):
    user, _ = User.objects.get_or_create(username="redakteurin", email="redaktion@example.org")
    user.groups.add(site_redaktion(concept))
    admin = browser()
    admin.force_login(user)
    round_ = open_round(concept)
    url = f"{ADMIN}invite/{round_.pk}/"

    def check() -> None:
        mail.outbox.clear()
        csrf = hidden_fields(admin.get(url).content.decode())
        response = post(admin, url, {**csrf, "addresses": separator.join(lines)})
        assert response.status_code in (302, 400), response.status_code
        invited = RoundParticipant.objects.count()
        if response.status_code == 302:
            assert invited == len(mail.outbox) > 0  # each address its own mail and participant
            assert not RoundParticipant.objects.filter(person__contains="@").exists()
        else:
            assert invited == 0 and mail.outbox == []

    rolled_back(check)


def test_a_list_of_separators_only_is_refused(concept):
    """Found by the test above: ",;" was accepted as a list and answered "0 links sent"."""
    user = User.objects.create_user("redakteurin", "redaktion@example.org")
    user.groups.add(site_redaktion(concept))
    admin = browser()
    admin.force_login(user)
    url = f"{ADMIN}invite/{open_round(concept).pk}/"
    csrf = hidden_fields(admin.get(url).content.decode())
    response = post(admin, url, {**csrf, "addresses": " ,;\n"})
    assert response.status_code == 400
    assert "Bitte geben Sie mindestens eine E-Mail-Adresse an." in response.content.decode()
    assert not RoundParticipant.objects.exists()
