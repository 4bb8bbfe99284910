"""On PostgreSQL, a trigram index (pg_trgm, GIN) on the folded stems, so that the search's
`terms LIKE '%stem%'` is served by an index instead of a scan of every row. SQLite has no such
index type; there the same query scans, with the same answers."""

from django.db import migrations

INDEX = "search_entry_terms_trgm"


def create(apps, schema_editor) -> None:
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {INDEX} ON search_searchentry USING gin (terms gin_trgm_ops)")


def drop(apps, schema_editor) -> None:
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("search", "0003_synonymgroup")]

    operations = [migrations.RunPython(create, drop)]
