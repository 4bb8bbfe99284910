"""The data migrations that give a role new rights reach every group of that role: the
installation's and each site's, and no other role's."""

from importlib import import_module

import pytest
from django.apps import apps
from django.contrib.auth.models import Group

from kek.editorial.roles import MODERATION, REDAKTION

pytestmark = pytest.mark.django_db

GRANTS = {
    "kek.participation.migrations.0005_redaktion_rounds": {
        "view_priorityround",
        "add_priorityround",
        "change_priorityround",
        "delete_priorityround",
    },
    "kek.search.migrations.0005_redaktion_edits_synonyms": {
        "add_synonymgroup",
        "change_synonymgroup",
        "delete_synonymgroup",
    },
}


@pytest.mark.parametrize("migration", sorted(GRANTS))
def test_a_grant_reaches_every_site_group_of_the_role(migration):
    groups = [Group.objects.create(name=name) for name in (f"{REDAKTION} (muster.example)", f"{MODERATION}-Test")]
    Group.objects.get(name=REDAKTION).permissions.clear()
    import_module(migration).grant(apps, schema_editor=None)
    for name in (REDAKTION, f"{REDAKTION} (muster.example)"):
        assert set(Group.objects.get(name=name).permissions.values_list("codename", flat=True)) == GRANTS[migration]
    assert not groups[1].permissions.exists()
    import_module(migration).grant(apps, schema_editor=None)  # a second run changes nothing
    assert Group.objects.get(name=REDAKTION).permissions.count() == len(GRANTS[migration])
