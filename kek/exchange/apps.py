from django.apps import AppConfig


class ExchangeConfig(AppConfig):
    """The concept in and out: the content files, their importer and exporter, the site set-up.

    It sits on top of every other app and may use them all; no app depends on it."""

    name = "kek.exchange"
    label = "exchange"
    verbose_name = "Import und Export"
