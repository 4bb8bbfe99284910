"""Admin entries of the back office: the audit log for Administration; guarded role assignment."""

from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import permission_required
from django.http import HttpRequest, HttpResponse
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .login import LoginPolicyPanel, enrol, verify
from .users import ADMINISTRATION_ONLY_FOR_SUPERUSERS, is_administration, may_hand_out_power, refuse
from .views import audit_log

PERMISSION = "editorial.view_audit_log"


class AuditLogMenuItem(MenuItem):
    def is_shown(self, request) -> bool:
        return request.user.has_perm(PERMISSION)


@hooks.register("register_admin_urls")
def register_audit_log_url():
    return [path("protokoll/", permission_required(PERMISSION, raise_exception=True)(audit_log), name="kek_audit_log")]


@hooks.register("register_admin_urls")
def register_two_factor_urls():
    return [
        path("anmeldung/code/", verify, name="kek_two_factor_verify"),
        path("anmeldung/app-einrichten/", enrol, name="kek_two_factor_enrol"),
    ]


@hooks.register("register_group_permission_panel")
def register_login_policy_panel():
    return LoginPolicyPanel


@hooks.register("register_admin_menu_item")
def register_audit_log_menu_item():
    return AuditLogMenuItem(_("Protokoll"), reverse("kek_audit_log"), icon_name="history", order=1000)


@hooks.register("before_bulk_action")
def refuse_bulk_administration_role(request: HttpRequest, action_type: str, objects, action) -> HttpResponse | None:
    """The user listing's bulk action "Rolle zuweisen" must not hand out the Administration either."""
    if action_type != "assign_role" or action.model is not get_user_model() or may_hand_out_power(request.user):
        return None
    if is_administration(action.cleaned_form.cleaned_data["role"]):
        return refuse(request, ADMINISTRATION_ONLY_FOR_SUPERUSERS, action.next_url)
    return None
