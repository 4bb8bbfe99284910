"""Load on this machine with wrk: the portal uncached, behind nginx's page cache, and nginx serving
the static export, each beside the yardstick of a bare Wagtail page; requests/s, p99 and ratios.

"Uncached" means what the app answers itself, without nginx's cache: it keeps a concept page's
HTML per content version (kek/core/content_cache.py) and checks the version on every request; the
row "built each time" (a query string) shows the page built from the database, as on the first
request after a change.

Usage: python scripts/bench_load.py [--seconds 10] [--connections 20] [--soak [--soak-minutes 10]]

Everything runs as deploy/ describes it (tests/deploy/stack.py: PostgreSQL, gunicorn from
kek-web.service with gunicorn.conf.py, nginx from deploy/nginx with TLS), the KEK 2030 loaded. wrk and
the servers share the machine's cores, so compare numbers of one run only (docs/scaling.md).
`--soak`: ten minutes of moderate load (4 connections) on uncached pages, the memory (RSS) of each
gunicorn worker sampled every 10 s; fails when a worker grows by more than 10 % after the first
minute or any request fails.
"""

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.deploy.stack import HOST, Stack, Visitor, free_port, missing  # noqa: E402

BARE_HOST = "bare.bench.invalid"
APPROACH = "/starker-wirtschaftsstandort/wirtschaftsstruktur/standortbedingungen/infrastruktur/"
BARE_SITE = f"""
from wagtail.models import Page, Site
root = Page.get_first_root_node()
page = root.add_child(instance=Page(title="Bare Wagtail page", slug="bench-bare-page"))
Site.objects.create(hostname={BARE_HOST!r}, port=80, root_page=page, site_name="bare")
print("ok")
"""


@dataclass
class Result:
    name: str
    requests_per_second: float
    p50_ms: float
    p99_ms: float
    errors: int

    def line(self) -> str:
        flag = f"  FEHLER: {self.errors}" if self.errors else ""
        return f"{self.name:<34} {self.requests_per_second:>10.0f} {self.p50_ms:>8.2f} {self.p99_ms:>8.2f}{flag}"


def _ms(value: str) -> float:
    number, unit = re.match(r"([\d.]+)(us|ms|s|m)", value).groups()
    return float(number) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[unit]


def wrk(name: str, url: str, *, seconds: int, connections: int, headers: dict[str, str]) -> Result:
    command = ["wrk", "--latency", "-t", "2", "-c", str(connections), "-d", f"{seconds}s"]
    for key, value in headers.items():
        command += ["-H", f"{key}: {value}"]
    output = subprocess.run([*command, url], capture_output=True, text=True, check=True).stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    p50 = _ms(re.search(r"\s50%\s+(\S+)", output).group(1))
    p99 = _ms(re.search(r"\s99%\s+(\S+)", output).group(1))
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    socket = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output)
    errors = (int(non_2xx.group(1)) if non_2xx else 0) + (sum(map(int, socket.groups())) if socket else 0)
    return Result(name, rate, p50, p99, errors)


