from django.db import migrations

from kek.editorial.roles import REDAKTION

PROJECT_PERMISSIONS = ["add_project", "change_project", "delete_project", "publish_project", "lock_project", "unlock_project"]


def per_site(apps, schema_editor):
    """The Redaktion held its rights on the whole tree and on all projects; now each site's Redaktion
    holds them below its own start page (set up by `setup_site`), so one county's editors cannot
    touch another's concept."""
    Group = apps.get_model("auth", "Group")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    Page = apps.get_model("wagtailcore", "Page")
    Site = apps.get_model("wagtailcore", "Site")
    group = Group.objects.filter(name=REDAKTION).first()
    if group is None:
        return
    group.permissions.remove(*group.permissions.filter(content_type__app_label="plan", codename__in=PROJECT_PERMISSIONS))
    root = Page.objects.filter(depth=1).first()
    site = Site.objects.filter(is_default_site=True).first()
    for grant in GroupPagePermission.objects.filter(group=group, page=root):
        if site is not None and site.root_page.depth > 1:
            GroupPagePermission.objects.get_or_create(group=group, page=site.root_page, permission=grant.permission)
        grant.delete()


class Migration(migrations.Migration):
    dependencies = [("editorial", "0005_administration_requires_two_factor"), ("wagtailcore", "0098_apitoken")]
    operations = [migrations.RunPython(per_site, migrations.RunPython.noop)]
