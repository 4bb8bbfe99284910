"""On PostgreSQL, the trigram indexes carry the site too (btree_gin), so that one index answers
a search's `site_id = … AND terms LIKE '%stem%'` however many counties share the installation or
however large one county's concept grows; without it, a large site's search reads every one of its
rows. The typing suggestions (`title_terms LIKE '% stem%'`) get the same. They replace 0004's index
on the stems alone, which PostgreSQL did not choose once the site was part of the condition.
SQLite has no such index type; there the same queries scan, with the same answers."""

from django.db import migrations

OLD = "search_entry_terms_trgm"
INDEXES = {"search_entry_site_terms_trgm": "terms", "search_entry_site_title_trgm": "title_terms"}


def create(apps, schema_editor) -> None:
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS btree_gin")
    for name, column in INDEXES.items():
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {name} ON search_searchentry USING gin (site_id, {column} gin_trgm_ops)"
        )
    schema_editor.execute(f"DROP INDEX IF EXISTS {OLD}")


def drop(apps, schema_editor) -> None:
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {OLD} ON search_searchentry USING gin (terms gin_trgm_ops)")
    for name in INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("search", "0006_searchentry_facets")]

    operations = [migrations.RunPython(create, drop)]