def median_run(runs: list[Result]) -> Result:
    """The run with the median throughput, its errors those of all runs."""
    middle = sorted(runs, key=lambda r: r.requests_per_second)[len(runs) // 2]
    return Result(middle.name, middle.requests_per_second, middle.p50_ms, middle.p99_ms, sum(r.errors for r in runs))


def serve_export(stack: Stack, folder: Path) -> int:
    """A second nginx server (bench only) serving the static export over the same TLS set-up."""
    port = free_port()
    conf = stack.var / "nginx" / "export.conf"
    conf.write_text(
        f"""server {{
    listen 127.0.0.1:{port} ssl http2;
    server_name {HOST};
    ssl_certificate {stack.var / "tls" / "cert.pem"};
    ssl_certificate_key {stack.var / "tls" / "key.pem"};
    root {folder};
    access_log off;
}}
"""
    )
    main = stack.nginx_conf.read_text()
    stack.nginx_conf.write_text(main.replace("    include ", f"    include {conf};\n    include ", 1))
    subprocess.run(["nginx", "-s", "reload", "-c", str(stack.nginx_conf)], check=True)
    time.sleep(1)
    return port


def worker_memory(stack: Stack) -> dict[int, int]:
    """RSS in kB of each gunicorn worker (the children of the master started by the stack)."""
    master = stack.processes[0].pid
    children = Path(f"/proc/{master}/task/{master}/children").read_text().split()
    memory = {}
    for pid in children:
        status = Path(f"/proc/{pid}/status").read_text()
        memory[int(pid)] = int(re.search(r"VmRSS:\s+(\d+)", status).group(1))
    return memory


def load(args: argparse.Namespace, stack: Stack) -> int:
    app = f"http://127.0.0.1:{stack.app_port}"
    proxied = {"Host": HOST, "X-Forwarded-Proto": "https"}
    visitor = Visitor(stack)
    for _ in range(2):  # into the cache
        assert visitor.get(APPROACH).status == 200
    assert visitor.get(APPROACH).cache == "HIT", "Die Seite kommt nicht aus dem Cache."
    export = stack.var / "export"
    stack.manage("export_static", str(export), "--live-url", f"https://{HOST}")
    export_port = serve_export(stack, export)
    run = {"seconds": args.seconds, "connections": args.connections}
    app_runs = [
        ("bare Wagtail page, uncached", f"{app}/", {**proxied, "Host": BARE_HOST}),
        ("approach page, uncached", app + APPROACH, proxied),
        # a query string: the page is built on every request, as the first one after a change
        ("approach page, built each time", app + APPROACH + "?neu=1", proxied),
    ]
    # The app's runs take turns, three times, and the median counts: a busy spell of the machine
    # (PostgreSQL's autovacuum, another process) then slows each of them rather than one.
    rounds = [[wrk(name, url, headers=headers, **run) for name, url, headers in app_runs] for _ in range(3)]
    results = [median_run([r[i] for r in rounds]) for i in range(len(app_runs))] + [
        wrk(
            "approach page, nginx cache",
            f"https://127.0.0.1:{stack.https_port}{APPROACH}",
            headers={"Host": stack.host},
            **run,
        ),
        wrk(
            "approach page, static export", f"https://127.0.0.1:{export_port}{APPROACH}", headers={"Host": HOST}, **run
        ),
    ]
    print("\nDurchgänge der App (Anfr./s):")
    for i, (name, _url, _headers) in enumerate(app_runs):
        print(f"  {name:<32} " + "  ".join(f"{r[i].requests_per_second:6.0f}" for r in rounds))
    bare, uncached, built, cached, static = results
    print(
        f"\nwrk, {args.connections} Verbindungen, {args.seconds} s je Messung, 2 Threads; gunicorn.conf.py, PostgreSQL;"
        " App: Median aus drei Durchgängen"
    )
    print(f"{'':<34} {'Anfr./s':>10} {'p50 ms':>8} {'p99 ms':>8}")
    for result in results:
        print(result.line())
    print()
    print(
        f"nginx-Cache / statischer Export:     {cached.requests_per_second / static.requests_per_second:6.2f}  (Ziel ≥ 0,5)"
    )
    print(
        f"ungecacht / nackte Wagtail-Seite:    {uncached.requests_per_second / bare.requests_per_second:6.2f}  (Ziel ≥ 1)"
    )
    print(
        f"jedes Mal gebaut / nackte Seite:     {built.requests_per_second / bare.requests_per_second:6.2f}  (die erste Anfrage nach einer Änderung)"
    )
    print(f"nginx-Cache / ungecacht:             {cached.requests_per_second / uncached.requests_per_second:6.0f}×")
    return 1 if any(r.errors for r in results) else 0


def soak(args: argparse.Namespace, stack: Stack) -> int:
    app = f"http://127.0.0.1:{stack.app_port}"
    minutes = args.soak_minutes
    command = [
        "wrk",
        "-t",
        "2",
        "-c",
        "4",
        "-d",
        f"{minutes * 60}s",
        "-H",
        f"Host: {HOST}",
        "-H",
        "X-Forwarded-Proto: https",
    ]
    runner = subprocess.Popen([*command, app + APPROACH], stdout=subprocess.PIPE, text=True)
    samples: list[tuple[float, dict[int, int]]] = []
    started = time.monotonic()
    print(f"Dauerlast: {minutes} min, 4 Verbindungen, ungecacht; Speicher (RSS) je gunicorn-Worker alle 10 s")
    while runner.poll() is None:
        samples.append((time.monotonic() - started, worker_memory(stack)))
        elapsed, memory = samples[-1]
        print(f"  {elapsed:6.0f} s  " + "  ".join(f"{pid}: {kb / 1024:6.1f} MB" for pid, kb in sorted(memory.items())))
        time.sleep(10)
    output = runner.stdout.read()
    rate = re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    failed = int(errors.group(1)) if errors else 0
    warm = next(memory for elapsed, memory in samples if elapsed >= 60)
    last = samples[-1][1]
    growth = {pid: (last[pid] - warm[pid]) / warm[pid] for pid in last if pid in warm}
    restarted = set(last) != set(warm)
    print(f"\n{rate} Anfragen/s, {failed} fehlgeschlagen; Wachstum nach der ersten Minute: "
          + ", ".join(f"{pid}: {g * 100:+.1f} %" for pid, g in growth.items())
          + (" (Worker neu gestartet)" if restarted else ""))  # fmt: skip
    flat = all(g <= 0.10 for g in growth.values()) and not restarted
    print("Speicher je Worker flach." if flat else "Speicher wächst: bitte prüfen.")
    return 0 if flat and not failed else 1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--connections", type=int, default=20)
    parser.add_argument("--soak", action="store_true")
    parser.add_argument("--soak-minutes", type=int, default=10)
    args = parser.parse_args()
    reason = missing() or (None if shutil.which("wrk") else "wrk ist nicht installiert (apt-get install wrk)")
    if reason:
        print(f"Lastmessung nicht möglich: {reason}.")
        return 1
    stack = Stack(Path(tempfile.mkdtemp(prefix="kek-bench-load-")))
    try:
        print("Starte PostgreSQL, gunicorn und nginx aus deploy/ und lade das KEK 2030 (etwa 2 Minuten) …")
        stack.start(worker=False, allowed_hosts=[BARE_HOST])
        stack.shell(BARE_SITE)
        return soak(args, stack) if args.soak else load(args, stack)
    finally:
        stack.stop()
        shutil.rmtree(stack.var, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
