"""Background work for real: gunicorn and `manage.py db_worker` as separate processes on a database of
their own (an SQLite file, or a fresh PostgreSQL database when DATABASE_URL names one), with the
concept loaded and an SMTP server (aiosmtpd) that the tests start and stop.

The server runs the production settings in HTTPS mode, as behind the county's proxy: requests that
stand for a visitor or editor carry `X-Forwarded-Proto: https`, probes of /healthz do not. Retries and
the health check's patience are shortened (KEK_TASK_RETRY_DELAY, KEK_TASK_MAX_WAIT) so that the
tests take seconds; every wait is a poll with a deadline.
"""

import email
import email.policy
import http.client
import json
import os
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

import pytest
from aiosmtpd.controller import Controller

from tests.databases import server_database

ROOT = Path(__file__).resolve().parents[2]
T = TypeVar("T")

PREPARE = """
import json
from django.contrib.auth.models import Group, User
from django.test import Client
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_tasks_db.models import DBTaskResult
# The import leaves some 2,000 of Wagtail's own bookkeeping tasks; the tests need none of them.
DBTaskResult.objects.all().delete()
sessions = {}
for name, group in [("verwaltung", "Administration"), ("redakteurin", "Redaktion Regionalmanagement"),
                    ("fachdienst", "Fachdienst – Starker Wirtschaftsstandort")]:
    user = User.objects.create_user(name, name + "@example.org")
    user.groups.add(Group.objects.get(name=group))
    client = Client()
    client.force_login(user)
    if name == "verwaltung":  # the Administration signs in with a second factor: mark this session verified
        session = client.session
        session[DEVICE_ID_SESSION_KEY] = TOTPDevice.objects.create(user=user, name="Test", confirmed=True).persistent_id
        session.save()
    sessions[name] = client.cookies["sessionid"].value
print(json.dumps(sessions))
"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(check: Callable[[], T], timeout: float = 30, what: str = "") -> T:
    """Poll `check` until it returns something true; fail with `what` after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while True:
        result = check()
        if result:
            return result
        if time.monotonic() > deadline:
            raise AssertionError(f"Nach {timeout} s nicht eingetreten: {what}")
        time.sleep(0.1)


@dataclass
class Response:
    status: int
    headers: http.client.HTTPMessage
    text: str

    def json(self) -> dict:
        return json.loads(self.text)


@dataclass
class Site:
    """The running portal: its address, its environment, and the worker, which tests may stop."""

    port: int
    env: dict[str, str]
    sessions: dict[str, str] = field(default_factory=dict)
    worker: subprocess.Popen | None = None

    def manage(self, *args: str) -> str:
        command = [sys.executable, str(ROOT / "manage.py"), *args]
        return subprocess.run(command, env=self.env, cwd=ROOT, check=True, capture_output=True, text=True).stdout

    def shell(self, code: str) -> dict:
        """Run Python in the site's Django; the code prints one line of JSON as its last output."""
        return json.loads(self.manage("shell", "-c", code).strip().splitlines()[-1])

    def get(self, path: str, user: str | None = None, proxied: bool = True) -> Response:
        headers = {"X-Forwarded-Proto": "https"} if proxied else {}
        if user:
            headers["Cookie"] = f"sessionid={self.sessions[user]}"
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        try:
            connection.request("GET", path, headers=headers)
            response = connection.getresponse()
            return Response(response.status, response.headers, response.read().decode())
        finally:
            connection.close()

    def start_worker(self) -> None:
        command = [sys.executable, str(ROOT / "manage.py"), "db_worker", "--interval", "0.2", "--no-startup-delay"]
        self.worker = subprocess.Popen(command, env=self.env, cwd=ROOT, stdout=subprocess.DEVNULL)

    def stop_worker(self) -> None:
        if self.worker and self.worker.poll() is None:
            self.worker.terminate()
            self.worker.wait(timeout=30)
        self.worker = None


SMTP_PORT = free_port()


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Iterator[Site]:
    var = tmp_path_factory.mktemp("worker-site")
    with server_database(var, "worker") as database_url:
        port = free_port()
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "kek.settings.production",
            "SECRET_KEY": "worker-tests-only",
            "KEK_VAR_DIR": str(var),
            "KEK_BASE_URL": "https://kek.example.org",
            "DATABASE_URL": database_url,
            "KEK_BUILD_FILES": "0",  # the worker stays free for what these tests time; downloads build on request
            "ALLOWED_HOSTS": "127.0.0.1",
            "EMAIL_HOST": "127.0.0.1",
            "EMAIL_PORT": str(SMTP_PORT),
            "EMAIL_USE_TLS": "0",
            "DEFAULT_FROM_EMAIL": "kek-portal@example.org",
            "KEK_TASK_ATTEMPTS": "3",
            "KEK_TASK_RETRY_DELAY": "1",
            "KEK_TASK_MAX_WAIT": "3",
        }
        env.pop("KEK_HTTP_ONLY", None)
        site = Site(port, env)
        site.manage("migrate", "--noinput", "-v0")
        site.manage("setup_site")
        site.manage("collectstatic", "--noinput", "-v0")
        site.sessions = site.shell(PREPARE)  # users of three roles, logged in
        gunicorn = Path(sys.executable).with_name("gunicorn")
        server = subprocess.Popen(
            [str(gunicorn), "kek.wsgi", "--config", str(ROOT / "gunicorn.conf.py"), "--bind", f"127.0.0.1:{port}"],
            env=env,
            cwd=ROOT,
            stderr=subprocess.DEVNULL,
        )
        site.start_worker()
        try:
            wait_for(lambda: _answers(site), what="Der Testserver antwortet.")
            yield site
        finally:
            site.stop_worker()
            server.terminate()
            server.wait(timeout=30)


def _answers(site: Site) -> bool:
    try:
        return site.get("/", proxied=True).status == 200
    except OSError:
        return False


@pytest.fixture
def worker(site: Site) -> Iterator[Site]:
    """The site with its worker running, also after a test that stopped it."""
    if site.worker is None:
        site.start_worker()
    yield site
    if site.worker is None:
        site.start_worker()


class Inbox:
    """An aiosmtpd handler keeping every message it receives."""

    def __init__(self) -> None:
        self.messages: list[tuple[list[str], email.message.EmailMessage]] = []

    async def handle_DATA(self, server, session, envelope) -> str:
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        self.messages.append((list(envelope.rcpt_tos), message))
        return "250 Message accepted for delivery"

    def to(self, address: str) -> list[email.message.EmailMessage]:
        return [message for recipients, message in self.messages if address in recipients]


@contextmanager
def smtp_server() -> Iterator[Inbox]:
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=SMTP_PORT)
    controller.start()
    try:
        yield inbox
    finally:
        controller.stop()
