"""Reminders: what counts as due and stale, the digest per unit (never twice within the pause),
and the dashboard panel showing an editor only the items of their own field."""

import datetime

import pytest
from django.contrib.auth.models import Group, Permission, User
from django.core import mail
from django.test import Client
from django.utils import timezone
from wagtail.models import GroupPagePermission

from kek.monitoring.models import locate
from kek.monitoring.reminders import due_items, send_reminders
from kek.monitoring.vocabulary import Status
from kek.plan.tests.factories import branch

from .factories import record, unit

pytestmark = pytest.mark.django_db


def days_ago(days: int) -> datetime.date:
    return timezone.localdate() - datetime.timedelta(days=days)


def test_due_after_90_days_stale_after_180_finished_never(concept):
    record(concept.running[0], (days_ago(30), Status.IMPLEMENTING, "Frisch."))
    record(concept.running[1], (days_ago(100), Status.IMPLEMENTING, "Fällig."))
    record(concept.ideas[0], (days_ago(200), Status.PLANNED, "Veraltet."))
    record(concept.ideas[1], (days_ago(400), Status.COMPLETED, "Fertig."))
    due = {item.key: item.timeliness for item in due_items(locate(concept.home, None))}
    assert "ausbildungsmesse" not in due and "wlan-ortszentren" not in due
    assert due["gruendungswettbewerb"].stale is False
    assert due["azubi-ticket"].stale is True
    assert "berufsschulen" in due  # measures nobody has assessed since the decision (2023) are due too


def test_each_unit_gets_one_digest_of_its_items_and_not_again_within_the_pause(concept, settings):
    office = unit(concept.site, email="wirtschaft@musterland.example")
    silent = unit(concept.site, name="Ohne Adresse")
    record(concept.running[1], (days_ago(100), Status.IMPLEMENTING, "Fällig."), unit=office)
    record(concept.ideas[0], (days_ago(200), Status.PLANNED, "Veraltet."), unit=office)
    record(concept.ideas[1], (days_ago(200), Status.PLANNED, "Keine Adresse."), unit=silent)
    record(concept.running[0], (days_ago(10), Status.IMPLEMENTING, "Frisch."), unit=office)
    assert send_reminders.enqueue().return_value == 1
    [digest] = mail.outbox
    assert digest.to == ["wirtschaft@musterland.example"]
    assert "Gründungswettbewerb Musterland" in digest.body and "Azubi-Ticket" in digest.body
    assert "veraltet" in digest.body
    assert "Ausbildungsmesse" not in digest.body  # updated ten days ago
    assert "/projekte/azubi-ticket/" in digest.body
    assert send_reminders.enqueue().return_value == 0  # within the pause
    assert len(mail.outbox) == 1
    office.refresh_from_db()
    office.last_reminded_at -= datetime.timedelta(days=settings.KEK_REMIND_PAUSE_DAYS)
    office.save()
    assert send_reminders.enqueue().return_value == 1
    assert len(mail.outbox) == 2


def editor(name: str, page) -> Client:
    group = Group.objects.create(name=name)
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    GroupPagePermission.objects.create(
        group=group, page=page, permission=Permission.objects.get(codename="change_page")
    )
    user = User.objects.create_user(name, f"{name}@example.org", "pw")
    user.groups.add(group)
    client = Client()
    client.force_login(user)
    return client


def test_dashboard_panel_lists_only_the_editors_own_due_items(concept):
    other_approach = branch(concept.home, "Lebenswerte Dörfer")
    own = editor("fachdienst-wirtschaft", concept.field)
    other = editor("fachdienst-doerfer", other_approach.get_parent().get_parent().get_parent())
    record(concept.ideas[0], (days_ago(200), Status.PLANNED, "Veraltet."))
    panel = own.get("/admin/").content.decode()
    assert "Fortschreibung fällig" in panel and "Azubi-Ticket" in panel
    assert "Fortschreibung fällig" not in other.get("/admin/").content.decode()  # nothing of theirs is due
