"""Start the production recipe of deploy/ on this machine and run the smoke tests through nginx.

Usage: python scripts/deploy_smoke.py [--status]

PostgreSQL (started with pg_ctlcluster if it is installed but stopped), gunicorn and the task worker
from deploy/systemd, nginx from deploy/nginx with a self-signed certificate, each on a free port;
then tests/deploy (pages, static files, a form post, the admin login, /healthz, `check --deploy`,
the page cache). Everything is stopped again by its process id. `--status` only says whether the
recipe can be tested here (nginx, openssl, PostgreSQL), as `make test` prints it.
"""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.deploy.stack import missing  # noqa: E402


def main(args: list[str]) -> int:
    reason = missing()
    if reason:
        print(f"Rezept aus deploy/ NICHT geprüft: {reason}.")
        return 0
    if "--status" in args:
        print("Rezept aus deploy/ wird geprüft: nginx und PostgreSQL sind da (tests/deploy).")
        return 0
    return subprocess.call([sys.executable, "-m", "pytest", "tests/deploy", "-q", "-rs", *args], cwd=ROOT)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
