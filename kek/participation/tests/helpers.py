"""A visitor's browser in tests: opens a form, keeps its hidden fields, sends what it typed."""

import re

from bs4 import BeautifulSoup
from django.contrib.auth.models import Group, User
from django.core import mail
from django.test import Client, TestCase
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

FORM_URL = "/mitmachen/idee-einreichen/"
LINK = re.compile(r"https?://\S+/mitmachen/\S+/")


def browser() -> Client:
    return Client(enforce_csrf_checks=True)


def member_of(group: Group) -> Client:
    """The back office as a new member of `group`. Members of the Administration log in with a
    second factor: their session is marked verified, as after entering the code."""
    user = User.objects.create_user("person", "person@example.org")
    user.groups.add(group)
    client = Client()
    client.force_login(user)
    if group.name == "Administration":
        session = client.session
        session[DEVICE_ID_SESSION_KEY] = TOTPDevice.objects.create(user=user, name="T", confirmed=True).persistent_id
        session.save()
    return client


def hidden_fields(html: str) -> dict[str, str]:
    soup = BeautifulSoup(html, "html.parser")
    return {tag["name"]: tag.get("value", "") for tag in soup.select("form[method=post] input[type=hidden]")}


def proposal_values(concept, **changes) -> dict:
    values = {
        "title": "Rufbus am Wochenende",
        "description": "Ein Rufbus, der auch samstags und sonntags die Dörfer mit der Stadt verbindet.",
        "approach": str(concept.approach.pk),
        "sub_region": "",
        "place": "",
        "author_name": "Kim",
        "email": "kim@example.org",
        "consent": "on",
        "website": "",
    }
    values.update(changes)
    return values


def post(client: Client, url: str, values: dict | None = None):
    """POST as a browser does; what the request queues for after its commit (mails) runs too, as on
    a server (the test's own transaction never commits)."""
    with TestCase.captureOnCommitCallbacks(execute=True):
        return client.post(url, values or {})


def send_form(client: Client, url: str, values: dict):
    """GET the form (cookie, token, time stamp), then POST it with `values` on top of its hidden fields."""
    hidden = hidden_fields(client.get(url).content.decode())
    return post(client, url, {**hidden, **values})


def links_in(message) -> list[str]:
    return LINK.findall(message.body if hasattr(message, "body") else str(message))


def last_link(to: str) -> str:
    """The link in the newest mail to `to` (Django's test outbox)."""
    messages = [m for m in mail.outbox if to in m.to]
    assert messages, f"keine E-Mail an {to}"
    return links_in(messages[-1])[0]


def soup(response) -> BeautifulSoup:
    return BeautifulSoup(response.content.decode(), "html.parser")
