"""Every role × every admin action × own field / other field / other site, through real admin
requests: what a role may do happens, what it may not do leaves no trace.

The table EXPECTED says, per role and action, on which targets the action must succeed; everywhere
else it must fail. A second test sends every admin URL that names a project (whatever Wagtail
adds later) as a role that may not touch that project, so a new view cannot slip past the check.
"""

import datetime
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
from kek.monitoring.records import Implementation, OrganisationalUnit, ProgressEntry
from kek.participation.models import Comment, PriorityRound, Proposal, ReasonTemplate
from kek.plan.models import ApproachPage, Project
from kek.publications.models import ImplementationReport
from kek.search.models import SynonymGroup

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
            "implementation_add",
            "implementation_edit",
            "implementation_submit",
            "implementation_publish",
            "implementation_approve",
            "implementation_delete",
            # implementation reports: the site's Redaktion (and the Administration, below)
            "report_create",
            "report_publish",
            "report_delete_draft",
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
        # progress: written and submitted in its own field; public only once the Redaktion approves
        "implementation_add": {"own"},
        "implementation_edit": {"own"},
        "implementation_submit": {"own"},
    },
    "moderation": {},
    # installation-wide: the implementation reports of every site, nothing of the concept itself
    "administration": {
        action: set(APPROACHES) for action in ("report_create", "report_publish", "report_delete_draft")
    },
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

    def implementation(self, target: str) -> Implementation:
        """A published implementation record of the target's first project with one entry."""
        record = Implementation(project=self.project(target), live=False)
        record.entries = [ProgressEntry(date=datetime.date(2024, 1, 10), status="preparing", text="Antrag gestellt.")]
        record.save()
        record.save_revision(user=self.chief_user).publish()
        return record


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


IMPLEMENTATION = "wagtailsnippets_monitoring_implementation"
NEW_ENTRY = {"date": "2024-05-02", "status": "implementing", "text": "Bauarbeiten haben begonnen."}


def with_new_entry(data: dict) -> dict:
    """The form's data with one more progress entry, as the "add" button of the inline panel does."""
    index = int(data["entries-TOTAL_FORMS"])
    data = {**data, "entries-TOTAL_FORMS": str(index + 1)}
    return data | {f"entries-{index}-{name}": value for name, value in NEW_ENTRY.items()}


def _published_statuses(record: Implementation) -> list[str]:
    return list(Implementation.objects.get(pk=record.pk).entries.values_list("status", flat=True))


def _draft_statuses(record: Implementation) -> list[str]:
    return [e["status"] for e in Implementation.objects.get(pk=record.pk).get_latest_revision().content["entries"]]


def implementation_add(browser, world, target) -> bool:
    url = reverse(f"{IMPLEMENTATION}:add")
    project = world.project(target)
    browser.post(url, with_new_entry(form(world, url, project=str(project.pk))))
    return Implementation.objects.filter(project=project).exists()


def implementation_edit(browser, world, target) -> bool:
    record = world.implementation(target)
    url = reverse(f"{IMPLEMENTATION}:edit", args=[record.pk])
    browser.post(url, with_new_entry(form(world, url)))
    return _draft_statuses(record) == ["preparing", "implementing"] and _published_statuses(record) == ["preparing"]


def implementation_submit(browser, world, target) -> bool:
    record = world.implementation(target)
    url = reverse(f"{IMPLEMENTATION}:edit", args=[record.pk])
    browser.post(url, with_new_entry(form(world, url, **{"action-submit": "1"})))
    submitted = WorkflowState.objects.active().for_instance(Implementation.objects.get(pk=record.pk)).exists()
    return submitted and _published_statuses(record) == ["preparing"]


def implementation_publish(browser, world, target) -> bool:
    record = world.implementation(target)
    url = reverse(f"{IMPLEMENTATION}:edit", args=[record.pk])
    browser.post(url, with_new_entry(form(world, url, **{"action-publish": "1"})))
    return _published_statuses(record) == ["preparing", "implementing"]


