import django.db.models.deletion
from django.db import migrations, models


def to_default_site(apps, schema_editor):
    """Reports from before sites were told apart came in on the default site."""
    Site = apps.get_model("wagtailcore", "Site")
    BarrierReport = apps.get_model("legal", "BarrierReport")
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        BarrierReport.objects.all().delete()
    else:
        BarrierReport.objects.filter(site=None).update(site=site)


class Migration(migrations.Migration):
    """Barrier reports belong to the site they were sent on; its Redaktion answers them."""

    dependencies = [("legal", "0003_legal_settings_per_site"), ("wagtailcore", "0098_apitoken")]

    operations = [
        migrations.AddField(
            model_name="barrierreport",
            name="site",
            field=models.ForeignKey(
                null=True, editable=False, on_delete=django.db.models.deletion.CASCADE, related_name="+",
                to="wagtailcore.site",
            ),
        ),
        migrations.RunPython(to_default_site, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="barrierreport",
            name="site",
            field=models.ForeignKey(
                editable=False, on_delete=django.db.models.deletion.CASCADE, related_name="+", to="wagtailcore.site"
            ),
        ),
    ]
