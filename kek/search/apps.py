from django.apps import AppConfig


class SearchConfig(AppConfig):
    """Finding things: full-text search with German stemming, facets and suggestions."""

    name = "kek.search"
    label = "search"
    verbose_name = "Suche"

    def ready(self) -> None:
        from . import signals

        signals.connect()  # keeps the index current
