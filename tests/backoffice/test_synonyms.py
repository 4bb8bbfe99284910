"""The Redaktion edits its own site's synonym groups for the search, not another county's."""

import pytest
from django.contrib.auth.models import Group, User
from django.urls import reverse
from wagtail.models import Site

from kek.editorial.roles import REDAKTION
from kek.search.models import SynonymGroup

from ..conftest import OTHER

pytestmark = [pytest.mark.django_db, pytest.mark.kek2030]


def test_the_redaktion_edits_its_sites_synonym_groups_only(client, other_site):
    editor = User.objects.create_user("anna", "anna@kreis.example", password="ein-langes-Passwort-2030")
    editor.groups.add(Group.objects.get(name=REDAKTION))
    own = SynonymGroup.objects.create(site=Site.objects.get(is_default_site=True), name="Verkehr", words="ÖPNV\nBus")
    foreign = SynonymGroup.objects.create(site=Site.objects.get(hostname=OTHER), name="Fremd", words="A\nB")
    client.force_login(editor)
    listing = client.get(reverse("wagtailsnippets_search_synonymgroup:list")).content.decode()
    assert "Verkehr" in listing and "Fremd" not in listing
    assert client.get(reverse("wagtailsnippets_search_synonymgroup:edit", args=[own.pk])).status_code == 200
    refused = client.get(reverse("wagtailsnippets_search_synonymgroup:edit", args=[foreign.pk]))
    assert refused.status_code == 302 and refused["Location"] == "/admin/"  # Wagtail's "no permission"
    form = client.get(reverse("wagtailsnippets_search_synonymgroup:add")).content.decode()
    assert OTHER not in form  # only the editor's own site can be chosen
