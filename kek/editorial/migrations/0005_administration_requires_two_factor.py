"""The Administration hands out all other rights: its members log in with a second factor."""

from django.db import migrations

from kek.editorial.roles import ADMINISTRATION


def require(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    LoginPolicy = apps.get_model("editorial", "LoginPolicy")
    for group in Group.objects.filter(name=ADMINISTRATION):
        LoginPolicy.objects.update_or_create(group=group, defaults={"two_factor_required": True})


class Migration(migrations.Migration):
    dependencies = [("editorial", "0004_login_policy")]
    operations = [migrations.RunPython(require, migrations.RunPython.noop)]
