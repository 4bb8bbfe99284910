"""Production settings: safe by default and refusing to run without a secret key."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]


def _manage(*args: str, **env: str) -> subprocess.CompletedProcess:
    environment = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "KEK_HTTP_ONLY"}}
    environment.update({"DJANGO_SETTINGS_MODULE": "kek.settings.production", **env})
    return subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), *args], env=environment, capture_output=True, text=True, cwd=ROOT
    )


def test_deploy_check_is_clean_in_production_settings():
    result = _manage("check", "--deploy", "--fail-level", "WARNING", SECRET_KEY=secrets.token_urlsafe(50))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_secret_key():
    result = _manage("check")
    assert result.returncode != 0
    assert "SECRET_KEY muss als Umgebungsvariable gesetzt sein" in result.stderr
