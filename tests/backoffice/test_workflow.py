"""Roles and approval with real permission checks through the Wagtail admin.

A Fachdienst editor edits in their field and submits; they cannot publish and cannot touch
other fields. The Redaktion approves. The public sees the change only after publication, and
"Änderungen am KEK" lists what was added.
"""

import pytest
from django.contrib.auth.models import Group, User
from django.core import mail
from django.urls import reverse
from wagtail.models import WorkflowState
from wagtail.test.utils.form_data import rich_text

from kek.editorial.roles import FACHDIENST_PREFIX, REDAKTION
from kek.editorial.tests.admin_forms import form_fields
from kek.editorial.tests.login import log_in
from kek.history.models import ChangeRecord
from kek.plan.models import ApproachPage, Project

pytestmark = [pytest.mark.django_db, pytest.mark.kek2030]

OWN = "infrastruktur"  # an approach in "Starker Wirtschaftsstandort"
OTHER = "naturschutz"  # an approach in "Nachhaltiger Lebensraum"
NEW_MEASURE = "Einrichtung eines Mobilitätsbeirats für den Landkreis"


def make_user(username: str, group: str) -> User:
    user = User.objects.create_user(username, f"{username}@example.org", "ein-langes-Passwort-2030")
    user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def fachdienst(client):
    return make_user("fachdienst", f"{FACHDIENST_PREFIX}Starker Wirtschaftsstandort")


@pytest.fixture
def redaktion():
    return make_user("redaktion", REDAKTION)


def approach(slug: str) -> ApproachPage:
    return ApproachPage.objects.get(slug=slug)


def edit_with_new_measure(client, page: ApproachPage, action: str):
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    return client.post(url, form_with_new_measure(client, url, action))


def form_with_new_measure(client, url: str, action: str) -> dict:
    data = form_fields(client.get(url).content.decode())
    count = int(data["measures-TOTAL_FORMS"])
    data.update(
        {
            "measures-TOTAL_FORMS": str(count + 1),
            f"measures-{count}-id": "",
            f"measures-{count}-ORDER": str(count),
            f"measures-{count}-DELETE": "",
            f"measures-{count}-text": rich_text(f"<p>{NEW_MEASURE}</p>"),
            "change_note": "Beschluss des Kreisausschusses vom 3. März",
            action: "1",
        }
    )
    return data


def test_fachdienst_edits_and_submits_in_own_field_but_cannot_publish(client, fachdienst, redaktion):
    client.force_login(fachdienst)
    page = approach(OWN)
    response = edit_with_new_measure(client, page, "action-submit")
    assert response.status_code == 302, response.content.decode()[:2000]
    page.refresh_from_db()
    assert NEW_MEASURE in str(page.get_latest_revision().content)
    assert NEW_MEASURE not in client.get(page.url).content.decode()  # not public yet
    assert (
        WorkflowState.objects.filter(base_content_type__model="page", object_id=str(page.pk)).get().status
        == "in_progress"
    )
    assert redaktion.email in [address for message in mail.outbox for address in message.to]

    edit_with_new_measure(client, page, "action-publish")  # trying to publish anyway
    assert NEW_MEASURE not in client.get(page.url).content.decode()
    assert not page.permissions_for_user(fachdienst).can_publish()


def test_fachdienst_cannot_edit_another_field(client, fachdienst, redaktion):
    """The whole edit form of another field's page, as the editor would send it had they seen it:
    refused for the Fachdienst; the same request from the Redaktion goes through (so the request
    itself is sound and only the permission stops it)."""
    other = approach(OTHER)
    assert client.get(reverse("wagtailadmin_pages:edit", args=[other.pk])).status_code in (302, 403)
    for user, allowed in ((fachdienst, False), (redaktion, True)):
        client.force_login(redaktion)  # reads the form (the Fachdienst may not even see it)
        url = reverse("wagtailadmin_pages:edit", args=[other.pk])
        data = form_with_new_measure(client, url, "action-publish")
        client.force_login(user)
        client.post(url, data)
        published = NEW_MEASURE in client.get(ApproachPage.objects.get(pk=other.pk).url).content.decode()
        assert published is allowed, user.username


def test_redaktion_approves_and_the_change_goes_public_and_into_the_history(client, fachdienst, redaktion):
    client.force_login(fachdienst)
    page = approach(OWN)
    edit_with_new_measure(client, page, "action-submit")
    client.force_login(redaktion)
    state = WorkflowState.objects.get(base_content_type__model="page", object_id=str(page.pk))
    task_state = state.current_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk])
    response = client.post(url, {"comment": "Passt."})
    assert response.status_code in (200, 302)
    page.refresh_from_db()
    assert NEW_MEASURE in client.get(page.url).content.decode()

    record = ChangeRecord.objects.get(page=page)
    assert record.action == ChangeRecord.Action.CHANGED
    assert {"section": "Maßnahmen", "added": [NEW_MEASURE], "removed": [], "reworded": []} in record.changes
    assert record.note == "Beschluss des Kreisausschusses vom 3. März"
    assert (
        form_fields(client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode())["change_note"]
        == ""
    )
    history = client.get("/aenderungen/?feld=starker-wirtschaftsstandort").content.decode()
    assert NEW_MEASURE in history
    assert NEW_MEASURE not in client.get("/aenderungen/?feld=lebenswerte-orte").content.decode()
    assert NEW_MEASURE in client.get("/aenderungen/feed/").content.decode()


