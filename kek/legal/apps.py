from django.apps import AppConfig


class LegalConfig(AppConfig):
    """Pages the law asks of a public body's website, and the barrier feedback they lead to."""

    name = "kek.legal"
    label = "legal"
    verbose_name = "Pflichtangaben und Barrierefreiheit"

    def ready(self) -> None:
        from . import notices  # noqa: F401 - connects the notice to the Redaktion
