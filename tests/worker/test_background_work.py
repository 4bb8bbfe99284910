"""The task worker as a real process: a publication reaches the search through one queued rebuild,
mail reaches a real SMTP server, a mail server that is down is tried again and, when it stays down,
the failure shows in the admin report for the Administration only; /healthz follows the worker."""

import signal
import subprocess
import sys
from pathlib import Path
from urllib.parse import quote

import pytest
from bs4 import BeautifulSoup

from .conftest import ROOT, Site, free_port, smtp_server, wait_for

pytestmark = pytest.mark.kek2030  # the server's own database holds the KEK 2030

PUBLISH = """
import json
from django.db import transaction
from django_tasks_db.models import DBTaskResult
from kek.plan.models import Project
rebuilds = DBTaskResult.objects.filter(task_path="kek.search.tasks.rebuild_index")
before = set(rebuilds.values_list("id", flat=True))
with transaction.atomic():
    for old, new in RENAMES:
        project = Project.objects.get(title=old)
        project.title = new
        project.save_revision().publish()
print(json.dumps({"queued": len(set(rebuilds.values_list("id", flat=True)) - before)}))
"""


def publish(site: Site, *renames: tuple[str, str]) -> int:
    """Rename and publish projects in one transaction; return how many rebuilds it queued."""
    return site.shell(PUBLISH.replace("RENAMES", repr(list(renames))))["queued"]


REPORT = """
import json
from wagtail.models import Site
from kek.legal.models import BarrierReport
report = BarrierReport.objects.create(
    site=Site.objects.get(is_default_site=True), page_url="/starker-wirtschaftsstandort/", description="Die Tabelle ist mit dem Screenreader nicht lesbar.",
    name="Kim Muster", email="kim@example.org")
print(json.dumps({"id": report.pk, "due": report.answer_due.strftime("%d.%m.%Y")}))
"""

SUBMIT = """
import json
from django.contrib.auth.models import User
from kek.plan.models import ApproachPage
page = ApproachPage.objects.get(slug="infrastruktur")
editor = User.objects.get(username="fachdienst")
page.save_revision(user=editor)
page.get_workflow().start(page, editor)
print(json.dumps({"title": page.title}))
"""

MAIL = """
import json
from django.core.mail import send_mail
print(json.dumps({"sent": send_mail("SUBJECT", "Eine Nachricht aus dem Test.", None, ["redakteurin@example.org"])}))
"""

REPORT_URL = "/admin/hintergrundaufgaben/"


def task_rows(site: Site) -> list[dict[str, str]]:
    """The admin report's rows as the Administration sees them, keyed by column heading."""
    response = site.get(REPORT_URL, user="verwaltung")
    assert response.status == 200, response.status
    soup = BeautifulSoup(response.text, "html.parser")
    table = soup.select_one("table.listing")
    if table is None:
        return []
    headings = [th.get_text(" ", strip=True) for th in table.select("thead th")]
    return [
        dict(zip(headings, (td.get_text(" ", strip=True) for td in tr.select("td")), strict=False))
        for tr in table.select("tbody tr")
    ]


def mail_rows(site: Site, subject: str) -> list[dict[str, str]]:
    return [row for row in task_rows(site) if row["Betreff"] == subject]


def test_one_transaction_queues_one_rebuild_and_the_worker_brings_it_into_the_search(worker):
    renames = [
        ("Radwegemeister", "Radwegemeisterei im Amt Crivitz"),
        ("Kostenloses WLAN an öffentlichen Punkten", "Kostenloses WLAN in allen Amtsgebäuden"),
    ]
    assert publish(worker, *renames) == 1  # two publications, one rebuild
    for query, title in [("Radwegemeisterei", "Radwegemeisterei im Amt Crivitz"), ("Amtsgebäuden", "Amtsgebäuden")]:
        wait_for(
            lambda q=query, t=title: t in worker.get(f"/suche/?q={quote(q)}").text, what=f"„{title}“ ist zu finden."
        )


def test_barrier_report_notice_reaches_the_redaktion_by_smtp_without_the_reporters_details(worker):
    with smtp_server() as inbox:
        report = worker.shell(REPORT)
        [message] = wait_for(lambda: inbox.to("redakteurin@example.org"), what="Die Redaktion hat Post.")
    body = message.get_content()
    assert message["Subject"].strip() == f"Neuer Hinweis auf eine Barriere (Antwort bis {report['due']})"
    assert message["From"] == "kek-portal@example.org"
    assert f"Antwort fällig bis: {report['due']}" in body
    assert f"https://kek.example.org/admin/snippets/legal/barrierreport/edit/{report['id']}/" in body
    for personal in ("Kim Muster", "kim@example.org", "Screenreader", "/starker-wirtschaftsstandort/"):
        assert personal not in body
    assert not inbox.to("verwaltung@example.org") and not inbox.to("fachdienst@example.org")


