"""Admin entries of the back office: the audit log for Administration."""

from django.contrib.auth.decorators import permission_required
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .views import audit_log

PERMISSION = "editorial.view_audit_log"


class AuditLogMenuItem(MenuItem):
    def is_shown(self, request) -> bool:
        return request.user.has_perm(PERMISSION)


@hooks.register("register_admin_urls")
def register_audit_log_url():
    return [path("protokoll/", permission_required(PERMISSION, raise_exception=True)(audit_log), name="kek_audit_log")]


@hooks.register("register_admin_menu_item")
def register_audit_log_menu_item():
    return AuditLogMenuItem(_("Protokoll"), reverse("kek_audit_log"), icon_name="history", order=1000)
