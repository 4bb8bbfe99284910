"""The approval round trip in a real browser: a Fachdienst editor adds a measure and a project
and submits them; the Redaktion approves; the public page and the change list show both."""

import json

import pytest

from .conftest import run_manage

pytestmark = [pytest.mark.browser, pytest.mark.kek2030]  # the server's own database holds the KEK 2030

PASSWORD = "ein-langes-Passwort-2030"
MEASURE = "Einrichtung eines Mobilitätsbeirats für den Landkreis"
PROJECT = "Mitfahrbank-Netz im Amt Hagenow"
APPROACH_URL = "/starker-wirtschaftsstandort/wirtschaftsstruktur/standortbedingungen/infrastruktur/"

SETUP = """
import json
from django.contrib.auth.models import Group, User
from kek.plan.models import ApproachPage
for name, group in [("fachdienst", "Fachdienst – Starker Wirtschaftsstandort"), ("redaktion", "Redaktion Regionalmanagement")]:
    user, _ = User.objects.get_or_create(username=name, defaults={"email": name + "@example.org"})
    user.set_password("PASSWORD")
    user.save()
    user.groups.add(Group.objects.get(name=group))
page = ApproachPage.objects.get(slug="infrastruktur")
print(json.dumps({"page": page.pk, "measure": page.measures.first().pk}))
""".replace("PASSWORD", PASSWORD)


@pytest.fixture(scope="module")
def ids(site_url):
    return json.loads(run_manage("shell", "-c", SETUP).strip().splitlines()[-1])


def log_in(page, site_url, username):
    page.context.clear_cookies()
    page.goto(site_url + "/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(site_url + "/admin/")


def click_hidden(page, selector):
    """Actions sit in the footer's dropdown; click them as the dropdown would."""
    with page.expect_navigation():
        page.evaluate("selector => document.querySelector(selector).click()", selector)


def test_fachdienst_submits_redaktion_approves_public_sees_it(page, site_url, ids):
    log_in(page, site_url, "fachdienst")
    page.goto(f"{site_url}/admin/pages/{ids['page']}/edit/")
    page.click("#id_measures-ADD")
    page.locator("#id_measures-FORMS .public-DraftEditor-content").last.click()
    page.keyboard.type(MEASURE)
    # Draftail writes the editor's content into its hidden field shortly after typing.
    page.wait_for_function(
        """text => { const n = document.getElementById('id_measures-TOTAL_FORMS').value - 1;
                     return document.getElementById('id_measures-' + n + '-text').value.includes(text); }""",
        arg=MEASURE,
    )
    page.fill("#id_change_note", "Vorschlag aus dem Fachdienst")
    click_hidden(page, "button[name=action-submit]")

    page.goto(f"{site_url}/admin/snippets/plan/project/add/")
    page.select_option("#id_kind", "running")
    page.fill("#id_title", PROJECT)
    page.evaluate(
        "ids => { document.getElementById('id_approach').value = ids.page;"
        " document.getElementById('id_measure').value = ids.measure; }",
        ids,
    )
    click_hidden(page, "button[name=action-submit]")
    assert "/add/" not in page.url, page.locator(".error-message, .help-critical").all_inner_texts()
    assert MEASURE not in page.context.request.get(site_url + APPROACH_URL).text()

    log_in(page, site_url, "redaktion")
    page.goto(f"{site_url}/admin/pages/{ids['page']}/edit/")
    click_hidden(page, "button[data-workflow-action-name=approve]:not([data-workflow-action-modal-url])")
    page.goto(f"{site_url}/admin/snippets/plan/project/")
    page.goto(site_url + page.get_by_role("link", name=PROJECT).first.get_attribute("href"))
    click_hidden(page, "button[data-workflow-action-name=approve]:not([data-workflow-action-modal-url])")

    page.context.clear_cookies()
    page.goto(site_url + APPROACH_URL)
    assert page.get_by_text(MEASURE, exact=True).is_visible()
    assert page.get_by_text(PROJECT, exact=True).is_visible()
    page.goto(site_url + "/aenderungen/")
    changes = page.locator(".kek-changes").inner_text()
    assert MEASURE in changes and PROJECT in changes
    assert "Vorschlag aus dem Fachdienst" in changes
