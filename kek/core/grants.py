"""Permissions handed to roles by data migrations.

Django and Wagtail create permissions only after all migrations have run; a fresh database needs
them while a data migration gives them to a role, so they are created here if missing. The
functions take the migration's `apps`, so they work with the historical models.
"""


def permission(apps, app_label: str, model: str, codename: str):
    """The permission `codename` of `app_label.model`, created if it does not exist yet."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    perm, _ = Permission.objects.get_or_create(
        content_type=content_type, codename=codename, defaults={"name": codename.replace("_", " ")}
    )
    return perm


def grant_to_role(apps, role: str, app_label: str, model: str, codenames: list[str]) -> None:
    """Give the permissions to every group of `role`: the installation's and each site's
    ("<role> (<hostname>)", kek/editorial/roles.site_group_name)."""
    Group = apps.get_model("auth", "Group")
    permissions = [permission(apps, app_label, model, codename) for codename in codenames]
    for group in Group.objects.filter(name__startswith=role):
        group.permissions.add(*permissions)
