"""Browser tests run Debian's Chromium against a real gunicorn server on its own database.

The server is started once per session with production settings (DEBUG off, WhiteNoise,
manifest static files), the task worker beside it, and the KEK 2030 loaded, so the browser sees
what a visitor would.
"""

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tests.databases import server_database

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"


SERVER_ENV: dict[str, str] = {}


def run_manage(*args: str) -> str:
    """Run a management command against the browser tests' server database; return its output."""
    command = [sys.executable, str(ROOT / "manage.py"), *args]
    return subprocess.run(command, env=SERVER_ENV, check=True, cwd=ROOT, capture_output=True, text=True).stdout


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def site_url(tmp_path_factory):
    var = tmp_path_factory.mktemp("site")
    with server_database(var, "browser") as database_url:
        yield from _serve(var, database_url)


def _serve(var: Path, database_url: str):
    port = _free_port()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "kek.settings.production",
        "SECRET_KEY": "browser-tests-only",
        "KEK_HTTP_ONLY": "1",
        "KEK_VAR_DIR": str(var),
        "KEK_BASE_URL": f"http://127.0.0.1:{port}",
        "DATABASE_URL": database_url,
        "KEK_BUILD_FILES": "0",  # the worker stays free for what these tests time; downloads build on request
        "ALLOWED_HOSTS": "127.0.0.1",
    }
    SERVER_ENV.clear()
    SERVER_ENV.update(env)
    manage = [sys.executable, str(ROOT / "manage.py")]
    for command in (
        ["migrate", "--noinput", "-v0"],
        ["setup_site"],
        ["collectstatic", "--noinput", "-v0"],
    ):
        subprocess.run(manage + command, env=env, check=True, cwd=ROOT, stdout=subprocess.DEVNULL)
    gunicorn = Path(sys.executable).with_name("gunicorn")
    server = subprocess.Popen(
        [str(gunicorn), "kek.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", "2"],
        env=env,
        cwd=ROOT,
        stderr=subprocess.DEVNULL,
    )
    worker = subprocess.Popen(
        manage + ["db_worker", "--no-startup-delay"], env=env, cwd=ROOT, stderr=subprocess.DEVNULL
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            urllib.request.urlopen(url + "/", timeout=2)  # noqa: S310 - our own local server
            break
        except OSError:
            if time.monotonic() > deadline or server.poll() is not None:
                server.kill()
                raise RuntimeError("Der Testserver ist nicht gestartet.") from None
            time.sleep(0.3)
    yield url
    for process in (server, worker):
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ],
    }


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    # axe-core is injected as a script; the site's strict CSP would (rightly) block it.
    return {**browser_context_args, "bypass_csp": True, "locale": "de-DE"}


@pytest.fixture
def run_axe():
    def run(page) -> list[dict]:
        page.add_script_tag(path=str(AXE))
        result = page.evaluate(
            """() => axe.run(document, {runOnly: {type: 'tag', values:
                ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']}})"""
        )
        return [
            {"id": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"]][:5]}
            for v in result["violations"]
        ]

    return run
