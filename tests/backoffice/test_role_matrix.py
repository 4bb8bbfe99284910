"""Every role × every admin action × own field / other field / other site, through real admin
requests: what a role may do happens, what it may not do leaves no trace.

The table EXPECTED says, per role and action, on which targets the action must succeed; everywhere
else it must fail. A second test sends every admin URL that names a project (whatever Wagtail
adds later) as a role that may not touch that project, so a new view cannot slip past the check.
"""

from dataclasses import dataclass

import pytest
from django.contrib.auth.models import User
from django.db import transaction
from django.test import Client
from django.urls import reverse
from wagtail.models import Page, WorkflowState
from wagtail.snippets.models import get_snippet_models

from kek.core.admin_urls import names_an_object
from kek.editorial.roles import ADMINISTRATION, FACHDIENST_PREFIX, MODERATION, REDAKTION
from kek.editorial.tests.admin_forms import form_fields
from kek.editorial.tests.login import log_in, make_user
from kek.indicators.models import Indicator
from kek.legal.models import BarrierReport
from kek.participation.models import Proposal, ReasonTemplate
from kek.plan.models import ApproachPage, Project

from ..conftest import OTHER

pytestmark = [pytest.mark.django_db, pytest.mark.kek2030]

# Targets: an approach in the Fachdienst's own field, one in another field, one of another site,
# each with a second approach of the same area to move projects to.
APPROACHES = {
    "own": ("infrastruktur", "gewerbeflaechen"),
    "other": ("naturschutz", "erholung"),
    "site": ("windmuehlen", "muehlenpfade"),
}
ROLES = {
    "redaktion": REDAKTION,
    "fachdienst": f"{FACHDIENST_PREFIX}Starker Wirtschaftsstandort",
    "moderation": MODERATION,
    "administration": ADMINISTRATION,
    "redaktion_other_site": f"{REDAKTION} ({OTHER})",
}
ALL_OF_A = {"own", "other"}
EXPECTED: dict[str, dict[str, set[str]]] = {
    "redaktion": dict.fromkeys(
        [
            "page_edit",
            "page_publish",
            "page_delete",
            "page_lock",
            "page_unlock",
            "page_approve",
            "project_add",
            "project_edit",
            "project_publish",
            "project_move",
            "project_delete",
            "project_delete_draft",
            "project_bulk_delete",
            "project_lock",
            "project_unlock",
            "project_unpublish",
            "project_approve",
        ],
        ALL_OF_A,
    ),
    # edits and submits in its own field; publishing, unpublishing, deleting public items,
    # locking and approving are the Redaktion's
    "fachdienst": {
        "page_edit": {"own"},
        "project_add": {"own"},
        "project_edit": {"own"},
        "project_move": {"own"},
        "project_delete_draft": {"own"},
    },
    "moderation": {},
    "administration": {},
}
EXPECTED["redaktion_other_site"] = {action: {"site"} for action in EXPECTED["redaktion"]}
ACTIONS = sorted(EXPECTED["redaktion"])


@dataclass
class World:
    chief: Client  # a superuser's browser: reads forms and prepares states
    chief_user: User
    approach_ids: dict[str, int]
    destination_ids: dict[str, int]

    def approach(self, target: str) -> ApproachPage:
        return ApproachPage.objects.get(pk=self.approach_ids[target])

    def destination(self, target: str) -> ApproachPage:
        return ApproachPage.objects.get(pk=self.destination_ids[target])

    def project(self, target: str) -> Project:
        return Project.objects.filter(approach_id=self.approach_ids[target], live=True).order_by("pk").first()


@pytest.fixture
def world(other_site) -> World:
    chief_user = User.objects.create_superuser("chef", "chef@example.org", "ein-langes-Passwort-2030")
    chief = Client(HTTP_HOST=OTHER)
    chief.force_login(chief_user)
    ids = {slug: ApproachPage.objects.get(slug=slug).pk for pair in APPROACHES.values() for slug in pair}
    return World(
        chief=chief,
        chief_user=chief_user,
        approach_ids={t: ids[a] for t, (a, _b) in APPROACHES.items()},
        destination_ids={t: ids[b] for t, (_a, b) in APPROACHES.items()},
    )


