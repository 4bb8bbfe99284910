"""Groups that depend on the content: one Fachdienst group per field of action."""

from django.contrib.auth.models import Group, Permission
from wagtail.models import GroupPagePermission

from kek.plan.models import FieldOfActionPage, HomePage

from .roles import FACHDIENST_PAGE_PERMISSIONS, FACHDIENST_PREFIX


def ensure_field_groups(home: HomePage) -> list[Group]:
    """A group per field whose members edit that field (pages, measures, projects) and submit
    their changes for approval; they cannot publish. Existing groups are left as they are."""
    access_admin = Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    page_permissions = Permission.objects.filter(
        content_type__app_label="wagtailcore", codename__in=FACHDIENST_PAGE_PERMISSIONS
    )
    created = []
    for field in FieldOfActionPage.objects.child_of(home):
        group, new = Group.objects.get_or_create(name=f"{FACHDIENST_PREFIX}{field.title}")
        if not new:
            continue
        group.permissions.add(access_admin)
        for permission in page_permissions:
            GroupPagePermission.objects.create(group=group, page=field, permission=permission)
        created.append(group)
    return created
