"""The Redaktion (each site's group) opens, runs and closes priority rounds. New site groups get
the same rights from kek/editorial/roles.py (MODEL_PERMISSIONS)."""

from django.db import migrations

from kek.core.grants import grant_to_role

REDAKTION = "Redaktion Regionalmanagement"  # the role's name in kek/editorial/roles.py
CODENAMES = ["view_priorityround", "add_priorityround", "change_priorityround", "delete_priorityround"]


def grant(apps, schema_editor) -> None:
    grant_to_role(apps, REDAKTION, "participation", "priorityround", CODENAMES)


class Migration(migrations.Migration):
    dependencies = [("participation", "0004_priority_rounds"), ("editorial", "0001_roles")]
    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
