"""Log in to the back office the way a person does: the login form, with the CSRF token."""

from django.contrib.auth.models import Group, User
from django.test import Client

from .admin_forms import form_fields

PASSWORD = "ein-langes-Passwort-2030"


def make_user(username: str, *groups: str) -> User:
    user = User.objects.create_user(username, f"{username}@example.org", PASSWORD, first_name="Vor", last_name="Name")
    user.groups.add(*Group.objects.filter(name__in=groups))
    return user


def submit_login(browser: Client, username: str, password: str = PASSWORD, **extra):
    """Send the admin login form; return the response (not followed)."""
    data = form_fields(browser.get("/admin/login/", **extra).content.decode())
    return browser.post("/admin/login/", {**data, "username": username, "password": password}, **extra)


def log_in(browser: Client, user: User) -> None:
    response = submit_login(browser, user.username)
    assert response.status_code == 302, response.content.decode()[:500]
