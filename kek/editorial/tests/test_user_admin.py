"""Only superusers hand out superuser status or the Administration role.

The Administration manages accounts and groups, but through none of the admin's screens (new
user, edit user, bulk "assign role", group edit) may it make anyone a superuser, put anyone into
the Administration, or turn another group into a second Administration. Real admin requests
with the browser's CSRF token, on the real database.
"""

import pytest
from django.contrib.auth.models import Group, Permission, User
from django.test import Client

from kek.editorial.roles import ADMINISTRATION, MODERATION, REDAKTION

from .admin_forms import form_fields
from .login import PASSWORD, log_in, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_browser() -> Client:
    """A member of the Administration, logged in through the login form."""
    browser = Client(enforce_csrf_checks=True)
    log_in(browser, make_user("verwaltung", ADMINISTRATION))
    return browser


@pytest.fixture
def super_browser() -> Client:
    browser = Client(enforce_csrf_checks=True)
    log_in(browser, User.objects.create_superuser("chefin", "chefin@example.org", PASSWORD))
    return browser


def group_id(name: str) -> str:
    return str(Group.objects.get(name=name).pk)


def new_user_form(browser: Client, **changes) -> dict:
    data = form_fields(browser.get("/admin/users/new/").content.decode())
    data.update(
        {
            "username": "neu",
            "email": "neu@example.org",
            "first_name": "Nele",
            "last_name": "Neu",
            "password1": PASSWORD,
            "password2": PASSWORD,
            **changes,
        }
    )
    return data


def edit_user_form(browser: Client, user: User, **changes) -> dict:
    return {**form_fields(browser.get(f"/admin/users/edit/{user.pk}/").content.decode()), **changes}


def test_administration_cannot_create_a_superuser(admin_browser):
    page = admin_browser.get("/admin/users/new/").content.decode()
    assert 'name="is_superuser"' not in page
    admin_browser.post("/admin/users/new/", new_user_form(admin_browser, is_superuser="on"))
    assert not User.objects.filter(is_superuser=True).exists()


def test_administration_cannot_create_a_member_of_the_administration(admin_browser):
    response = admin_browser.post("/admin/users/new/", new_user_form(admin_browser, groups=[group_id(ADMINISTRATION)]))
    assert response.status_code == 200
    assert "Nur Superuser können die Rolle „Administration“ vergeben." in response.content.decode()
    assert not User.objects.filter(username="neu").exists()


def test_administration_creates_ordinary_editors_as_before(admin_browser):
    response = admin_browser.post("/admin/users/new/", new_user_form(admin_browser, groups=[group_id(REDAKTION)]))
    assert response.status_code == 302
    created = User.objects.get(username="neu")
    assert list(created.groups.values_list("name", flat=True)) == [REDAKTION]
    assert not created.is_superuser


def test_administration_cannot_promote_on_edit(admin_browser):
    editor = make_user("redakteurin", REDAKTION)
    data = edit_user_form(
        admin_browser, editor, is_superuser="on", groups=[group_id(REDAKTION), group_id(ADMINISTRATION)]
    )
    response = admin_browser.post(f"/admin/users/edit/{editor.pk}/", data)
    assert "Nur Superuser können die Rolle „Administration“ vergeben." in response.content.decode()
    editor.refresh_from_db()
    assert not editor.is_superuser
    assert list(editor.groups.values_list("name", flat=True)) == [REDAKTION]

    # Without the Administration role in the request, the superuser flag alone is ignored.
    admin_browser.post(f"/admin/users/edit/{editor.pk}/", edit_user_form(admin_browser, editor, is_superuser="on"))
    editor.refresh_from_db()
    assert not editor.is_superuser


def test_editing_a_colleague_keeps_their_administration_role(admin_browser):
    colleague = make_user("kollege", ADMINISTRATION)
    data = edit_user_form(admin_browser, colleague, first_name="Karl")
    assert admin_browser.post(f"/admin/users/edit/{colleague.pk}/", data).status_code == 302
    colleague.refresh_from_db()
    assert colleague.first_name == "Karl"
    assert colleague.groups.filter(name=ADMINISTRATION).exists()


