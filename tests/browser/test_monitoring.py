"""Implementation status in a real browser: a Fachdienst editor records progress on a project, the
Redaktion approves it, and the project page, the approach page, the overview's counts and the
record's history and the public change history show it; the new page types pass axe-core at 320 px without sideways scrolling."""

import json
import re

import pytest

from .conftest import run_manage
from .test_backoffice import PASSWORD, click_hidden, log_in

pytestmark = [pytest.mark.browser, pytest.mark.kek2030]

TEXT = "Die ersten zwei Mitfahrbänke stehen in Hagenow."
SETUP = """
import json
from django.contrib.auth.models import Group, User
from kek.plan.models import ApproachPage
for name, group in [("fd-umsetzung", "Fachdienst – Starker Wirtschaftsstandort"), ("red-umsetzung", "Redaktion Regionalmanagement")]:
    user, _ = User.objects.get_or_create(username=name, defaults={"email": name + "@example.org"})
    user.set_password("PASSWORD")
    user.save()
    user.groups.add(Group.objects.get(name=group))
page = ApproachPage.objects.get(slug="infrastruktur")
project = page.projects.filter(live=True, kind="running").order_by("sort_order").first()
print(json.dumps({"project": project.pk, "title": project.title, "key": project.key, "approach": page.url, "anchor": project.anchor}))
""".replace("PASSWORD", PASSWORD)


@pytest.fixture(scope="module")
def project(site_url):
    return json.loads(run_manage("shell", "-c", SETUP).strip().splitlines()[-1])


def running_counts(page) -> list[int]:
    """The overview's row "in Umsetzung": counts of measures, running projects, ideas."""
    row = page.locator(".kek-overall tbody tr", has=page.locator("th", has_text=re.compile("^in Umsetzung$")))
    return [int(n) for n in row.locator("td").all_inner_texts()]


def test_fachdienst_records_progress_redaktion_approves_public_sees_it(page, site_url, project):
    page.goto(site_url + "/umsetzung/")
    before = running_counts(page)

    log_in(page, site_url, "fd-umsetzung")
    page.goto(f"{site_url}/admin/snippets/monitoring/implementation/add/")
    page.click("#id_project-chooser .chooser__choose-button")  # the project chooser, as an editor picks
    modal = page.locator(".modal-dialog")
    modal.locator("input[name=q]").fill(project["title"])
    modal.locator("a[data-chooser-modal-choice]", has_text=project["title"]).first.click()
    page.wait_for_function("document.querySelector('#id_project').value !== ''")
    assert page.input_value("#id_project") == str(project["project"])
    page.click("#id_entries-ADD")
    page.fill("#id_entries-0-date", "2026-11-02")
    page.select_option("#id_entries-0-status", "implementing")
    page.fill("#id_entries-0-text", TEXT)
    page.fill("#id_entries-0-decision_body", "Ausschuss für Wirtschaft")
    page.fill("#id_entries-0-decision_number", "WA/2026/17")
    click_hidden(page, "button[name=action-submit]")
    assert page.url.endswith("/admin/snippets/monitoring/implementation/")  # saved, back at the list
    record_url = site_url + page.get_by_role("link", name=project["title"]).first.get_attribute("href")
    assert "/edit/" in record_url

    page.context.clear_cookies()  # not public before approval
    page.goto(f"{site_url}/projekte/{project['key']}/")
    assert TEXT not in page.content()
    page.goto(site_url + "/aenderungen/")
    assert TEXT not in page.content()

    log_in(page, site_url, "red-umsetzung")
    page.goto(record_url)
    click_hidden(page, "button[data-workflow-action-name=approve]:not([data-workflow-action-modal-url])")
    page.goto(record_url.replace("/edit/", "/history/"))
    assert "Freigegeben" in page.locator("main").inner_text() or "Approved" in page.locator("main").inner_text()

    page.context.clear_cookies()
    page.goto(f"{site_url}/projekte/{project['key']}/")
    assert "in Umsetzung (Stand 02.11.2026)" in page.locator(".kek-status-line").first.inner_text()
    timeline = page.locator(".kek-timeline").inner_text()
    assert TEXT in timeline and "WA/2026/17" in timeline
    page.goto(site_url + project["approach"])
    assert "in Umsetzung" in page.locator(f"#{project['anchor']}").inner_text()
    page.goto(site_url + "/umsetzung/")
    after = running_counts(page)
    assert after == [before[0], before[1] + 1, before[2]]
    page.goto(site_url + "/aenderungen/")
    newest = page.locator(".kek-change").first.inner_text()
    assert project["title"] in newest and f"02.11.2026: in Umsetzung – {TEXT}" in newest


PAGES = [
    "/umsetzung/",
    "/umsetzung/liste/",
    "/umsetzung/begriffe/",
    "/projekte/",
    "PROJECT",
    "APPROACH",
    "/orte/hagenow/",
]


@pytest.mark.parametrize("path", PAGES)
def test_monitoring_pages_are_accessible_at_320_px_without_sideways_scrolling(page, site_url, project, run_axe, path):
    url = site_url + {"PROJECT": f"/projekte/{project['key']}/", "APPROACH": project["approach"]}.get(path, path)
    for width in (320, 1280):
        page.set_viewport_size({"width": width, "height": 800})
        page.goto(url)
        assert run_axe(page) == [], (path, width)
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, (path, width)
