from django.apps import AppConfig


class HistoryConfig(AppConfig):
    """Fortschreibung: the public record of every change since the Kreistag's decision."""

    name = "kek.history"
    label = "history"
    verbose_name = "Fortschreibung"

    def ready(self) -> None:
        from . import signals

        signals.connect()
