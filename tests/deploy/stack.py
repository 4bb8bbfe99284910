"""The production recipe of deploy/ running on this machine: PostgreSQL, gunicorn and the task worker
as the systemd units start them, nginx with deploy/nginx/kek.conf and a self-signed certificate.

The files are used as they are; only the names that differ on a test machine are replaced
(`Stack.replacements`): /srv/kek, the ports, the certificate, the cache and log paths. Used by
tests/deploy, scripts/deploy_smoke.py and scripts/bench_load.py.
"""

import http.client
import os
import secrets
import shlex
import shutil
import socket
import ssl
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode, urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy"
HOST = "kek.example.de"
DEFAULT_POSTGRES = "postgres://kek:kek@127.0.0.1:5432/kek"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def postgres_url() -> str:
    url = os.environ.get("DATABASE_URL", "")
    return url if url.startswith(("postgres://", "postgresql://")) else DEFAULT_POSTGRES


def _postgres_answers(url: str) -> bool:
    import psycopg

    try:
        with psycopg.connect(url, connect_timeout=3):
            return True
    except psycopg.OperationalError:
        return False


def start_postgres() -> bool:
    """PostgreSQL at postgres_url(), started with pg_ctlcluster if it is installed but not running."""
    url = postgres_url()
    if _postgres_answers(url):
        return True
    clusters = sorted(Path("/etc/postgresql").glob("*/main")) if Path("/etc/postgresql").exists() else []
    if not clusters or not shutil.which("pg_ctlcluster"):
        return False
    subprocess.run(["pg_ctlcluster", clusters[-1].parent.name, "main", "start"], capture_output=True, check=False)
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        if _postgres_answers(url):
            return True
        time.sleep(0.5)
    return False


def missing() -> str | None:
    """Why the recipe cannot run here, in German, or None."""
    if not shutil.which("nginx"):
        return "nginx ist nicht installiert (apt-get install nginx)"
    if not shutil.which("openssl"):
        return "openssl ist nicht installiert"
    if not start_postgres():
        return f"kein PostgreSQL-Server erreichbar unter {urlsplit(postgres_url())._replace(netloc='…').geturl()}"
    return None


def unit_command(unit: str) -> list[str]:
    """The ExecStart of a systemd unit in deploy/systemd (the first, for units with several)."""
    for line in (DEPLOY / "systemd" / unit).read_text().splitlines():
        if line.startswith("ExecStart="):
            return shlex.split(line.removeprefix("ExecStart="))
    raise ValueError(f"{unit} hat kein ExecStart")


def env_file(path: Path) -> dict[str, str]:
    """KEY=VALUE lines of a systemd EnvironmentFile (comments and blank lines skipped)."""
    pairs = (line.split("=", 1) for line in path.read_text().splitlines() if line.strip() and not line.startswith("#"))
    return {key.strip(): value.strip() for key, value in pairs}


@dataclass
class Response:
    status: int
    headers: http.client.HTTPMessage
    body: bytes

    @property
    def text(self) -> str:
        return self.body.decode()

    @property
    def cache(self) -> str:
        return self.headers.get("X-Cache-Status", "")


@dataclass
class Visitor:
    """A browser talking HTTPS to nginx as https://kek.example.de:PORT, keeping its cookies."""

    stack: "Stack"
    cookies: dict[str, str] = field(default_factory=dict)

    def request(self, method: str, path: str, body: bytes = b"", headers: dict | None = None) -> Response:
        context = ssl._create_unverified_context()  # noqa: S323 - our own self-signed test certificate
        connection = http.client.HTTPSConnection("127.0.0.1", self.stack.https_port, timeout=60, context=context)
        headers = {"Host": self.stack.host, **(headers or {})}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        try:
            connection.request(method, path, body=body, headers=headers)
            answer = connection.getresponse()
            content = answer.read()
            for value in answer.headers.get_all("Set-Cookie") or []:
                for name, morsel in SimpleCookie(value).items():
                    self.cookies[name] = morsel.value
            return Response(answer.status, answer.headers, content)
        finally:
            connection.close()

    def get(self, path: str, headers: dict | None = None) -> Response:
        return self.request("GET", path, headers=headers)

    def post(self, path: str, values: dict) -> Response:
        body = urlencode(values).encode()
        headers = {
            "Content-Type": "application/x-www-form-urlencoded",
            # Django's CSRF check over HTTPS compares it with the host nginx passes on: without the
            # port (proxy_set_header Host $host), as a browser on port 443 sends it.
            "Referer": f"https://{HOST}{path}",
        }
        return self.request("POST", path, body, headers)


