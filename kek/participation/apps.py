from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ParticipationConfig(AppConfig):
    name = "kek.participation"
    verbose_name = _("Beteiligung")

    def ready(self) -> None:
        from . import signals

        signals.connect()
