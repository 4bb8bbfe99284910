"""The Moderation in the Wagtail admin: queue, publish, refuse with a reason, move, correct; every
step shows on the proposal's page and is mailed to its author."""

import pytest
from django.contrib.auth.models import Group, User
from django.core import mail
from django.test import Client

from kek.participation import services
from kek.participation.models import Proposal, ReasonTemplate
from kek.plan.tests.factories import branch

from .factories import ProposalFactory, published
from .helpers import member_of, post, soup

pytestmark = pytest.mark.django_db
ADMIN = "/admin/snippets/participation/proposal/"


@pytest.fixture
def moderation(db) -> Client:
    user = User.objects.create_user("moderatorin", "moderation@example.org")
    user.groups.add(Group.objects.get(name="Moderation"))
    client = Client()
    client.force_login(user)
    return client


def edit(client: Client, proposal: Proposal, **changes):
    values = {
        "status": proposal.status,
        "reason_template": "",
        "status_reason": proposal.status_reason,
        "project": "",
        "approach": str(proposal.approach_id),
        "title": proposal.title,
        "description": proposal.description,
        "correction_note": proposal.correction_note,
    }
    values.update(changes)
    return post(client, f"{ADMIN}edit/{proposal.pk}/", values)


def test_queue_lists_confirmed_proposals_only(moderation, concept):
    waiting = ProposalFactory(approach=concept.approach, title="Wartet auf die Moderation")
    ProposalFactory(approach=concept.approach, title="Noch nicht bestätigt", status=Proposal.Status.UNCONFIRMED)
    listing = moderation.get(ADMIN + "?status=submitted").content.decode()
    assert "Wartet auf die Moderation" in listing
    assert "Noch nicht bestätigt" not in listing
    assert moderation.get(f"{ADMIN}edit/{waiting.pk}/").status_code == 200
    unconfirmed = Proposal.objects.get(title="Noch nicht bestätigt")
    assert moderation.get(f"{ADMIN}edit/{unconfirmed.pk}/").status_code in (302, 403)


def test_publishing_makes_it_public_on_its_approach_page_and_tells_the_author(moderation, client, concept):
    proposal = ProposalFactory(approach=concept.approach, title="Dorfladen mit Paketstation")
    assert "Dorfladen mit Paketstation" not in client.get(concept.approach.url).content.decode()
    response = edit(moderation, proposal, status="published")
    assert response.status_code == 302, soup(response).select(".error-message, .w-field__errors")
    proposal.refresh_from_db()
    assert proposal.status == Proposal.Status.PUBLISHED and proposal.decided_at is not None
    section = soup(client.get(concept.approach.url)).select_one(".kek-citizen-proposals")
    assert "Dorfladen mit Paketstation" in section.get_text()
    assert "Vorschlag aus der Bürgerschaft" in section.get_text()
    (message,) = mail.outbox
    assert message.to == ["kim@example.org"]
    assert message.subject == "Neuer Stand Ihres Vorschlags: veröffentlicht"
    assert f"/mitmachen/vorschlag/{proposal.pk}/" in message.body


def test_refusing_needs_a_reason_which_is_mailed(moderation, concept):
    proposal = ProposalFactory(approach=concept.approach)
    response = edit(moderation, proposal, status="rejected")
    assert response.status_code == 200
    assert "Bitte geben Sie eine Begründung an" in response.content.decode()
    assert Proposal.objects.get().status == Proposal.Status.SUBMITTED
    template = ReasonTemplate.objects.create(title="Kein Bezug", text="Der Vorschlag betrifft keinen Handlungsansatz.")
    assert edit(moderation, proposal, status="rejected", reason_template=str(template.pk)).status_code == 302
    proposal.refresh_from_db()
    assert proposal.status == Proposal.Status.REJECTED
    assert proposal.status_reason == "Der Vorschlag betrifft keinen Handlungsansatz."
    assert "Der Vorschlag betrifft keinen Handlungsansatz." in mail.outbox[-1].body


def test_steps_go_in_order_and_each_is_public_with_its_date(moderation, client, concept):
    proposal = published(concept.approach)
    assert edit(moderation, proposal, status="submitted").status_code == 200  # no way back
    assert edit(moderation, proposal, status="in_review").status_code == 302
    proposal.refresh_from_db()
    assert edit(moderation, proposal, status="not_feasible", status_reason="Das Land ist zuständig.").status_code == 302
    page = soup(client.get(f"/mitmachen/vorschlag/{proposal.pk}/"))
    history = page.select_one(".kek-proposal-history").get_text()
    assert "in Prüfung" in history and "nicht umsetzbar – Das Land ist zuständig." in history
    assert [m.subject.split(": ")[1] for m in mail.outbox] == ["in Prüfung", "nicht umsetzbar"]


