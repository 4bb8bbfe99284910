from django.apps import AppConfig
from wagtail.users.apps import WagtailUsersAppConfig


class EditorialConfig(AppConfig):
    """The back office: roles, the approval workflow, export and re-import of the concept."""

    name = "kek.editorial"
    label = "editorial"
    verbose_name = "Redaktion"
    default = True  # this module holds two app configs

    def ready(self) -> None:
        from wagtail.models import TaskState
        from wagtail.signals import task_submitted

        from .approval import notify_publishers

        task_submitted.connect(notify_publishers, sender=TaskState)


class WagtailUsersConfig(WagtailUsersAppConfig):
    """Wagtail's user and group screens with our guarded forms (see users.py)."""

    default = False
    user_viewset = "kek.editorial.users.UserViewSet"
    group_viewset = "kek.editorial.users.GroupViewSet"