@dataclass
class Stack:
    var: Path
    database_url: str = ""
    app_port: int = field(default_factory=free_port)
    refresh_port: int = field(default_factory=free_port)
    https_port: int = field(default_factory=free_port)
    http_port: int = field(default_factory=free_port)
    env: dict[str, str] = field(default_factory=dict)
    processes: list[subprocess.Popen] = field(default_factory=list)
    worker: subprocess.Popen | None = None
    nginx_conf: Path | None = None

    @property
    def host(self) -> str:
        return f"{HOST}:{self.https_port}"

    @property
    def replacements(self) -> dict[str, str]:
        """What differs between the recipe's files and this machine, longest first."""
        return {
            "/etc/letsencrypt/live/kek.example.de/fullchain.pem": str(self.var / "tls" / "cert.pem"),
            "/etc/letsencrypt/live/kek.example.de/privkey.pem": str(self.var / "tls" / "key.pem"),
            "/etc/nginx/snippets/kek-proxy.conf": str(self.var / "nginx" / "kek-proxy.conf"),
            "/var/log/nginx/kek-access.log": str(self.var / "nginx" / "access.log"),
            "/var/cache/nginx/kek": str(self.var / "nginx" / "cache"),
            "/var/www/letsencrypt": str(self.var / "nginx" / "acme"),
            "/srv/kek/var": str(self.var / "app"),
            "/run/kek": str(self.var),
            "/srv/kek": str(ROOT),
            "127.0.0.1:8000": f"127.0.0.1:{self.app_port}",
            "127.0.0.1:8081": f"127.0.0.1:{self.refresh_port}",
            "listen 443 ssl http2;": f"listen 127.0.0.1:{self.https_port} ssl http2;",
            "listen 80;": f"listen 127.0.0.1:{self.http_port};",
        }

    def render(self, text: str) -> str:
        for old, new in self.replacements.items():
            text = text.replace(old, new)
        # No IPv6 on every test machine: the recipe's [::] listeners are left out.
        return "\n".join(line for line in text.splitlines() if "listen [::]" not in line) + "\n"

    # --- the parts -------------------------------------------------------------------------

    def create_database(self) -> None:
        import psycopg

        parts = urlsplit(postgres_url())
        name = f"{parts.path.lstrip('/') or 'kek'}_deploy_{os.getpid()}"
        with psycopg.connect(urlunsplit(parts._replace(path="/postgres")), autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
            conn.execute(f'CREATE DATABASE "{name}"')
        self.database_url = urlunsplit(parts._replace(path="/" + name))

    def drop_database(self) -> None:
        import psycopg

        if not self.database_url:
            return
        parts = urlsplit(self.database_url)
        with psycopg.connect(urlunsplit(parts._replace(path="/postgres")), autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{parts.path.lstrip("/")}" WITH (FORCE)')

    def make_env(self, allowed_hosts: list[str] = ()) -> None:
        recipe = {key: self.render(value).strip() for key, value in env_file(DEPLOY / "kek.env.example").items()}
        self.env = {
            **{k: v for k, v in os.environ.items() if not k.startswith(("KEK_", "DJANGO_"))},
            **recipe,
            "SECRET_KEY": secrets.token_urlsafe(50),
            "DATABASE_URL": self.database_url,
            "ALLOWED_HOSTS": ",".join([HOST, "127.0.0.1", *allowed_hosts]),
            "KEK_BASE_URL": f"https://{self.host}",
        }

    def manage(self, *args: str, check: bool = True) -> subprocess.CompletedProcess:
        command = [sys.executable, str(ROOT / "manage.py"), *args]
        return subprocess.run(command, env=self.env, cwd=ROOT, check=check, capture_output=True, text=True)

    def shell(self, code: str) -> str:
        """Run Python in the portal's Django (as an editor's request would: same settings, same
        cache refresh); returns the last line it printed."""
        lines = self.manage("shell", "-c", code).stdout.strip().splitlines()
        return lines[-1] if lines else ""

    def prepare(self, *commands: list[str]) -> None:
        self.manage("migrate", "--noinput", "-v0")
        for command in commands or [["setup_site"]]:
            self.manage(*command)
        self.manage("collectstatic", "--noinput", "-v0")
        # The import leaves some 2,000 of Wagtail's bookkeeping tasks (reference index), which the
        # worker needs minutes for on a busy test machine; the tests need none of them (as in
        # tests/worker), and /healthz would report the queue as stuck meanwhile.
        self.shell("from django_tasks_db.models import DBTaskResult; DBTaskResult.objects.all().delete()")

    def _unit(self, unit: str, log: str) -> subprocess.Popen:
        command = [self.render(part).strip() for part in unit_command(unit)]
        with open(self.var / log, "ab") as output:
            return subprocess.Popen(command, env=self.env, cwd=ROOT, stdout=output, stderr=output)

    def start_app(self) -> None:
        self.processes.append(self._unit("kek-web.service", "gunicorn.log"))

    def start_worker(self) -> None:
        self.worker = self._unit("kek-worker.service", "worker.log")

    def certificate(self) -> None:
        tls = self.var / "tls"
        tls.mkdir(exist_ok=True)
        subprocess.run(
            ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", f"/CN={HOST}",
             "-keyout", str(tls / "key.pem"), "-out", str(tls / "cert.pem")],
            check=True, capture_output=True,
        )  # fmt: skip

    def start_nginx(self) -> None:
        conf = self.var / "nginx"
        for sub in ("cache", "acme", "temp"):
            (conf / sub).mkdir(parents=True, exist_ok=True)
        (conf / "kek-proxy.conf").write_text(self.render((DEPLOY / "nginx" / "kek-proxy.conf").read_text()))
        (conf / "kek.conf").write_text(self.render((DEPLOY / "nginx" / "kek.conf").read_text()))
        temp = conf / "temp"
        user = "user root;" if os.geteuid() == 0 else ""  # workers must read this test's private folders
        self.nginx_conf = conf / "nginx.conf"
        self.nginx_conf.write_text(
            f"""{user}
worker_processes auto;
pid {conf / "nginx.pid"};
error_log {conf / "error.log"} warn;
events {{ worker_connections 4096; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    sendfile on;
    tcp_nopush on;
    server_tokens off;
    client_body_temp_path {temp}/body;
    proxy_temp_path {temp}/proxy;
    fastcgi_temp_path {temp}/fastcgi;
    uwsgi_temp_path {temp}/uwsgi;
    scgi_temp_path {temp}/scgi;
    access_log off;
    include {conf / "kek.conf"};
}}
"""
        )
        subprocess.run(["nginx", "-t", "-q", "-c", str(self.nginx_conf)], check=True, capture_output=True)
        subprocess.run(["nginx", "-c", str(self.nginx_conf)], check=True, capture_output=True)

    def nginx_pid(self) -> int | None:
        pid_file = self.var / "nginx" / "nginx.pid"
        return int(pid_file.read_text()) if pid_file.exists() else None

    def stop_nginx(self) -> None:
        pid = self.nginx_pid()
        if pid is None:
            return
        try:
            os.kill(pid, 15)
        except ProcessLookupError:
            return
        wait_for(lambda: not _alive(pid), seconds=20, what="nginx hält an")

    def stop_worker(self) -> None:
        if self.worker and self.worker.poll() is None:
            self.worker.terminate()
            self.worker.wait(timeout=60)
        self.worker = None

    # --- all together ----------------------------------------------------------------------

    def start(self, *prepare: list[str], worker: bool = True, allowed_hosts: list[str] = ()) -> "Stack":
        (self.var / "app").mkdir(parents=True, exist_ok=True)
        self.create_database()
        self.make_env(allowed_hosts)
        self.prepare(*prepare)
        self.start_app()
        if worker:
            self.start_worker()
        self.certificate()
        self.start_nginx()
        visitor = Visitor(self)
        wait_for(lambda: _status(visitor, "/") == 200, seconds=60, what="Die Startseite antwortet über nginx.")
        return self

    def stop(self) -> None:
        self.stop_nginx()
        self.stop_worker()
        for process in self.processes:
            if process.poll() is None:
                process.terminate()
                process.wait(timeout=30)
        self.drop_database()


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def _status(visitor: Visitor, path: str) -> int:
    try:
        return visitor.get(path).status
    except OSError:
        return 0


def wait_for(condition: Callable[[], object], *, seconds: float, what: str) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"Nicht eingetreten innerhalb von {seconds} s: {what}")
        time.sleep(0.1)
