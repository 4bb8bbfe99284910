"""The Administration (installation-wide) may create, publish and delete implementation reports of
every site, beside each site's Redaktion (which may through its page permissions, see
kek/publications/reports.py `may_report`)."""

from django.db import migrations

from kek.editorial.roles import ADMINISTRATION

CODENAMES = ["add_implementationreport", "change_implementationreport", "delete_implementationreport"]


def grant(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    content_type, _ = ContentType.objects.get_or_create(app_label="publications", model="implementationreport")
    permissions = [
        Permission.objects.get_or_create(
            content_type=content_type, codename=codename, defaults={"name": codename.replace("_", " ")}
        )[0]
        for codename in CODENAMES
    ]
    for group in Group.objects.filter(name=ADMINISTRATION):
        group.permissions.add(*permissions)


class Migration(migrations.Migration):
    dependencies = [("publications", "0002_implementation_reports"), ("editorial", "0001_roles")]
    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
