from django.apps import AppConfig


class PlanConfig(AppConfig):
    """The concept itself: fields of action down to measures, projects and ideas, and their pages."""

    name = "kek.plan"
    label = "plan"
    verbose_name = "Kreisentwicklungskonzept"

    def ready(self) -> None:
        from wagtail.permissions import register_permission_policy

        from .models import Project
        from .permissions import ProjectPermissionPolicy

        register_permission_policy(Project, ProjectPermissionPolicy(Project))
