from django.apps import AppConfig


class IndicatorsConfig(AppConfig):
    """Indicators: is the county getting there? Targets, values with sources, rating, charts."""

    name = "kek.indicators"
    label = "indicators"
    verbose_name = "Indikatoren"
