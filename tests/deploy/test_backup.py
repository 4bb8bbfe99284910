"""Backup and restore as docs/operations.md describes them: deploy/backup.sh while the portal runs,
deploy/restore.sh into an empty database and an empty folder, and everything is there again."""

import json
import os
import subprocess
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest

from .stack import DEPLOY, ROOT, Stack

pytestmark = pytest.mark.kek2030

INVENTORY = """
import json
from django.conf import settings
from django.contrib.auth.models import Group
from wagtail.images.models import Image
from wagtail.models import Page, Revision
from kek.history.models import ChangeRecord
from kek.places.models import Place
from kek.plan.models import Measure, Project
print(json.dumps({
    "pages": sorted(Page.objects.live().values_list("url_path", flat=True)),
    "revisions": Revision.objects.count(),
    "measures": sorted(Measure.objects.values_list("key", flat=True)),
    "projects": sorted(Project.objects.values_list("key", flat=True)),
    "places": Place.objects.count(),
    "changes": ChangeRecord.objects.count(),
    "groups": sorted(Group.objects.values_list("name", flat=True)),
    "images": [(i.title, i.file.storage.exists(i.file.name)) for i in Image.objects.order_by("pk")],
}))
"""

UPLOAD = """
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
Image.objects.create(title="Foto Sicherungstest", file=get_test_image_file(filename="sicherung.png"))
print("ok")
"""


def _run(script: str, *args: str, env: dict) -> subprocess.CompletedProcess:
    return subprocess.run([str(DEPLOY / script), *args], env=env, cwd=ROOT, capture_output=True, text=True)


def test_a_backup_restored_into_an_empty_database_holds_everything(stack: Stack, tmp_path: Path) -> None:
    import psycopg

    stack.shell(UPLOAD)
    before = json.loads(stack.shell(INVENTORY))
    assert before["pages"] and before["images"] == [["Foto Sicherungstest", True]]

    backup = _run("backup.sh", str(tmp_path / "sicherung"), env=stack.env)
    assert backup.returncode == 0, backup.stderr
    dump, media = backup.stdout.split()

    parts = urlsplit(stack.database_url)
    restored_name = parts.path.lstrip("/") + "_restored"
    admin = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{restored_name}"')
        conn.execute(f'CREATE DATABASE "{restored_name}"')
    env = {
        **stack.env,
        "DATABASE_URL": urlunsplit(parts._replace(path="/" + restored_name)),
        "KEK_VAR_DIR": str(tmp_path / "neu"),
    }
    try:
        restore = _run("restore.sh", dump, media, env=env)
        assert restore.returncode == 0, restore.stderr
        again = Stack(stack.var, database_url=env["DATABASE_URL"], env=env)
        assert json.loads(again.shell(INVENTORY)) == before
        assert "No planned migration operations" in again.manage("migrate", "--plan").stdout
        # A second restore into the now filled database is refused and changes nothing.
        refused = _run("restore.sh", dump, media, env=env)
        assert refused.returncode == 1 and "nicht leer" in refused.stderr
    finally:
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{restored_name}" WITH (FORCE)')
    assert os.path.exists(dump)
