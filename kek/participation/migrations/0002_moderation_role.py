"""The installation-wide Moderation role (kek/editorial's roles) moderates proposals and keeps the
reason templates. It neither adds proposals (they come from visitors) nor sees unconfirmed ones."""

from django.db import migrations

MODERATION = "Moderation"  # the role's name in kek/editorial/roles.py (an app beside this one)

PERMISSIONS = [
    ("proposal", "view_proposal"),
    ("proposal", "change_proposal"),
    ("proposal", "delete_proposal"),
    ("reasontemplate", "view_reasontemplate"),
    ("reasontemplate", "add_reasontemplate"),
    ("reasontemplate", "change_reasontemplate"),
    ("reasontemplate", "delete_reasontemplate"),
]


def grant(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    group, _ = Group.objects.get_or_create(name=MODERATION)
    for model, codename in PERMISSIONS:
        content_type, _ = ContentType.objects.get_or_create(app_label="participation", model=model)
        permission, _ = Permission.objects.get_or_create(
            content_type=content_type, codename=codename, defaults={"name": codename.replace("_", " ")}
        )
        group.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [("participation", "0001_initial"), ("editorial", "0001_roles")]
    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
