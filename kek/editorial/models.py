"""The back office's own models: a permission without a table (the audit log), login rules per
role, and the approval task (kept with its logic in approval.py)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from .approval import SiteApprovalTask

__all__ = ["AuditLog", "LoginPolicy", "SiteApprovalTask"]


class AuditLog(models.Model):
    class Meta:
        managed = False
        default_permissions = ()
        permissions = [("view_audit_log", _("Protokoll aller Änderungen im Backend einsehen"))]

    def __str__(self) -> str:
        return str(_("Protokoll"))


class LoginPolicy(models.Model):
    """What a role (group) asks of its members at login; set on the group's edit screen."""

    group = models.OneToOneField(
        "auth.Group", on_delete=models.CASCADE, primary_key=True, related_name="login_policy", verbose_name=_("Gruppe")
    )
    two_factor_required = models.BooleanField(
        _("Zwei-Faktor-Anmeldung erforderlich"),
        default=False,
        help_text=_(
            "Mitglieder dieser Gruppe richten beim nächsten Anmelden eine Authenticator-App ein "
            "und geben danach bei jeder Anmeldung zusätzlich einen Code aus der App ein."
        ),
    )

    class Meta:
        verbose_name = _("Anmelderegel")
        verbose_name_plural = _("Anmelderegeln")

    def __str__(self) -> str:
        return str(self.group)

    @classmethod
    def requires_two_factor(cls, user) -> bool:
        return cls.objects.filter(group__user=user, two_factor_required=True).exists()
