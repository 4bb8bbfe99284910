"""The role matrix of priority rounds in the admin: the site's Redaktion opens, invites, prints
codes and closes; the Moderation and the Administration do none of it, and leave no trace."""

import pytest
from django.contrib.auth.models import Group, User
from django.test import Client

from kek.participation.models import AccessCode, PriorityRound

from .helpers import member_of, post
from .test_rounds import ADMIN, open_round, site_redaktion

pytestmark = pytest.mark.django_db
VIEWS = ("", "add/", "edit/{pk}/", "invite/{pk}/", "codes/{pk}/", "close/{pk}/", "delete/{pk}/")
ROLE_MATRIX = {"Redaktion Regionalmanagement": True, "Moderation": False, "Administration": False}


@pytest.mark.parametrize("role, allowed", ROLE_MATRIX.items(), ids=ROLE_MATRIX.keys())
def test_role_matrix_of_priority_rounds(concept, role, allowed):
    round_ = open_round(concept)
    group = site_redaktion(concept) if role.startswith("Redaktion") else Group.objects.get(name=role)
    client = member_of(group)
    answers = [client.get(ADMIN + view.format(pk=round_.pk)) for view in VIEWS]
    assert [a.status_code == 200 for a in answers] == [allowed] * len(VIEWS)
    assert all(a.status_code in (200, 302, 403) for a in answers)
    post(client, f"{ADMIN}codes/{round_.pk}/", {"number": "2"})
    post(client, f"{ADMIN}close/{round_.pk}/")
    round_.refresh_from_db()
    assert AccessCode.objects.count() == (2 if allowed else 0)
    assert (round_.closed_at is not None) is allowed


def test_the_redaktion_opens_a_round_for_approaches_of_its_site(concept):
    client = Client()
    user = User.objects.create_user("redakteurin", "r@example.org")
    user.groups.add(site_redaktion(concept))
    client.force_login(user)
    values = {
        "site": str(concept.site.pk),
        "title": "Runde 2027",
        "question": "Was soll zuerst umgesetzt werden?",
        "audience": "public",
        "approaches": [str(a.pk) for a in concept.approaches],
    }
    assert post(client, ADMIN + "add/", {**values, "approaches": []}).status_code == 200  # form with errors
    assert not PriorityRound.objects.exists()
    assert post(client, ADMIN + "add/", values).status_code == 302
    created = PriorityRound.objects.get()
    assert set(created.approaches.all()) == set(concept.approaches)
