from django.apps import AppConfig


class BackgroundConfig(AppConfig):
    """Work done outside the request: e-mail, the search index, retries, the health check."""

    name = "kek.background"
    label = "background"
    verbose_name = "Hintergrundaufgaben"

    def ready(self) -> None:
        from wagtail.permissions import register_permission_policy

        from . import retry  # noqa: F401 - connects the retry receiver
        from .models import TaskRecord
        from .permissions import ViewOnlyPolicy

        register_permission_policy(TaskRecord, ViewOnlyPolicy(TaskRecord))
