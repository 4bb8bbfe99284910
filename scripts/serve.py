"""Serve the portal for `make run`: gunicorn and the task worker side by side, as one command.

Usage: python scripts/serve.py [PORT]. When either process ends, or on Ctrl+C, SIGTERM or SIGHUP,
the other is stopped too, so no worker outlives the server (and no server runs without its worker).
"""

import signal
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent


class Stop(Exception):
    pass


def _stop(signum: int, frame: object) -> None:
    raise Stop


def commands(port: str) -> list[list[str]]:
    return [
        [
            str(BIN / "gunicorn"),
            "kek.wsgi",
            "--config",
            str(ROOT / "gunicorn.conf.py"),
            "--bind",
            f"127.0.0.1:{port}",
            "--access-logfile",
            "-",
        ],
        [sys.executable, str(ROOT / "manage.py"), "db_worker", "--no-startup-delay"],
    ]


def main(port: str = "8000") -> int:
    for signum in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        signal.signal(signum, _stop)
    children: list[subprocess.Popen] = []
    code = 0
    try:
        for command in commands(port):
            children.append(subprocess.Popen(command, cwd=ROOT))
        while all(child.poll() is None for child in children):
            time.sleep(0.5)
        code = next(child.returncode for child in children if child.returncode is not None) or 1
    except Stop:
        pass
    finally:
        for signum in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
            signal.signal(signum, signal.SIG_IGN)  # a second Ctrl+C must not cut the clean-up short
        for child in children:
            if child.poll() is None:
                child.terminate()
        for child in children:
            try:
                child.wait(timeout=20)
            except subprocess.TimeoutExpired:
                child.kill()
                child.wait()
    return code


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:2]))
