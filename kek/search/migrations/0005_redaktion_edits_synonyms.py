"""Every site's Redaktion edits its site's synonym groups (kek/editorial/roles.py names the
permissions for groups created from now on; this gives them to the Redaktion groups that exist)."""

from django.db import migrations

from kek.core.grants import grant_to_role

REDAKTION = "Redaktion Regionalmanagement"  # the role's name in kek/editorial/roles.py
CODENAMES = ["add_synonymgroup", "change_synonymgroup", "delete_synonymgroup"]


def grant(apps, schema_editor) -> None:
    grant_to_role(apps, REDAKTION, "search", "synonymgroup", CODENAMES)


class Migration(migrations.Migration):
    dependencies = [("search", "0004_terms_trigram_index"), ("editorial", "0007_site_approval_task")]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
