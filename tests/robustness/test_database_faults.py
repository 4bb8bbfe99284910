"""When the database cannot take a write, visitors get a 503 page and keep what they typed.

The faults are real ones of the database under test: SQLite refusing writes on a read-only
connection (`PRAGMA query_only`) or a full file (`PRAGMA max_page_count`), PostgreSQL refusing
writes in a read-only transaction. A lock held by another connection is tested against the live
server (tests/browser/test_form_faults.py), where the production busy and lock timeouts apply.
"""

import logging
from contextlib import contextmanager

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import User
from django.db import connection
from django.test import Client

from kek.legal.models import BarrierReport

pytestmark = [pytest.mark.django_db, pytest.mark.kek2030]

FORM_URL = "/barrierefreiheit/"
DESCRIPTION = "Das PDF zum Handlungsfeld ist nicht barrierefrei: keine Überschriften, keine Tags."
PASSWORD = "ein-langes-Passwort-2030"


@contextmanager
def read_only_database():
    """Make the test's own connection (the one the views use) refuse every write."""
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("PRAGMA query_only = ON")
        else:
            cursor.execute("SET transaction_read_only = on")  # ends with the test's transaction
    try:
        yield
    finally:
        if connection.vendor == "sqlite":  # the raw connection: Django's refuses after a failed write
            connection.connection.execute("PRAGMA query_only = OFF")


@contextmanager
def full_database():
    """SQLite: let the file grow no further, so the next page it needs fails with SQLITE_FULL."""
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA max_page_count")
        limit = cursor.fetchone()[0]
        cursor.execute("PRAGMA page_count")
        cursor.execute(f"PRAGMA max_page_count = {cursor.fetchone()[0]}")
    try:
        yield
    finally:
        connection.connection.execute(f"PRAGMA max_page_count = {limit}")


def _faults() -> list:
    faults = [pytest.param(read_only_database, id="read-only")]
    faults.append(
        pytest.param(
            full_database,
            id="disk-full",
            marks=pytest.mark.skipif(connection.vendor != "sqlite", reason="a full disk is simulated with SQLite"),
        )
    )
    return faults


def _form_values(client: Client) -> dict:
    soup = BeautifulSoup(client.get(FORM_URL).content.decode(), "html.parser")
    return {
        "token": soup.find("input", attrs={"name": "token"})["value"],
        "page_url": "/starker-wirtschaftsstandort/",
        "description": DESCRIPTION * 55,  # long enough to need new pages in the file
        "name": "Kim Muster",
        "email": "kim@example.org",
    }


@pytest.mark.parametrize("fault", _faults())
def test_feedback_form_answers_503_and_keeps_the_text(fault, caplog):
    client = Client(raise_request_exception=False)
    values = _form_values(client)
    with fault(), caplog.at_level(logging.ERROR):
        response = client.post(FORM_URL, values)
    assert response.status_code == 503
    assert response["Retry-After"]
    soup = BeautifulSoup(response.content.decode(), "html.parser")
    alert = soup.select_one(".kek-storage-failed").get_text(" ", strip=True)
    assert "Wir konnten Ihre Nachricht gerade nicht speichern" in alert
    assert "in einigen Minuten erneut" in alert
    assert soup.find("textarea", attrs={"name": "description"}).get_text().removeprefix("\n") == values["description"]
    assert soup.find("input", attrs={"name": "name"})["value"] == "Kim Muster"
    assert soup.find("input", attrs={"name": "email"})["value"] == "kim@example.org"
    assert "kern.min.css" in response.content.decode()
    assert any("nicht gespeichert" in r.getMessage() and r.exc_info for r in caplog.records)
    assert not BarrierReport.objects.exists()


def test_admin_login_answers_503_page(caplog):
    """Logging in writes (session, last login); a full disk is left out here, as these small
    writes still fit into the pages SQLite already has."""
    User.objects.create_superuser("redaktion", "redaktion@example.org", PASSWORD)
    client = Client(raise_request_exception=False)
    with read_only_database(), caplog.at_level(logging.ERROR):
        response = client.post("/admin/login/", {"username": "redaktion", "password": PASSWORD})
    assert response.status_code == 503
    assert response["Retry-After"]
    html = response.content.decode()
    assert "vorübergehend" in html and "kern.min.css" in html
    assert "Traceback" not in html and "OperationalError" not in html
    assert any("Datenbank" in r.getMessage() and r.exc_info for r in caplog.records)


def test_a_programming_error_is_still_a_500_not_a_503(client):
    """Only faults that pass (locks, full disk, read-only) become 503; a missing table is a bug."""
    with connection.cursor() as cursor:
        cursor.execute("DROP TABLE legal_barrierreport")
    client = Client(raise_request_exception=False)
    values = _form_values(client)
    response = client.post(FORM_URL, values)
    assert response.status_code == 500
    assert "Technischer Fehler" in response.content.decode()