def test_projects_follow_the_permissions_of_their_approach(client, fachdienst):
    client.force_login(fachdienst)
    own = Project.objects.filter(approach__slug=OWN).first()
    other = Project.objects.filter(approach__slug=OTHER).first()
    assert client.get(reverse("wagtailsnippets_plan_project:edit", args=[own.pk])).status_code == 200
    assert client.get(reverse("wagtailsnippets_plan_project:edit", args=[other.pk])).status_code in (302, 403)
    listing = client.get(reverse("wagtailsnippets_plan_project:list")).content.decode()
    assert own.title in listing and other.title not in listing

    url = reverse("wagtailsnippets_plan_project:edit", args=[own.pk])
    data = {**form_fields(client.get(url).content.decode()), "title": "Neuer Titel", "action-publish": "1"}
    client.post(url, data)
    assert Project.objects.get(pk=own.pk).title == own.title  # the live version is untouched
    assert "Neuer Titel" not in client.get(own.approach.url).content.decode()


def test_redaktion_publishes_a_new_project_which_then_shows_publicly(client, redaktion):
    client.force_login(redaktion)
    page = approach(OWN)
    measure = page.measures.first()
    url = reverse("wagtailsnippets_plan_project:add")
    data = {
        **form_fields(client.get(url).content.decode()),
        "kind": "running",
        "title": "Radweg an der Elde",
        "url": "https://example.org/radweg",
        "approach": str(page.pk),
        "measure": str(measure.pk),
        "sort_order": "99",
    }
    assert client.post(url, {**data, "action-publish": "1"}).status_code == 302
    html = client.get(page.url).content.decode()
    assert "Radweg an der Elde" in html and "https://example.org/radweg" in html
    record = ChangeRecord.objects.get(title="Radweg an der Elde")
    assert record.action == ChangeRecord.Action.ADDED and record.subject == "Laufendes Projekt"


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"title": ""}, "Dieses Feld muss ausgefüllt werden."),
        ({"url": "kein link"}, "Bitte eine gültige Adresse eingeben."),
    ],
)
def test_bad_project_input_gets_a_german_message_and_keeps_what_was_typed(client, redaktion, change, message):
    client.force_login(redaktion)
    project = Project.objects.filter(approach__slug=OWN).first()
    url = reverse("wagtailsnippets_plan_project:edit", args=[project.pk])
    data = {**form_fields(client.get(url).content.decode()), "description": "Mein getippter Text", **change}
    response = client.post(url, {**data, "action-publish": "1"})
    html = response.content.decode()
    assert response.status_code == 200
    assert message in html
    assert "Mein getippter Text" in html
    assert Project.objects.get(pk=project.pk).description == project.description


def test_duplicate_slug_and_empty_title_on_a_page_keep_the_input(client, redaktion):
    client.force_login(redaktion)
    page = approach(OWN)
    sibling = page.get_siblings().exclude(pk=page.pk).first()
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    data = {**form_fields(client.get(url).content.decode()), "slug": sibling.slug, "action-publish": "1"}
    html = client.post(url, data).content.decode()
    assert f"Der Kurztitel &#x27;{sibling.slug}&#x27; wird innerhalb der übergeordneten Seite bereits verwendet" in html
    data = {**form_fields(client.get(url).content.decode()), "title": "", "seo_title": "Getippt", "action-publish": "1"}
    html = client.post(url, data).content.decode()
    assert "Dieses Feld muss ausgefüllt werden." in html
    assert 'value="Getippt"' in html
    page.refresh_from_db()
    assert page.title and page.slug != sibling.slug


def test_administration_reads_the_audit_log_others_do_not(client, fachdienst, redaktion):
    client.force_login(fachdienst)
    edit_with_new_measure(client, approach(OWN), "action-submit")
    denied = client.get("/admin/protokoll/")
    assert denied.status_code in (302, 403) and "Protokoll aller Aktionen" not in denied.content.decode()
    client.logout()
    log_in(client, make_user("verwaltung", "Administration"))  # with the second factor the role requires
    log = client.get("/admin/protokoll/")
    assert log.status_code == 200
    html = log.content.decode()
    assert "fachdienst" in html and approach(OWN).title in html
