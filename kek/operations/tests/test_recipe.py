"""The files of deploy/ fit the code: the environment passes `check --deploy`, the units name
commands that exist, the JSON log lines carry no personal data."""

import json
import logging
import os
import shlex
import subprocess
import sys
from pathlib import Path

from django.core.management import get_commands
from django.test import Client

from kek.operations.logs import JsonFormatter

ROOT = Path(__file__).resolve().parents[3]
DEPLOY = ROOT / "deploy"


def _env_file() -> dict[str, str]:
    lines = (DEPLOY / "kek.env.example").read_text().splitlines()
    return dict(line.split("=", 1) for line in lines if line.strip() and not line.startswith("#"))


def test_check_deploy_is_clean_with_the_recipes_environment(tmp_path: Path) -> None:
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith(("KEK_", "DJANGO_"))},
        **_env_file(),
        "SECRET_KEY": "ein-langer-zufälliger-schlüssel-nur-für-diesen-test-0123456789-abcdefghij",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'check.sqlite3'}",
        "KEK_VAR_DIR": str(tmp_path),
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_every_unit_runs_a_command_that_exists() -> None:
    known = set(get_commands())
    for unit in sorted((DEPLOY / "systemd").glob("*.service")):
        for line in unit.read_text().splitlines():
            if not line.startswith(("ExecStart=", "ExecCondition=")):
                continue
            words = shlex.split(line.split("=", 1)[1])
            if "manage.py" in words:
                command = words[words.index("manage.py") + 1]
                command = words[words.index("manage.py") + 2] if command == "help" else command
                guarded = "ExecCondition=" in unit.read_text() and command == "send_digests"
                assert command in known or guarded, f"{unit.name}: {command}"
            else:
                assert words[0].endswith("/gunicorn") and "gunicorn.conf.py" in words, unit.name


def test_json_log_lines_hold_the_fields_and_the_exception() -> None:
    record = logging.makeLogRecord({"name": "kek.access", "levelname": "INFO", "msg": "request", "status": 200})
    line = json.loads(JsonFormatter().format(record))
    assert line["logger"] == "kek.access" and line["status"] == 200 and line["message"] == "request"
    try:
        raise ValueError("kaputt")
    except ValueError:
        record = logging.makeLogRecord({"msg": "Fehler", "exc_info": sys.exc_info()})
    assert "ValueError: kaputt" in json.loads(JsonFormatter().format(record))["exception"]


def test_the_access_log_names_no_person(client: Client, concept, caplog, settings) -> None:
    with caplog.at_level(logging.INFO, logger="kek.access"):
        client.get("/suche/", {"q": "Erika Mustermann"}, HTTP_USER_AGENT="Testbrowser/1.0", REMOTE_ADDR="203.0.113.7")
    (record,) = [r for r in caplog.records if r.name == "kek.access"]
    line = JsonFormatter().format(record)
    assert json.loads(line)["path"] == "/suche/" and json.loads(line)["duration_ms"] > 0
    assert "Erika" not in line and "Testbrowser" not in line and "203.0.113.7" not in line