def test_administration_cannot_take_over_a_superuser_account(admin_browser):
    boss = User.objects.create_superuser("chefin", "chefin@example.org", PASSWORD)
    assert admin_browser.get(f"/admin/users/edit/{boss.pk}/").status_code in (302, 403)
    data = {"username": "chefin", "email": "boese@example.org", "first_name": "C", "last_name": "C"}
    admin_browser.post(f"/admin/users/edit/{boss.pk}/", {**data, "password1": "x" * 20, "password2": "x" * 20})
    boss.refresh_from_db()
    assert boss.email == "chefin@example.org"
    assert boss.check_password(PASSWORD)


def test_bulk_assign_role_cannot_hand_out_the_administration(admin_browser):
    editor = make_user("redakteurin", REDAKTION)
    url = f"/admin/bulk/auth/user/assign_role/?next=/admin/users/&id={editor.pk}"
    data = {**form_fields(admin_browser.get(url).content.decode()), "role": group_id(ADMINISTRATION)}
    response = admin_browser.post(url, data, follow=True)
    assert "Nur Superuser können die Rolle „Administration“ vergeben." in response.content.decode()
    assert not editor.groups.filter(name=ADMINISTRATION).exists()

    data = {**form_fields(admin_browser.get(url).content.decode()), "role": group_id(MODERATION)}
    admin_browser.post(url, data)
    assert editor.groups.filter(name=MODERATION).exists()


def test_administration_cannot_edit_or_delete_its_own_group(admin_browser):
    administration = Group.objects.get(name=ADMINISTRATION)
    before = set(administration.permissions.values_list("pk", flat=True))
    assert admin_browser.get(f"/admin/groups/edit/{administration.pk}/").status_code in (302, 403)
    everything = [str(pk) for pk in Permission.objects.values_list("pk", flat=True)]
    admin_browser.post(f"/admin/groups/edit/{administration.pk}/", {"name": ADMINISTRATION, "permissions": everything})
    admin_browser.post(f"/admin/groups/delete/{administration.pk}/", {})
    administration.refresh_from_db()
    assert set(administration.permissions.values_list("pk", flat=True)) == before


def test_administration_cannot_make_another_group_an_administration(admin_browser):
    redaktion = Group.objects.get(name=REDAKTION)
    change_user = Permission.objects.get(content_type__app_label="auth", codename="change_user")
    page = admin_browser.get(f"/admin/groups/edit/{redaktion.pk}/").content.decode()
    assert f'value="{change_user.pk}"' not in page
    data = form_fields(page)
    data["permissions"] = [*data.get("permissions", []), str(change_user.pk)]
    admin_browser.post(f"/admin/groups/edit/{redaktion.pk}/", data)
    assert not redaktion.permissions.filter(pk=change_user.pk).exists()

    data = form_fields(admin_browser.get("/admin/groups/new/").content.decode())
    admin_browser.post("/admin/groups/new/", {**data, "name": "Schattenverwaltung", "permissions": [change_user.pk]})
    assert not Group.objects.filter(name="Schattenverwaltung", permissions=change_user).exists()


def test_administration_still_edits_other_groups(admin_browser):
    moderation = Group.objects.get(name=MODERATION)
    data = form_fields(admin_browser.get(f"/admin/groups/edit/{moderation.pk}/").content.decode())
    assert admin_browser.post(
        f"/admin/groups/edit/{moderation.pk}/", {**data, "name": "Moderation Bürgerideen"}
    ).status_code == (302)
    moderation.refresh_from_db()
    assert moderation.name == "Moderation Bürgerideen"
    assert moderation.permissions.filter(codename="change_barrierreport").exists()


def test_superusers_may_grant_everything(super_browser):
    response = super_browser.post(
        "/admin/users/new/",
        new_user_form(super_browser, is_superuser="on", groups=[group_id(ADMINISTRATION)]),
    )
    assert response.status_code == 302
    created = User.objects.get(username="neu")
    assert created.is_superuser
    assert created.groups.filter(name=ADMINISTRATION).exists()
    redaktion = Group.objects.get(name=REDAKTION)
    change_user = Permission.objects.get(content_type__app_label="auth", codename="change_user")
    data = form_fields(super_browser.get(f"/admin/groups/edit/{redaktion.pk}/").content.decode())
    data["permissions"] = [*data.get("permissions", []), str(change_user.pk)]
    assert super_browser.post(f"/admin/groups/edit/{redaktion.pk}/", data).status_code == 302
    assert redaktion.permissions.filter(pk=change_user.pk).exists()
