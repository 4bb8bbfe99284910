"""Log in to the back office the way a person does: the login form with its CSRF token and, where
the role requires it, the code of an authenticator app computed from the device's key."""

from django.contrib.auth.models import Group, User
from django.test import Client
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from .admin_forms import form_fields

PASSWORD = "ein-langes-Passwort-2030"
VERIFY_URL = "/admin/anmeldung/code/"
ENROL_URL = "/admin/anmeldung/app-einrichten/"


def make_user(username: str, *groups: str) -> User:
    user = User.objects.create_user(username, f"{username}@example.org", PASSWORD, first_name="Vor", last_name="Name")
    user.groups.add(*[Group.objects.get(name=name) for name in groups])  # a missing group fails here
    return user


def app_code(device: TOTPDevice, steps_ahead: int = 0) -> str:
    """What the authenticator app shows now (or that many 30-second steps later)."""
    return (
        f"{totp(device.bin_key, device.step, device.t0, device.digits, device.drift + steps_ahead):0{device.digits}d}"
    )


def submit_login(browser: Client, username: str, password: str = PASSWORD, **extra):
    """Send the admin login form; return the response (not followed)."""
    data = form_fields(browser.get("/admin/login/", **extra).content.decode())
    return browser.post("/admin/login/", {**data, "username": username, "password": password}, **extra)


def submit_code(browser: Client, url: str, code: str):
    data = form_fields(browser.get(url).content.decode(), "form.login-form")
    return browser.post(url, {**data, "code": code})


def log_in(browser: Client, user: User) -> None:
    """Password, then (if the role asks) set up the app or enter its code; ends in the admin."""
    response = submit_login(browser, user.username)
    assert response.status_code == 302, response.content.decode()[:500]
    landing = browser.get("/admin/")
    if landing.status_code == 302 and landing["Location"].startswith(ENROL_URL):
        browser.get(ENROL_URL)
        device = TOTPDevice.objects.get(user=user, confirmed=False)
        assert submit_code(browser, ENROL_URL, app_code(device)).status_code == 302
    elif landing.status_code == 302 and landing["Location"].startswith(VERIFY_URL):
        device = TOTPDevice.objects.get(user=user, confirmed=True)
        assert submit_code(browser, VERIFY_URL, app_code(device, steps_ahead=1)).status_code == 302
    assert browser.get("/admin/").status_code == 200
