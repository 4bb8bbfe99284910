"""Whatever a visitor (or a robot) sends to the proposal form: never a server error, and either
one whole proposal stored or none at all."""

import pytest
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kek.participation.models import Proposal, StatusChange

from .helpers import FORM_URL, browser, hidden_fields, post, proposal_values

pytestmark = pytest.mark.django_db

text = st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=300)
long_text = st.one_of(text, st.text(alphabet="aä <>&\"'\n", min_size=3990, max_size=4010))
choice = st.one_of(st.just(None), text, st.integers(-5, 10**12).map(str))


class Rollback(Exception):
    """Ends one example's transaction, so the next starts from the same data."""


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    title=text,
    description=long_text,
    approach=choice,
    place=choice,
    email=st.one_of(text, st.emails().map(str)),
    author_name=text,
    consent=st.sampled_from(["on", "", "nein"]),
    website=st.sampled_from(["", "x"]),
    token=st.one_of(st.just(None), st.uuids().map(str), text),
)
def test_any_input_gives_a_clear_answer_and_a_whole_record_or_none(concept, **sent):
    visitor = browser()
    hidden = hidden_fields(visitor.get(FORM_URL).content.decode())
    valid = proposal_values(concept)
    values = {**hidden, **valid, **{k: v for k, v in sent.items() if v is not None}}
    try:
        with transaction.atomic():
            response = post(visitor, FORM_URL, values)
            assert response.status_code in (302, 400), response.status_code
            stored = list(Proposal.objects.all())
            if response.status_code == 302:
                (proposal,) = stored
                assert proposal.title and proposal.description and proposal.email and proposal.approach_id
                assert proposal.site_id == concept.site.pk
            else:
                assert stored == []
                assert "Bitte prüfen Sie Ihre Angaben" in response.content.decode()
            assert not StatusChange.objects.exists()  # nothing else half-written beside it
            raise Rollback
    except Rollback:
        pass