def form(world: World, url: str, **changes) -> dict:
    return {**form_fields(world.chief.get(url).content.decode()), **changes}


def page_edit(browser, world, target) -> bool:
    page = world.approach(target)
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    browser.post(url, form(world, url, title=page.title + " (bearbeitet)"))
    return world.approach(target).get_latest_revision().content["title"].endswith("(bearbeitet)")


def page_publish(browser, world, target) -> bool:
    page = world.approach(target)
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    browser.post(url, form(world, url, title=page.title + " (neu)", **{"action-publish": "1"}))
    return Page.objects.get(pk=page.pk).title.endswith("(neu)")


def page_delete(browser, world, target) -> bool:
    page = world.approach(target)
    browser.post(reverse("wagtailadmin_pages:delete", args=[page.pk]))
    return not Page.objects.filter(pk=page.pk).exists()


def page_lock(browser, world, target) -> bool:
    page = world.approach(target)
    browser.post(reverse("wagtailadmin_pages:lock", args=[page.pk]))
    return Page.objects.get(pk=page.pk).locked


def page_unlock(browser, world, target) -> bool:
    page = world.approach(target)
    Page.objects.filter(pk=page.pk).update(locked=True, locked_by=world.chief_user)
    browser.post(reverse("wagtailadmin_pages:unlock", args=[page.pk]))
    return not Page.objects.get(pk=page.pk).locked


def _submitted(obj, user):
    obj.save_revision(user=user)
    obj.get_workflow().start(obj, user)
    return WorkflowState.objects.active().for_instance(obj).get()


def page_approve(browser, world, target) -> bool:
    page = world.approach(target)
    state = _submitted(page, world.chief_user)
    browser.post(
        reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", state.current_task_state.pk]),
        {"comment": ""},
    )
    state.refresh_from_db()
    return state.status == WorkflowState.STATUS_APPROVED


def project_add(browser, world, target) -> bool:
    url = reverse("wagtailsnippets_plan_project:add")
    title = f"Neues Projekt ({target})"
    browser.post(url, form(world, url, title=title, kind="idea", approach=str(world.approach(target).pk)))
    return Project.objects.filter(title=title).exists()


def project_edit(browser, world, target) -> bool:
    project = world.project(target)
    url = reverse("wagtailsnippets_plan_project:edit", args=[project.pk])
    browser.post(url, form(world, url, title="Geänderter Titel"))
    return Project.objects.get(pk=project.pk).get_latest_revision().content["title"] == "Geänderter Titel"


def project_publish(browser, world, target) -> bool:
    project = world.project(target)
    url = reverse("wagtailsnippets_plan_project:edit", args=[project.pk])
    browser.post(url, form(world, url, title="Veröffentlichter Titel", **{"action-publish": "1"}))
    return Project.objects.get(pk=project.pk).title == "Veröffentlichter Titel"


def project_move(browser, world, target) -> bool:
    """Move a project of the target area to the area's other approach by saving a draft."""
    project = world.project(target)
    destination = world.destination(target)
    url = reverse("wagtailsnippets_plan_project:edit", args=[project.pk])
    browser.post(url, form(world, url, approach=str(destination.pk), measure=""))
    return Project.objects.get(pk=project.pk).get_latest_revision().content["approach"] == destination.pk


def project_delete(browser, world, target) -> bool:
    project = world.project(target)
    browser.post(reverse("wagtailsnippets_plan_project:delete", args=[project.pk]))
    return not Project.objects.filter(pk=project.pk).exists()


def project_delete_draft(browser, world, target) -> bool:
    draft = Project.objects.create(
        title="Entwurf", kind="idea", approach=world.approach(target), live=False, has_unpublished_changes=True
    )
    browser.post(reverse("wagtailsnippets_plan_project:delete", args=[draft.pk]))
    return not Project.objects.filter(pk=draft.pk).exists()


def project_bulk_delete(browser, world, target) -> bool:
    project = world.project(target)
    browser.post(reverse("wagtail_bulk_action", args=["plan", "project", "delete"]) + f"?id={project.pk}")
    return not Project.objects.filter(pk=project.pk).exists()


