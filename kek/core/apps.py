from django.apps import AppConfig


class CoreConfig(AppConfig):
    """Shared page frame: base templates, error pages, navigation, security headers."""

    name = "kek.core"
    label = "core"
    verbose_name = "Portal"
