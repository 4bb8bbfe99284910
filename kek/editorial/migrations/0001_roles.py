"""Create the county's roles and route approval through the Redaktion.

Permissions are created here if missing (kek/core/grants.py says why).
"""

from django.db import migrations

from kek.core.grants import permission
from kek.editorial.roles import (
    ADMINISTRATION,
    MODEL_PERMISSIONS,
    MODERATION,
    REDAKTION,
    REDAKTION_PAGE_PERMISSIONS,
)

WORKFLOW_NAME = "Freigabe durch die Redaktion"


def create_roles(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    WorkflowContentType = apps.get_model("wagtailcore", "WorkflowContentType")
    ContentType = apps.get_model("contenttypes", "ContentType")

    access_admin = permission(apps, "wagtailadmin", "admin", "access_admin")
    groups = {}
    for name, perms in MODEL_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(access_admin, *(permission(apps, *p) for p in perms))
        groups[name] = group

    root = Page.objects.filter(depth=1).first()
    if root is not None:
        for codename in REDAKTION_PAGE_PERMISSIONS:
            GroupPagePermission.objects.get_or_create(
                group=groups[REDAKTION], page=root, permission=permission(apps, "wagtailcore", "page", codename)
            )
    collection = Collection.objects.filter(depth=1).first()
    if collection is not None:
        for app_label, model in (("wagtaildocs", "document"), ("wagtailimages", "image")):
            for action in ("add", "change", "choose"):
                GroupCollectionPermission.objects.get_or_create(
                    group=groups[REDAKTION],
                    collection=collection,
                    permission=permission(apps, app_label, model, f"{action}_{model}"),
                )

    task_type, _ = ContentType.objects.get_or_create(app_label="wagtailcore", model="groupapprovaltask")
    task, _ = GroupApprovalTask.objects.get_or_create(
        name="Freigabe Redaktion", defaults={"content_type": task_type, "active": True}
    )
    task.groups.set([groups[REDAKTION]])
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    if root is not None:
        WorkflowPage.objects.update_or_create(page=root, defaults={"workflow": workflow})
    project_type, _ = ContentType.objects.get_or_create(app_label="plan", model="project")
    WorkflowContentType.objects.update_or_create(content_type=project_type, defaults={"workflow": workflow})

    # Wagtail's sample groups would sit beside the county's roles and confuse; remove them.
    Group.objects.filter(name__in=["Moderators", "Editors"]).delete()
    Workflow.objects.exclude(pk=workflow.pk).filter(name="Moderators approval").update(active=False)


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailimages", "0027_image_description"),
        ("plan", "0003_project_locked_project_locked_at_project_locked_by_and_more"),
        ("legal", "0001_initial"),
    ]

    operations = [migrations.RunPython(create_roles, migrations.RunPython.noop)]