def test_moving_and_correcting_is_noted_visibly(moderation, client, concept):
    other = branch(concept.home, "Ein anderes Feld", "Ein anderer Ansatz")
    proposal = published(concept.approach, title="Radweg nach Altdrof")
    assert edit(moderation, proposal, approach=str(other.pk), title="Radweg nach Altdorf").status_code == 302
    proposal.refresh_from_db()
    assert proposal.approach_id == other.pk
    assert proposal.correction_note.startswith("Von der Moderation am")
    page = soup(client.get(f"/mitmachen/vorschlag/{proposal.pk}/")).get_text()
    assert "Radweg nach Altdorf" in page and "Von der Moderation am" in page
    assert not mail.outbox  # no status step, no mail


def test_other_roles_cannot_moderate(concept, client):
    proposal = ProposalFactory(approach=concept.approach)
    user = User.objects.create_user("redakteur", "r@example.org")
    user.groups.add(Group.objects.get(name="Redaktion Regionalmanagement"))
    client.force_login(user)
    assert client.get(f"{ADMIN}edit/{proposal.pk}/").status_code in (302, 403)
    assert post(client, f"{ADMIN}edit/{proposal.pk}/", {"status": "published"}).status_code in (302, 403)
    assert Proposal.objects.get().status == Proposal.Status.SUBMITTED


def test_rules_page_shows_the_figures(client, concept, moderation):
    published(concept.approach)
    ProposalFactory(approach=concept.approach, status=Proposal.Status.REJECTED)
    ProposalFactory(approach=concept.approach)
    ProposalFactory(approach=concept.approach, status=Proposal.Status.UNCONFIRMED)
    cells = [td.get_text(strip=True) for td in soup(client.get("/mitmachen/regeln/")).select("table td")]
    assert cells[:4] == ["3", "1", "1", "1"]


def test_merging_a_duplicate_carries_its_supports_over_once_per_person(moderation, client, concept):
    target = published(concept.approach, title="Bürgerbus für das Amt")
    duplicate = published(concept.approach, title="Ein Bürgerbus wäre gut")
    for person in ("anna", "ben"):
        services.confirm_support(target if person == "anna" else duplicate, person)
    services.confirm_support(duplicate, "anna")  # supported both: counts once
    response = edit(moderation, Proposal.objects.get(pk=duplicate.pk), merge_into=str(target.pk))
    assert response.status_code == 302
    target.refresh_from_db()
    duplicate.refresh_from_db()
    assert target.support_count == 2
    assert sorted(target.supports.values_list("person", flat=True)) == ["anna", "ben"]
    assert duplicate.status == Proposal.Status.REJECTED
    assert "Zusammengeführt mit dem gleichartigen Vorschlag „Bürgerbus für das Amt“" in duplicate.status_reason
    assert mail.outbox[-1].subject == "Neuer Stand Ihres Vorschlags: zusammengeführt"
    assert "Bürgerbus für das Amt" in mail.outbox[-1].body
    assert client.get(f"/mitmachen/vorschlag/{duplicate.pk}/").status_code == 404
    # Merging and changing the status at once is refused.
    other = published(concept.approach)
    response = edit(moderation, other, merge_into=str(target.pk), status="in_review")
    assert response.status_code == 200
    assert "nicht beides" in response.content.decode()


def test_an_accepted_proposal_links_the_concept_item_it_became(moderation, client, concept):
    idea = concept.ideas[0]
    proposal = published(idea.approach.specific, title="Gründerzentrum im Dorf")
    assert edit(moderation, proposal, status="accepted", project=str(idea.pk)).status_code == 302
    section = soup(client.get(idea.approach.url)).select_one(".kek-citizen-proposals")
    link = section.find("a", string=idea.title)
    assert link["href"] == f"{idea.approach.url}#{idea.anchor}"
    assert soup(client.get(idea.approach.url)).find(id=idea.anchor)  # the concept's item is on that page
    assert "Aufgenommen in das Konzept als" in client.get(f"/mitmachen/vorschlag/{proposal.pk}/").content.decode()


ROLE_MATRIX = {
    # role: may it (list, edit, delete) proposals, and (list, add) reason templates?
    "Moderation": (True, True, True, True, True),
    "Redaktion Regionalmanagement": (False, False, False, False, False),
    "Administration": (False, False, False, False, False),
}


@pytest.mark.parametrize("role, allowed", ROLE_MATRIX.items(), ids=ROLE_MATRIX.keys())
def test_role_matrix_of_the_dialogue(concept, role, allowed):
    proposal = ProposalFactory(approach=concept.approach)
    client = member_of(Group.objects.get(name=role))
    templates = "/admin/snippets/participation/reasontemplate/"
    answers = [
        client.get(ADMIN),
        client.get(f"{ADMIN}edit/{proposal.pk}/"),
        client.get(f"{ADMIN}delete/{proposal.pk}/"),
        client.get(templates),
        client.get(templates + "add/"),
    ]
    assert [a.status_code == 200 for a in answers] == list(allowed)
    assert all(a.status_code in (200, 302, 403) for a in answers)
    # Nobody adds proposals in the admin: they come from visitors.
    assert client.get(ADMIN + "add/").status_code in (302, 403)
