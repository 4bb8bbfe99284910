"""Forms against the real server (gunicorn, production settings): twins sent at the same moment,
and another writer holding the database longer than the server waits."""

import os
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

from .conftest import run_manage
from .live import Visitor, is_postgres, query, reports_with_token, wait_until, write_lock

pytestmark = [pytest.mark.browser, pytest.mark.kek2030]  # the server's own database holds the KEK 2030

FORM = "/barrierefreiheit/"
THANKS = "/barrierefreiheit/danke/"
PASSWORD = "ein-langes-Passwort-2030"
LOCK_WAIT = 5  # seconds: SQLite busy timeout and PostgreSQL lock_timeout in kek/settings/base.py


def _values(visitor: Visitor, description: str) -> dict:
    return {**visitor.form(FORM), "description": description, "name": "Kim Muster", "email": "kim@example.org"}


def _send_twins(visitor: Visitor, values: dict) -> list:
    """Post the same form twice at the same moment, from two threads released by one barrier.

    On PostgreSQL both requests are also held at their insert by a SHARE lock until both wait
    there, then let go together: the race between check and insert happens every time.
    """
    barrier = threading.Barrier(2)

    def send():
        barrier.wait()
        return visitor.post(FORM, values)

    with ThreadPoolExecutor(2) as pool:
        if not is_postgres():
            return [future.result() for future in [pool.submit(send) for _ in range(2)]]
        with write_lock(["legal_barrierreport"]) as waiting:
            futures = [pool.submit(send) for _ in range(2)]
            wait_until(lambda: waiting() == 2, seconds=LOCK_WAIT - 1, what="beide Anfragen warten am Insert")
        return [future.result() for future in futures]


def test_same_form_sent_twice_at_the_same_moment_is_stored_once(site_url):
    for round_ in range(6):
        visitor = Visitor(site_url)
        values = _values(visitor, f"Zwillingsmeldung {round_}: Der Kontrast der Fußzeile ist zu gering.")
        responses = _send_twins(visitor, values)
        assert [r.status for r in responses] == [302, 302], [r.text[:300] for r in responses]
        assert all(r.headers["Location"].startswith(THANKS) for r in responses)
        assert reports_with_token(values["token"]) == 1


def test_locked_database_gives_503_that_keeps_the_text_then_the_form_goes_through(site_url):
    visitor = Visitor(site_url)
    values = _values(visitor, "Während einer Sperre gesendet: die Karte lässt sich nicht mit der Tastatur bedienen.")
    with write_lock(["legal_barrierreport", "core_formsubmission"]):
        started = time.monotonic()
        response = visitor.post(FORM, values)
        waited = time.monotonic() - started
    assert response.status == 503
    assert int(response.headers["Retry-After"]) > 0
    assert LOCK_WAIT - 1 <= waited < LOCK_WAIT + 10  # waited for the other writer, then gave up
    soup = response.soup
    assert "Wir konnten Ihre Nachricht gerade nicht speichern" in soup.select_one(".kek-storage-failed").get_text()
    assert soup.find("textarea", attrs={"name": "description"}).get_text().removeprefix("\n") == values["description"]
    assert soup.find("input", attrs={"name": "email"})["value"] == "kim@example.org"
    assert reports_with_token(values["token"]) == 0
    # The re-rendered form is complete: sent again once the lock is gone, it is stored.
    again = {tag["name"]: tag.get("value", "") for tag in soup.select("form[method=post] input[type=hidden]")}
    response = visitor.post(FORM, {**values, **again})
    assert response.status == 302
    assert reports_with_token(values["token"]) == 1


def test_locked_database_gives_the_admin_login_a_503_page(site_url):
    run_manage(
        "shell",
        "-c",
        "from django.contrib.auth.models import User; "
        f"User.objects.filter(username='sperre').exists() or User.objects.create_superuser('sperre', '', '{PASSWORD}')",
    )
    visitor = Visitor(site_url)
    hidden = visitor.form("/admin/login/")
    with write_lock(["auth_user", "django_session"]):
        response = visitor.post("/admin/login/", {**hidden, "username": "sperre", "password": PASSWORD})
    assert response.status == 503
    assert "vorübergehend" in response.text and "kern.min.css" in response.text
    assert int(response.headers["Retry-After"]) > 0


@pytest.mark.skipif(os.environ.get("DATABASE_URL", "").startswith("postgres"), reason="SQLite's journal mode")
def test_sqlite_runs_in_wal_mode(site_url):
    assert query("PRAGMA journal_mode", "")[0][0] == "wal"
