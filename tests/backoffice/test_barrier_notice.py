"""A barrier report sent through the form tells those who handle the site's reports by e-mail (its
Redaktion and the installation-wide Moderation; not another site's Redaktion): that it arrived,
when the answer is due and where to read it, nothing about the person who reported it."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group, User
from django.core import mail

from kek.editorial.roles import MODERATION, REDAKTION
from kek.legal.models import BarrierReport

from ..conftest import OTHER

pytestmark = [pytest.mark.django_db, pytest.mark.kek2030]

FORM_URL = "/barrierefreiheit/"


def member(name: str, group: str, email: str, active: bool = True) -> User:
    user = User.objects.create_user(name, email, is_active=active)
    user.groups.add(Group.objects.get(name=group))
    return user


def test_form_report_mails_each_active_handler_of_the_site_with_an_address(
    client, other_site, django_capture_on_commit_callbacks
):
    member("anna", REDAKTION, "anna@kreis.example")
    member("ben", REDAKTION, "ben@kreis.example")
    member("carla", REDAKTION, "")  # no address
    member("dirk", REDAKTION, "dirk@kreis.example", active=False)
    member("emil", MODERATION, "emil@kreis.example")
    member("fritz", f"{REDAKTION} ({OTHER})", "fritz@musterkreis.example")  # another county's Redaktion
    token = BeautifulSoup(client.get(FORM_URL).content, "html.parser").find("input", attrs={"name": "token"})["value"]
    values = {
        "token": token,
        "page_url": "/starker-wirtschaftsstandort/",
        "description": "Die Tabelle ist mit dem Screenreader nicht lesbar.",
        "name": "Kim Muster",
        "email": "kim@example.org",
    }
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(FORM_URL, values).status_code == 302

    report = BarrierReport.objects.get()
    due = report.answer_due.strftime("%d.%m.%Y")
    assert sorted(address for message in mail.outbox for address in message.to) == [
        "anna@kreis.example",
        "ben@kreis.example",
        "emil@kreis.example",
    ]
    message = mail.outbox[0]
    assert message.subject == f"Neuer Hinweis auf eine Barriere (Antwort bis {due})"
    assert f"Antwort fällig bis: {due}" in message.body
    assert f"http://127.0.0.1:8000/admin/snippets/legal/barrierreport/edit/{report.pk}/" in message.body
    for personal in values.values():
        assert personal not in message.body and personal not in message.subject

    with django_capture_on_commit_callbacks(execute=True):
        report.status = BarrierReport.Status.IN_PROGRESS
        report.save()
    assert len(mail.outbox) == 3  # handling a report sends nothing more
