from django.apps import AppConfig


class MonitoringConfig(AppConfig):
    """Implementation status: is the county getting there? Status, progress entries, overview."""

    name = "kek.monitoring"
    label = "monitoring"
    verbose_name = "Umsetzungsstand"

    def ready(self) -> None:
        from wagtail.permissions import register_permission_policy

        from . import changes
        from .permissions import ImplementationPermissionPolicy, UnitPermissionPolicy
        from .records import Implementation, OrganisationalUnit

        register_permission_policy(Implementation, ImplementationPermissionPolicy(Implementation))
        register_permission_policy(OrganisationalUnit, UnitPermissionPolicy(OrganisationalUnit))
        changes.connect()  # published progress entries go into the public change history
