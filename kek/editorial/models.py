"""A permission without a table: who may read the full audit log."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class AuditLog(models.Model):
    class Meta:
        managed = False
        default_permissions = ()
        permissions = [("view_audit_log", _("Protokoll aller Änderungen im Backend einsehen"))]

    def __str__(self) -> str:
        return str(_("Protokoll"))
