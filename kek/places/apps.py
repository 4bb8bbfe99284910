from django.apps import AppConfig


class PlacesConfig(AppConfig):
    """Where the concept applies: the four Teilräume (later also Ämter and Gemeinden)."""

    name = "kek.places"
    label = "places"
    verbose_name = "Orte und Teilräume"
