"""Groups that depend on the content: each site's Redaktion and one Fachdienst per field of action."""

from django.contrib.auth.models import Group, Permission
from wagtail.models import GroupPagePermission, Site

from kek.plan.models import FieldOfActionPage, HomePage

from .roles import (
    FACHDIENST_PAGE_PERMISSIONS,
    FACHDIENST_PREFIX,
    MODEL_PERMISSIONS,
    REDAKTION,
    REDAKTION_PAGE_PERMISSIONS,
    site_group_name,
)


def ensure_site_groups(home: HomePage) -> list[Group]:
    """The site's Redaktion (everything below its start page, approves) and a group per field of
    action whose members edit that field and submit their changes for approval; they cannot publish.
    Existing groups are left as they are; returns the groups created."""
    site = Site.objects.filter(root_page=home).first()
    created = []
    redaktion, new = Group.objects.get_or_create(name=site_group_name(REDAKTION, site))
    if new or not GroupPagePermission.objects.filter(group=redaktion, page=home).exists():
        _grant(redaktion, home, REDAKTION_PAGE_PERMISSIONS, MODEL_PERMISSIONS[REDAKTION])
        created += [redaktion] if new else []
    for field in FieldOfActionPage.objects.child_of(home):
        group, new = Group.objects.get_or_create(name=site_group_name(f"{FACHDIENST_PREFIX}{field.title}", site))
        if new:
            _grant(group, field, FACHDIENST_PAGE_PERMISSIONS, [])
            created.append(group)
    return created


def _grant(group: Group, page, page_permissions: list[str], model_permissions: list[tuple]) -> None:
    access_admin = Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    group.permissions.add(access_admin)
    for app_label, _model, codename in model_permissions:
        group.permissions.add(Permission.objects.get(content_type__app_label=app_label, codename=codename))
    for permission in Permission.objects.filter(content_type__app_label="wagtailcore", codename__in=page_permissions):
        GroupPagePermission.objects.get_or_create(group=group, page=page, permission=permission)
