from django.apps import AppConfig


class OpenDataConfig(AppConfig):
    """Open data: the read-only API under /api/v1/, CSV and YAML downloads, the data dictionary,
    the DCAT-AP.de catalogue and the "Offene Daten" page, each naming the site's licence."""

    name = "kek.opendata"
    label = "opendata"
    verbose_name = "Offene Daten"

    def ready(self) -> None:
        from . import signals

        signals.connect()  # rebuild the downloads after each publication
