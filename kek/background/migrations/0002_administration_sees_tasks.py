"""The Administration role reads the task report. The permission is created here if missing: Django
creates permissions only after all migrations have run, and a fresh database needs it now."""

from django.db import migrations

from kek.editorial.roles import ADMINISTRATION


def grant(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    content_type, _ = ContentType.objects.get_or_create(app_label="background", model="taskrecord")
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type, codename="view_taskrecord", defaults={"name": "Can view Hintergrundaufgabe"}
    )
    Group.objects.get(name=ADMINISTRATION).permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [("background", "0001_task_record"), ("editorial", "0001_roles")]
    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
