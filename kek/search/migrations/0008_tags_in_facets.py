"""The entries' themes and sub-regions move into the row (`facets["thema"]`, `facets["teilraum"]`,
as slugs), so that a search no longer reads its site's whole tag tables for every request. The
index is rebuilt after every publication anyway; this copies the tags of the index as it stands,
so searches filter correctly until then."""

from django.db import migrations


def copy_tags(apps, schema_editor) -> None:
    entry_model = apps.get_model("search", "SearchEntry")
    tags: dict[int, dict[str, list[str]]] = {}
    for key, through, slug in (
        ("thema", entry_model.themes.through, "crosscuttingthemepage__slug"),
        ("teilraum", entry_model.sub_regions.through, "subregionpage__slug"),
    ):
        for entry_id, value in through.objects.values_list("searchentry_id", slug):
            tags.setdefault(entry_id, {}).setdefault(key, []).append(value)
    changed = []
    for entry in entry_model.objects.filter(pk__in=tags).only("pk", "facets"):
        entry.facets = {**entry.facets, **{key: sorted(values) for key, values in tags[entry.pk].items()}}
        changed.append(entry)
    entry_model.objects.bulk_update(changed, ["facets"], batch_size=500)


class Migration(migrations.Migration):
    dependencies = [("search", "0007_site_trigram_indexes")]

    operations = [
        migrations.RunPython(copy_tags, migrations.RunPython.noop),
        migrations.RemoveField(model_name="searchentry", name="themes"),
        migrations.RemoveField(model_name="searchentry", name="sub_regions"),
    ]
