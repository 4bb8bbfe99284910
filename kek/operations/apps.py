from django.apps import AppConfig


class OperationsConfig(AppConfig):
    """Running the portal in production: page cache headers and refreshes, JSON logs, static export,
    backups. On top of the layers: it knows every app's pages, no app knows it."""

    name = "kek.operations"
    label = "operations"
    verbose_name = "Betrieb"

    def ready(self) -> None:
        from . import purge

        purge.connect()
