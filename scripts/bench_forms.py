"""Load on the proposal form: many people submitting at once, some of them double-clicking.

    make bench-forms                                        (SQLite: var/bench-forms/)
    DATABASE_URL=postgres://…/kek_benchforms make bench-forms   (PostgreSQL: a database of its own)
    python scripts/bench_forms.py [--submitters 50] [--seconds 30] [--url http://127.0.0.1:8000]

Without --url the script starts the server itself as `make run` does (gunicorn with
gunicorn.conf.py, production settings, the concept loaded) on DATABASE_URL or an SQLite file of
its own, and stops it afterwards. The server is told that 127.0.0.1 is its reverse proxy
(KEK_TRUSTED_PROXIES), and each simulated person sends its own address in X-Forwarded-For and
has its own cookies, so the rate limits treat them as the different people they stand for.
With --url the server must be set up that way too and share DATABASE_URL with this script.

Each submitter, for `--seconds`: opens the form (GET), waits as a person would
(KEK_FORM_MIN_SECONDS of the server, 3 s), and sends it; every fifth time it sends the very same
form twice at the same moment (a double click). Afterwards the database is counted:

- accepted: distinct forms answered with the redirect to "eingereicht" (success);
- stored: proposals of this run in the database; must equal accepted (none lost, none twice);
- duplicates: second copies sent of a form; each must have been stored once, not twice;
- errors: answers other than the redirect, by status (a 429 would mean the limits caught us);
- p95: latency of the form submissions (POST) in ms.
"""

import argparse
import http.client
import os
import re
import secrets
import statistics
import subprocess
import sys
import threading
import time
import urllib.request
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import urlencode, urlsplit

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
FORM = "/mitmachen/idee-einreichen/"
THANKS = "/mitmachen/eingereicht/"
HIDDEN = re.compile(r'<input type="hidden" name="(\w+)" value="([^"]*)"')
APPROACH = re.compile(r'name="approach".*?<option value="(\d+)"', re.S)
WAIT = 3.2  # a little more than the server's KEK_FORM_MIN_SECONDS


class Person:
    """One visitor: own cookies, own (forwarded) address."""

    def __init__(self, base: str, number: int):
        self.base = urlsplit(base)
        self.address = f"10.{number // 65536 % 256}.{number // 256 % 256}.{number % 256}"
        self.cookies: dict[str, str] = {}

    def request(self, method: str, path: str, body: bytes = b"") -> tuple[int, dict, str]:
        connection = http.client.HTTPConnection(self.base.hostname, self.base.port, timeout=60)
        headers = {"X-Forwarded-For": self.address}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if body:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        try:
            connection.request(method, path, body=body, headers=headers)
            answer = connection.getresponse()
            text = answer.read().decode(errors="replace")
            for value in answer.headers.get_all("Set-Cookie") or []:
                name, _, rest = value.partition("=")
                self.cookies[name] = rest.split(";", 1)[0]
            return answer.status, dict(answer.headers.items()), text
        finally:
            connection.close()


class Tally:
    def __init__(self, run: str):
        self.run = run
        self.lock = threading.Lock()
        self.accepted: set[str] = set()
        self.duplicates = 0
        self.errors: Counter = Counter()
        self.latencies: list[float] = []

    def post(self, person: Person, values: dict) -> None:
        started = time.perf_counter()
        try:
            status, headers, _ = person.request("POST", FORM, urlencode(values).encode())
        except OSError as exc:
            with self.lock:
                self.errors[type(exc).__name__] += 1
            return
        elapsed = (time.perf_counter() - started) * 1000
        with self.lock:
            self.latencies.append(elapsed)
            if status == 302 and headers.get("Location") == THANKS:
                self.accepted.add(values["token"])
            else:
                self.errors[status] += 1


