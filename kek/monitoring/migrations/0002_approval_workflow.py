"""Implementation records go through the same approval as projects: "Freigabe durch die Redaktion"
(created by kek.editorial's migrations), so a Fachdienst's progress entry is public only once the
Redaktion has approved it."""

from django.db import migrations

WORKFLOW_NAME = "Freigabe durch die Redaktion"


def attach_workflow(apps, schema_editor):
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowContentType = apps.get_model("wagtailcore", "WorkflowContentType")
    ContentType = apps.get_model("contenttypes", "ContentType")
    workflow = Workflow.objects.filter(name=WORKFLOW_NAME).first()
    if workflow is None:
        return
    content_type, _ = ContentType.objects.get_or_create(app_label="monitoring", model="implementation")
    WorkflowContentType.objects.update_or_create(content_type=content_type, defaults={"workflow": workflow})


def detach_workflow(apps, schema_editor):
    WorkflowContentType = apps.get_model("wagtailcore", "WorkflowContentType")
    WorkflowContentType.objects.filter(
        content_type__app_label="monitoring", content_type__model="implementation"
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("monitoring", "0001_initial"),
        ("editorial", "0007_site_approval_task"),
    ]

    operations = [migrations.RunPython(attach_workflow, detach_workflow)]
