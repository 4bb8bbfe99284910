from django.apps import AppConfig


class LegalConfig(AppConfig):
    """Pages the law asks of a public body's website, and the barrier feedback they lead to."""

    name = "kek.legal"
    label = "legal"
    verbose_name = "Pflichtangaben und Barrierefreiheit"