def submitter(base: str, number: int, until: float, tally: Tally) -> None:
    count = 0
    while time.monotonic() < until:
        person = Person(base, number * 1000 + count)
        status, _, page = person.request("GET", FORM)
        if status != 200:
            with tally.lock:
                tally.errors[f"GET {status}"] += 1
            continue
        values = dict(HIDDEN.findall(page))
        approach = APPROACH.search(page)
        values.update(
            title=f"Lasttest {tally.run} {number}-{count}",
            description="Ein Vorschlag aus dem Lasttest: bitte nicht veröffentlichen, er wird wieder gelöscht.",
            approach=approach.group(1) if approach else "",
            email=f"last{number}-{count}@example.org",
            consent="on",
        )
        time.sleep(WAIT)
        if count % 5 == 4:  # a double click: the same form twice at once
            twins = [threading.Thread(target=tally.post, args=(person, values)) for _ in range(2)]
            for thread in twins:
                thread.start()
            for thread in twins:
                thread.join()
            with tally.lock:
                tally.duplicates += 1
        else:
            tally.post(person, values)
        count += 1


def start_server(database_url: str, var: Path) -> tuple[str, subprocess.Popen]:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "kek.settings.production",
        "SECRET_KEY": "bench-forms-only",
        "KEK_HTTP_ONLY": "1",
        "KEK_VAR_DIR": str(var),
        "DATABASE_URL": database_url,
        "ALLOWED_HOSTS": "127.0.0.1",
        "KEK_TRUSTED_PROXIES": "127.0.0.1",
    }
    manage = [sys.executable, str(ROOT / "manage.py")]
    for command in (["migrate", "--noinput", "-v0"], ["setup_site"], ["collectstatic", "--noinput", "-v0"]):
        subprocess.run(manage + command, env=env, check=True, cwd=ROOT, stdout=subprocess.DEVNULL)
    gunicorn = Path(sys.executable).with_name("gunicorn")
    server = subprocess.Popen(
        [str(gunicorn), "--config", str(ROOT / "gunicorn.conf.py"), "--bind", f"127.0.0.1:{port}"],
        env=env,
        cwd=ROOT,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            urllib.request.urlopen(url + FORM, timeout=2)  # noqa: S310 - our own local server
            return url, server
        except OSError:
            if time.monotonic() > deadline or server.poll() is not None:
                server.kill()
                raise SystemExit("Der Server ist nicht gestartet.") from None
            time.sleep(0.3)


def stored(run: str) -> tuple[int, int]:
    """Proposals of this run in the database, and how many distinct forms (tokens) they come from."""
    import django

    django.setup()
    from kek.participation.models import Proposal

    rows = Proposal.objects.filter(title__startswith=f"Lasttest {run} ")
    return rows.count(), rows.values("token").distinct().count()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--submitters", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--url", default="", help="ein laufender Server (sonst startet das Skript einen)")
    args = parser.parse_args()

    var = ROOT / "var" / "bench-forms"
    var.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{var / 'bench.sqlite3'}")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kek.settings.test")
    server = None
    url = args.url
    if not url:
        url, server = start_server(os.environ["DATABASE_URL"], var)
    run = secrets.token_hex(4)
    tally = Tally(run)
    database = os.environ["DATABASE_URL"].split("://", 1)[0]
    print(f"{args.submitters} Einsender, {args.seconds:.0f} s, gegen {url} ({database}), Lauf {run} …", flush=True)
    try:
        until = time.monotonic() + args.seconds
        with ThreadPoolExecutor(args.submitters) as pool:
            for number in range(args.submitters):
                pool.submit(submitter, url, number, until, tally)
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=30)
    rows, tokens = stored(run)
    latencies = sorted(tally.latencies)
    p95 = statistics.quantiles(latencies, n=20)[-1] if len(latencies) >= 2 else float("nan")
    errors = ", ".join(f"{k}: {v}" for k, v in sorted(tally.errors.items(), key=str)) or "0"
    print(f"accepted:   {len(tally.accepted)}")
    print(f"stored:     {rows} (aus {tokens} Formularen)")
    print(f"duplicates: {tally.duplicates} doppelt gesendet, {rows - tokens} doppelt gespeichert")
    print(f"lost:       {len(tally.accepted) - tokens}")
    print(f"errors:     {errors}")
    print(f"p95:        {p95:.0f} ms (p50 {statistics.median(latencies):.0f} ms, {len(latencies)} POSTs)")
    if rows != len(tally.accepted) or tokens != rows:
        raise SystemExit("Nicht jeder angenommene Vorschlag ist genau einmal gespeichert.")


if __name__ == "__main__":
    main()