def project_lock(browser, world, target) -> bool:
    project = world.project(target)
    browser.post(reverse("wagtailsnippets_plan_project:lock", args=[project.pk]))
    return Project.objects.get(pk=project.pk).locked


def project_unlock(browser, world, target) -> bool:
    project = world.project(target)
    Project.objects.filter(pk=project.pk).update(locked=True, locked_by=world.chief_user)
    browser.post(reverse("wagtailsnippets_plan_project:unlock", args=[project.pk]))
    return not Project.objects.get(pk=project.pk).locked


def project_unpublish(browser, world, target) -> bool:
    project = world.project(target)
    browser.post(reverse("wagtailsnippets_plan_project:unpublish", args=[project.pk]))
    return not Project.objects.get(pk=project.pk).live


def project_approve(browser, world, target) -> bool:
    project = world.project(target)
    state = _submitted(project, world.chief_user)
    url = reverse(
        "wagtailsnippets_plan_project:workflow_action", args=[project.pk, "approve", state.current_task_state.pk]
    )
    browser.post(url, {"comment": ""})
    state.refresh_from_db()
    return state.status == WorkflowState.STATUS_APPROVED


@pytest.mark.parametrize("role", sorted(ROLES))
def test_every_role_may_do_exactly_what_the_table_says(role, world):
    user = make_user(role, ROLES[role])
    browser = Client(HTTP_HOST=OTHER)
    log_in(browser, user)
    wrong = []
    for action in ACTIONS:
        allowed = EXPECTED[role].get(action, set())
        for target in APPROACHES:
            with transaction.atomic():  # each action on a fresh copy of the concept
                happened = globals()[action](browser, world, target)
                transaction.set_rollback(True)
            if happened != (target in allowed):
                wrong.append(f"{action} on {target}: {'done' if happened else 'refused'}")
    assert not wrong, f"{role}: " + "; ".join(wrong)


def test_every_project_url_checks_the_project_itself(world):
    """All admin URLs that name a project refuse a Fachdienst of another field and let the
    project's Redaktion through; so does any view a later Wagtail adds to the viewset."""
    project = world.project("other")
    state = _submitted(project, world.chief_user)  # a real revision, workflow state and task state
    task_state = state.current_task_state
    values = {"pk": project.pk, "revision_id": task_state.revision_id, "action_name": "approve"}
    values |= {"revision_id_a": "earliest", "revision_id_b": "latest", "task_id": task_state.task_id}
    values |= {"task_state_id": task_state.pk, "workflow_state_id": state.pk}
    patterns = [p for p in Project.snippet_viewset.get_urlpatterns() if names_an_object(p)]
    assert {p.name for p in patterns} >= {"edit", "delete", "lock", "unlock", "unpublish", "history", "usage"}
    fachdienst = Client(HTTP_HOST=OTHER)
    log_in(fachdienst, make_user("fd", ROLES["fachdienst"]))
    redaktion = Client(HTTP_HOST=OTHER)
    log_in(redaktion, make_user("red", ROLES["redaktion"]))
    urls = {
        p.name: reverse(
            f"wagtailsnippets_plan_project:{p.name}", kwargs={name: values[name] for name in p.pattern.regex.groupindex}
        )
        for p in patterns
    }
    # each sent as a form submission, the riskier of GET and POST; deleting last
    for name in sorted(urls, key=lambda name: name == "delete"):
        assert refused(fachdienst.post(urls[name])), name
    for name in sorted(urls, key=lambda name: name == "delete"):
        assert not refused(redaktion.post(urls[name])), name


def refused(response) -> bool:
    """Wagtail's and our answer to a forbidden admin request: 403, or back to the dashboard."""
    return response.status_code == 403 or (response.status_code == 302 and response["Location"] == "/admin/")


def test_the_matrix_knows_every_snippet_model():
    """A new snippet type must get its own rows in a role matrix (and a permission policy) before
    it ships. Barrier reports have theirs in kek/legal/tests, indicators in kek/indicators/tests,
    proposals and reason templates in kek/participation/tests/test_moderation.py."""
    assert set(get_snippet_models()) == {Project, BarrierReport, Indicator, Proposal, ReasonTemplate}
