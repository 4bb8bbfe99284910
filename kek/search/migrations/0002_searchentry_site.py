import django.db.models.deletion
from django.db import migrations, models


def empty_index(apps, schema_editor):
    """The index is derived data: emptied here, rebuilt per site with the next publication or setup_site."""
    apps.get_model("search", "SearchEntry").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial"), ("wagtailcore", "0098_apitoken")]

    operations = [
        migrations.RunPython(empty_index, migrations.RunPython.noop),
        migrations.AddField(
            model_name="searchentry",
            name="site",
            field=models.ForeignKey(
                default=None, on_delete=django.db.models.deletion.CASCADE, related_name="+", to="wagtailcore.site"
            ),
            preserve_default=False,
        ),
    ]
