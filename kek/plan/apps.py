from django.apps import AppConfig


class PlanConfig(AppConfig):
    """The concept itself: fields of action down to measures, projects and ideas, and their pages."""

    name = "kek.plan"
    label = "plan"
    verbose_name = "Kreisentwicklungskonzept"
