import django.db.models.deletion
from django.db import migrations, models


def to_default_site(apps, schema_editor):
    """The one set of legal facts so far belongs to the default site; without a site it goes
    (each site's settings are created with the defaults when first used)."""
    Site = apps.get_model("wagtailcore", "Site")
    LegalSettings = apps.get_model("legal", "LegalSettings")
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        LegalSettings.objects.all().delete()
    else:
        LegalSettings.objects.filter(site=None).update(site=site)
        LegalSettings.objects.filter(site=None).delete()


class Migration(migrations.Migration):
    """Legal settings per site: each county names its own provider, officers and contacts."""

    dependencies = [
        ("legal", "0002_accessibilitystatementpage_change_note_and_more"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.AddField(
            model_name="legalsettings",
            name="site",
            field=models.OneToOneField(
                null=True, editable=False, on_delete=django.db.models.deletion.CASCADE, to="wagtailcore.site"
            ),
        ),
        migrations.RunPython(to_default_site, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="legalsettings",
            name="site",
            field=models.OneToOneField(
                editable=False, on_delete=django.db.models.deletion.CASCADE, to="wagtailcore.site"
            ),
        ),
    ]