def test_wagtail_workflow_notice_reaches_the_approvers_by_smtp(worker):
    with smtp_server() as inbox:
        page = worker.shell(SUBMIT)  # a Fachdienst editor submits a page for approval
        [message] = wait_for(lambda: inbox.to("redakteurin@example.org"), what="Die Redaktion wird benachrichtigt.")
    assert page["title"] in message["Subject"] or page["title"] in message.get_body(("plain",)).get_content()
    assert not inbox.to("fachdienst@example.org")  # the submitter is not told about their own submission


def test_mail_is_retried_until_the_smtp_server_is_back(worker):
    worker.shell(MAIL.replace("SUBJECT", "Zweiter Versuch"))  # no SMTP server is listening yet
    waiting = wait_for(
        lambda: [r for r in mail_rows(worker, "Zweiter Versuch") if r["Status"] == "Wartet" and r["Fehler"]],
        what="Der erste Versuch ist gescheitert und ein neuer geplant.",
    )
    assert waiting[0]["Versuche"] in {"1", "2"}
    assert "ConnectionRefusedError" in waiting[0]["Fehler"]
    with smtp_server() as inbox:
        [message] = wait_for(lambda: inbox.to("redakteurin@example.org"), what="Die Mail kommt beim Neuversuch an.")
    assert message["Subject"].strip() == "Zweiter Versuch"
    assert not mail_rows(worker, "Zweiter Versuch")  # delivered: no longer failed or pending


def test_mail_that_keeps_failing_shows_in_the_report_for_the_administration_only(worker):
    worker.shell(MAIL.replace("SUBJECT", "Kein Server"))
    [failed] = wait_for(
        lambda: [r for r in mail_rows(worker, "Kein Server") if r["Status"] == "Fehlgeschlagen"],
        what="Die Mail ist nach allen Versuchen als fehlgeschlagen gemeldet.",
    )
    assert failed["Versuche"] == "3"
    assert "ConnectionRefusedError" in failed["Fehler"]

    listing = BeautifulSoup(worker.get(REPORT_URL, user="verwaltung").text, "html.parser")
    detail = worker.get(listing.select_one("table.listing tbody a")["href"], user="verwaltung")
    assert detail.status == 200
    assert "Traceback" in detail.text and "ConnectionRefusedError" in detail.text
    assert REPORT_URL in worker.get("/admin/", user="verwaltung").text  # in the menu

    for user in ("redakteurin", "fachdienst"):
        assert worker.get(REPORT_URL, user=user).status in {302, 403}
        assert "ConnectionRefusedError" not in worker.get(REPORT_URL, user=user).text
        assert REPORT_URL not in worker.get("/admin/", user=user).text


def test_healthz_is_healthy_with_a_worker_and_fails_when_it_stops(worker):
    assert worker.get("/", proxied=False).status == 301  # HTTPS is enforced for everything else
    healthy = worker.get("/healthz", proxied=False)  # a probe asks the server directly
    assert healthy.status == 200, healthy.text
    assert healthy.headers["Content-Type"] == "application/json"
    assert "Set-Cookie" not in healthy.headers
    assert healthy.json() == {"healthy": True, "checks": {"Database": "OK", "Cache": "OK", "TaskWorker": "OK"}}

    worker.stop_worker()
    unhealthy = wait_for(
        lambda: (r := worker.get("/healthz", proxied=False)).status == 503 and r,
        timeout=30,
        what="/healthz meldet 503.",
    )
    checks = unhealthy.json()["checks"]
    assert checks["Database"] == checks["Cache"] == "OK"
    assert checks["TaskWorker"].startswith("Unavailable: Aufgaben warten länger als 3 s")

    worker.start_worker()
    wait_for(lambda: worker.get("/healthz", proxied=False).status == 200, what="/healthz ist wieder gesund.")


def test_make_run_serves_with_a_worker_and_stops_both_together(worker):
    """scripts/serve.py is what `make run` starts: gunicorn and the worker, stopped as one."""
    worker.stop_worker()  # the supervisor's own worker must do the work
    port = free_port()
    serve = subprocess.Popen([sys.executable, str(ROOT / "scripts" / "serve.py"), str(port)], env=worker.env, cwd=ROOT,
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
    try:
        children = wait_for(lambda: _children(serve.pid) if len(_children(serve.pid)) == 2 else None, what="2 Kinder")
        served = Site(port, worker.env, worker.sessions)
        wait_for(lambda: _status(served, "/healthz") == 200, what="Der Server antwortet.")
        assert publish(served, ("Großflächige Entwicklung Wittenburg Village", "Gewerbepark Wittenburg Village")) == 1
        wait_for(lambda: "Gewerbepark" in served.get("/suche/?q=Gewerbepark").text, what="Die Suche findet es.")
    finally:
        serve.send_signal(signal.SIGTERM)
        assert serve.wait(timeout=60) == 0
    assert not any(Path(f"/proc/{pid}").exists() for pid in children)  # gunicorn and worker are gone


def _children(pid: int) -> list[int]:
    path = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(child) for child in path.read_text().split()] if path.exists() else []


def _status(site: Site, path: str) -> int:
    try:
        return site.get(path, proxied=False).status
    except OSError:
        return 0
