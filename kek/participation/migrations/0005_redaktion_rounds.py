"""The Redaktion (each site's group) opens, runs and closes priority rounds. New site groups get
the same rights from kek/editorial/roles.py (MODEL_PERMISSIONS)."""

from django.db import migrations

REDAKTION = "Redaktion Regionalmanagement"  # the role's name in kek/editorial/roles.py
CODENAMES = ["view_priorityround", "add_priorityround", "change_priorityround", "delete_priorityround"]


def grant(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    content_type, _ = ContentType.objects.get_or_create(app_label="participation", model="priorityround")
    permissions = [
        Permission.objects.get_or_create(
            content_type=content_type, codename=codename, defaults={"name": codename.replace("_", " ")}
        )[0]
        for codename in CODENAMES
    ]
    for group in Group.objects.filter(name__startswith=REDAKTION):
        group.permissions.add(*permissions)


class Migration(migrations.Migration):
    dependencies = [("participation", "0004_priority_rounds"), ("editorial", "0001_roles")]
    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
