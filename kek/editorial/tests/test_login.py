"""The back-office login: throttled against guessing, and with a second factor where a role asks.

Real requests through the login form with CSRF checks, on the real database. Time is moved by
ageing the stored attempts, as waiting would; nothing sleeps.
"""

import datetime

import pytest
from axes.models import AccessAttempt
from django.contrib.auth.models import Group, User
from django.core.management import call_command
from django.test import Client, override_settings
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from kek.editorial.models import LoginPolicy
from kek.editorial.roles import ADMINISTRATION, FACHDIENST_PREFIX, REDAKTION

from .admin_forms import form_fields
from .login import ENROL_URL, PASSWORD, VERIFY_URL, app_code, log_in, make_user, submit_code, submit_login

pytestmark = pytest.mark.django_db

LIMIT = 10  # the tenth failure locks
FACHDIENST = f"{FACHDIENST_PREFIX}Starke Wirtschaft"  # the group of the small concept's field


def browser() -> Client:
    return Client(enforce_csrf_checks=True)


def in_admin(client: Client) -> bool:
    return client.get("/admin/").status_code == 200


def assert_locked(response) -> None:
    assert response.status_code == 429
    assert response["Retry-After"] == "900"
    html = response.content.decode()
    assert "Anmeldung vorübergehend gesperrt" in html
    assert "für 15 Minuten gesperrt" in html
    assert "wagtailadmin" in html  # the admin's own look


def test_wrong_passwords_lock_the_login_and_even_the_right_one_is_refused():
    make_user("redakteurin", REDAKTION)
    client = browser()
    for _ in range(LIMIT - 1):
        response = submit_login(client, "redakteurin", "falsch-geraten-123")
        assert response.status_code == 200
        assert "redakteurin" in response.content.decode()  # the typed name stays in the form
    assert_locked(submit_login(client, "redakteurin", "der-zehnte-Fehlversuch"))
    assert_locked(submit_login(client, "redakteurin", PASSWORD))
    assert not in_admin(client)


def test_one_address_guessing_many_accounts_is_stopped():
    make_user("redakteurin", REDAKTION)
    client = browser()
    for n in range(LIMIT - 1):
        assert submit_login(client, f"rate-{n}", "falsch-geraten-123").status_code == 200
    assert_locked(submit_login(client, "rate-9", "falsch-geraten-123"))
    assert_locked(submit_login(client, "redakteurin", PASSWORD))


def test_many_addresses_guessing_one_account_are_stopped():
    make_user("redakteurin", REDAKTION)
    for n in range(LIMIT - 1):
        response = submit_login(browser(), "redakteurin", "falsch-geraten-123", REMOTE_ADDR=f"198.51.100.{n + 1}")
        assert response.status_code == 200
    assert_locked(submit_login(browser(), "redakteurin", "falsch-geraten-123", REMOTE_ADDR="198.51.100.10"))
    assert_locked(submit_login(browser(), "redakteurin", PASSWORD, REMOTE_ADDR="203.0.113.50"))
    # Others at those addresses are not affected by the lock on that one account.
    make_user("kollege", REDAKTION)
    assert submit_login(browser(), "kollege", PASSWORD, REMOTE_ADDR="203.0.113.50").status_code == 302


def test_the_lock_ends_after_the_cool_off_period():
    make_user("redakteurin", REDAKTION)
    client = browser()
    for _ in range(LIMIT):
        submit_login(client, "redakteurin", "falsch-geraten-123")
    assert_locked(submit_login(client, "redakteurin", PASSWORD))
    AccessAttempt.objects.update(attempt_time=timezone.now() - datetime.timedelta(minutes=14))
    assert_locked(submit_login(client, "redakteurin", PASSWORD))  # and trying again restarts the wait
    AccessAttempt.objects.update(attempt_time=timezone.now() - datetime.timedelta(minutes=16))
    assert submit_login(client, "redakteurin", PASSWORD).status_code == 302
    assert in_admin(client)


def test_an_administrator_can_lift_the_lock_at_once():
    make_user("redakteurin", REDAKTION)
    client = browser()
    for _ in range(LIMIT):
        submit_login(client, "redakteurin", "falsch-geraten-123")
    assert_locked(submit_login(client, "redakteurin", PASSWORD))
    call_command("axes_reset_username", "redakteurin")
    call_command("axes_reset_ip", "127.0.0.1")
    assert submit_login(client, "redakteurin", PASSWORD).status_code == 302


@override_settings(KEK_TRUSTED_PROXIES=["10.0.0.5"])
def test_behind_the_proxy_the_lock_hits_the_guessing_address_not_everyone():
    make_user("redakteurin", REDAKTION)
    guesser = {"REMOTE_ADDR": "10.0.0.5", "HTTP_X_FORWARDED_FOR": "198.51.100.66"}
    for n in range(LIMIT - 1):
        assert submit_login(browser(), f"rate-{n}", "falsch-geraten-123", **guesser).status_code == 200
    assert_locked(submit_login(browser(), "rate-9", "falsch-geraten-123", **guesser))
    assert_locked(submit_login(browser(), "redakteurin", PASSWORD, **guesser))
    colleague = {"REMOTE_ADDR": "10.0.0.5", "HTTP_X_FORWARDED_FOR": "203.0.113.20"}
    assert submit_login(browser(), "redakteurin", PASSWORD, **colleague).status_code == 302


