from django.apps import AppConfig


class PublicationsConfig(AppConfig):
    """Files made from the published concept (the concept as PDF; the open-data downloads through a
    hook), rebuilt by the task worker after each publication and served from storage."""

    name = "kek.publications"
    label = "publications"
    verbose_name = "Veröffentlichungen"

    def ready(self) -> None:
        from . import signals

        signals.connect()