def implementation_approve(browser, world, target) -> bool:
    record = world.implementation(target)
    record.entries.add(ProgressEntry(date=datetime.date(2024, 5, 2), status="implementing", text="Begonnen."))
    state = _submitted(record, world.chief_user)
    url = reverse(f"{IMPLEMENTATION}:workflow_action", args=[record.pk, "approve", state.current_task_state.pk])
    browser.post(url, {"comment": ""})
    state.refresh_from_db()
    return state.status == WorkflowState.STATUS_APPROVED and _published_statuses(record) == [
        "preparing",
        "implementing",
    ]


def implementation_delete(browser, world, target) -> bool:
    record = world.implementation(target)
    browser.post(reverse(f"{IMPLEMENTATION}:delete", args=[record.pk]))
    return not Implementation.objects.filter(pk=record.pk).exists()


PERIOD = {"period_start": datetime.date(2024, 1, 1), "period_end": datetime.date(2024, 12, 31)}


def _report_draft(world, target) -> ImplementationReport:
    return ImplementationReport.objects.create(site=world.approach(target).get_site(), title="Entwurf", **PERIOD)


def report_create(browser, world, target) -> bool:
    site = world.approach(target).get_site()
    title = f"Bericht ({target})"
    browser.post(reverse("publications_reports"), {"site": site.pk, "title": title, **PERIOD})
    return ImplementationReport.objects.filter(site=site, title=title).exists()


def report_publish(browser, world, target) -> bool:
    report = _report_draft(world, target)
    browser.post(reverse("publications_report_publish", args=[report.pk]))
    return ImplementationReport.objects.get(pk=report.pk).is_published


def report_delete_draft(browser, world, target) -> bool:
    report = _report_draft(world, target)
    browser.post(reverse("publications_report_delete", args=[report.pk]))
    return not ImplementationReport.objects.filter(pk=report.pk).exists()


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
    implementation records theirs here, organisational units in tests/backoffice/test_monitoring_admin.py,
    proposals and reason templates in kek/participation/tests/test_moderation.py, comments in
    kek/participation/tests/test_comments.py, priority rounds in
    kek/participation/tests/test_rounds_admin.py, synonym groups
    in tests/backoffice/test_synonyms.py. Implementation reports are no snippet (their own admin
    views, kek/publications/report_admin.py) and have their rows in EXPECTED above."""
    assert set(get_snippet_models()) == {
        Project,
        BarrierReport,
        Comment,
        Indicator,
        Implementation,
        OrganisationalUnit,
        PriorityRound,
        Proposal,
        ReasonTemplate,
        SynonymGroup,
    }


def test_every_implementation_url_checks_the_record_itself(world):
    """As for projects: every admin URL naming an implementation record refuses a Fachdienst of
    another field and lets the record's Redaktion through."""
    record = world.implementation("other")
    state = _submitted(record, world.chief_user)
    task_state = state.current_task_state
    values = {"pk": record.pk, "revision_id": task_state.revision_id, "action_name": "approve"}
    values |= {"revision_id_a": "earliest", "revision_id_b": "latest", "task_id": task_state.task_id}
    values |= {"task_state_id": task_state.pk, "workflow_state_id": state.pk}
    patterns = [p for p in Implementation.snippet_viewset.get_urlpatterns() if names_an_object(p)]
    assert {p.name for p in patterns} >= {"edit", "delete", "lock", "unlock", "unpublish", "history"}
    fachdienst = Client(HTTP_HOST=OTHER)
    log_in(fachdienst, make_user("fd", ROLES["fachdienst"]))
    redaktion = Client(HTTP_HOST=OTHER)
    log_in(redaktion, make_user("red", ROLES["redaktion"]))
    urls = {
        p.name: reverse(
            f"{IMPLEMENTATION}:{p.name}", kwargs={name: values[name] for name in p.pattern.regex.groupindex}
        )
        for p in patterns
    }
    for name in sorted(urls, key=lambda name: name == "delete"):
        assert refused(fachdienst.post(urls[name])), name
    for name in sorted(urls, key=lambda name: name == "delete"):
        assert not refused(redaktion.post(urls[name])), name
