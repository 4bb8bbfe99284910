from django.db import migrations

from kek.editorial.roles import ADMINISTRATION


def grant(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    content_type, _ = ContentType.objects.get_or_create(app_label="editorial", model="auditlog")
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type, codename="view_audit_log", defaults={"name": "Protokoll einsehen"}
    )
    Group.objects.get(name=ADMINISTRATION).permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [("editorial", "0002_audit_log_permission")]
    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
