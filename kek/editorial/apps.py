from django.apps import AppConfig


class EditorialConfig(AppConfig):
    """The back office: roles, the approval workflow, export and re-import of the concept."""

    name = "kek.editorial"
    label = "editorial"
    verbose_name = "Redaktion"
