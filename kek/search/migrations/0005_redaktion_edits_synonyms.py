"""Every site's Redaktion edits its site's synonym groups (kek/editorial/roles.py names the
permissions for groups created from now on; this gives them to the Redaktion groups that exist)."""

from django.db import migrations

CODENAMES = ["add_synonymgroup", "change_synonymgroup", "delete_synonymgroup"]
REDAKTION = "Redaktion Regionalmanagement"


def grant(apps, schema_editor) -> None:
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    content_type, _ = ContentType.objects.get_or_create(app_label="search", model="synonymgroup")
    permissions = [
        Permission.objects.get_or_create(
            content_type=content_type, codename=codename, defaults={"name": codename.replace("_", " ")}
        )[0]
        for codename in CODENAMES
    ]
    for group in Group.objects.filter(name__startswith=REDAKTION):
        group.permissions.add(*permissions)


class Migration(migrations.Migration):
    dependencies = [("search", "0004_terms_trigram_index"), ("editorial", "0007_site_approval_task")]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
