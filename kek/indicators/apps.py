from django.apps import AppConfig


class IndicatorsConfig(AppConfig):
    """Indicators: is the county getting there? Targets, values with sources, rating, charts."""

    name = "kek.indicators"
    label = "indicators"
    verbose_name = "Indikatoren"

    def ready(self) -> None:
        from wagtail.permissions import register_permission_policy

        from .models import Indicator
        from .permissions import IndicatorPermissionPolicy

        register_permission_policy(Indicator, IndicatorPermissionPolicy(Indicator))