def require_two_factor_for(group_name: str) -> None:
    """The Administration ticks "Zwei-Faktor-Anmeldung erforderlich" on the group's edit screen."""
    client = browser()
    log_in(client, make_user("verwaltung", ADMINISTRATION))
    group = Group.objects.get(name=group_name)
    page = client.get(f"/admin/groups/edit/{group.pk}/").content.decode()
    assert "Zwei-Faktor-Anmeldung erforderlich" in page
    data = form_fields(page)
    assert client.post(
        f"/admin/groups/edit/{group.pk}/", {**data, "login_policy-two_factor_required": "on"}
    ).status_code == (302)
    assert LoginPolicy.objects.get(group=group).two_factor_required


def test_a_role_requiring_two_factors_must_set_up_an_app_and_enter_its_code_at_every_login():
    require_two_factor_for(REDAKTION)
    user = make_user("redakteurin", REDAKTION)
    client = browser()

    # First login: the password alone leads only to setting up the app.
    assert submit_login(client, "redakteurin").status_code == 302
    for url in ("/admin/", "/admin/pages/", "/admin/snippets/plan/project/"):
        response = client.get(url)
        assert response.status_code == 302 and response["Location"].startswith(ENROL_URL), url
    page = client.get(ENROL_URL).content.decode()
    assert "<svg" in page and "Zwei-Faktor-Anmeldung einrichten" in page
    assert "http" not in page.split("<svg", 1)[1].split("</svg>", 1)[0].replace("http://www.w3.org/2000/svg", "")
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    response = submit_code(client, ENROL_URL, "000000" if app_code(device) != "000000" else "111111")
    assert response.status_code == 400
    assert "Dieser Code stimmt nicht" in response.content.decode()
    assert not in_admin(client)
    TOTPDevice.objects.filter(pk=device.pk).update(throttling_failure_timestamp=None)  # a moment later
    assert submit_code(client, ENROL_URL, app_code(device)).status_code == 302
    assert in_admin(client)

    # Every later login asks for a code; a wrong one keeps the admin closed.
    client.post("/admin/logout/", {"csrfmiddlewaretoken": client.cookies["csrftoken"].value})  # as the menu does
    assert not in_admin(client)
    assert submit_login(client, "redakteurin").status_code == 302
    response = client.get("/admin/pages/")
    assert response.status_code == 302 and response["Location"].startswith(VERIFY_URL)
    device.refresh_from_db()
    wrong = "000000" if app_code(device, 1) != "000000" else "111111"
    assert submit_code(client, VERIFY_URL, wrong).status_code == 400
    assert not in_admin(client)
    # Guessing is slowed down: right after a wrong code even the right one waits a moment.
    response = submit_code(client, VERIFY_URL, app_code(device, 1))
    assert "Bitte warten Sie einen Moment" in response.content.decode()
    assert not in_admin(client)
    TOTPDevice.objects.filter(pk=device.pk).update(throttling_failure_timestamp=None)  # a moment later
    assert submit_code(client, VERIFY_URL, app_code(device, 1)).status_code == 302
    assert in_admin(client)


def test_setting_up_a_second_app_needs_the_first():
    require_two_factor_for(REDAKTION)
    user = make_user("redakteurin", REDAKTION)
    TOTPDevice.objects.create(user=user, name="Authenticator-App", confirmed=True)
    client = browser()
    submit_login(client, "redakteurin")
    response = client.get(ENROL_URL)
    assert response.status_code == 302 and response["Location"].startswith(VERIFY_URL)
    assert not TOTPDevice.objects.filter(user=user, confirmed=False).exists()


def test_the_administration_requires_two_factors_from_the_start():
    assert LoginPolicy.requires_two_factor(make_user("verwaltung", ADMINISTRATION))
    client = browser()
    assert submit_login(client, "verwaltung").status_code == 302
    assert client.get("/admin/users/")["Location"].startswith(ENROL_URL)


@pytest.mark.usefixtures("concept")
def test_roles_without_the_requirement_log_in_as_before():
    make_user("fachdienst", FACHDIENST)
    client = browser()
    response = submit_login(client, "fachdienst")
    assert response.status_code == 302
    assert in_admin(client)
    assert not TOTPDevice.objects.exists()
    superuser = User.objects.create_superuser("chefin", "chefin@example.org", PASSWORD)
    client = browser()
    assert submit_login(client, superuser.username).status_code == 302
    assert in_admin(client)


def test_the_administration_resets_a_lost_app_and_the_next_login_sets_up_a_new_one():
    require_two_factor_for(REDAKTION)
    user = make_user("redakteurin", REDAKTION)
    log_in(browser(), user)  # sets up the first app
    assert TOTPDevice.objects.filter(user=user, confirmed=True).exists()
    admin = browser()
    log_in(admin, User.objects.get(username="verwaltung"))
    page = admin.get(f"/admin/users/edit/{user.pk}/").content.decode()
    assert "Authenticator-App zurücksetzen" in page
    assert (
        admin.post(f"/admin/users/edit/{user.pk}/", {**form_fields(page), "reset_two_factor": "on"}).status_code == 302
    )
    assert not TOTPDevice.objects.filter(user=user).exists()
    client = browser()
    submit_login(client, "redakteurin")
    assert client.get("/admin/")["Location"].startswith(ENROL_URL)
