"""The Moderation role moderates comments as it moderates proposals: it sees, publishes or rejects
and deletes them; it never adds one (they come from visitors)."""

from django.db import migrations

MODERATION = "Moderation"  # the role's name in kek/editorial/roles.py (an app beside this one)
PERMISSIONS = ["view_comment", "change_comment", "delete_comment"]


def grant(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    group, _ = Group.objects.get_or_create(name=MODERATION)
    content_type, _ = ContentType.objects.get_or_create(app_label="participation", model="comment")
    for codename in PERMISSIONS:
        permission, _ = Permission.objects.get_or_create(
            content_type=content_type, codename=codename, defaults={"name": codename.replace("_", " ")}
        )
        group.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [("participation", "0006_comments"), ("editorial", "0001_roles")]
    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
