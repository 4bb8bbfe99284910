"""Who may edit a project or idea: whoever may edit its approach page.

Fachdienst editors hold page permissions on their field of action only; projects follow those,
so a county manages one set of permissions. Model-level permissions (the Redaktion's) still
grant everything, as in Wagtail's default policy.
"""

from django.db.models import Q, QuerySet
from wagtail.models import GroupPagePermission, Page
from wagtail.permission_policies.base import ModelPermissionPolicy

EDIT_ACTIONS = {"add", "change", "delete", "lock", "unlock"}


def _page_permission(action: str) -> str:
    return "publish_page" if action == "publish" else "change_page"


class ProjectPermissionPolicy(ModelPermissionPolicy):
    def _model_level(self, user, action) -> bool:
        return ModelPermissionPolicy.user_has_permission(self, user, action)

    def _pages_for(self, user, actions) -> QuerySet:
        codenames = {_page_permission(a) for a in actions if a in EDIT_ACTIONS | {"publish"}}
        if not codenames or not user.is_active:
            return Page.objects.none()
        grants = GroupPagePermission.objects.filter(group__user=user, permission__codename__in=codenames)
        return Page.objects.filter(pk__in=grants.values("page"))

    def user_has_permission(self, user, action) -> bool:
        return self._model_level(user, action) or self._pages_for(user, [action]).exists()

    def user_has_any_permission(self, user, actions) -> bool:
        return any(self.user_has_permission(user, action) for action in actions)

    def user_has_permission_for_instance(self, user, action, instance) -> bool:
        if self._model_level(user, action):
            return True
        if action not in EDIT_ACTIONS | {"publish"} or instance.approach_id is None:
            return False
        permissions = instance.approach.permissions_for_user(user)
        return permissions.can_publish() if action == "publish" else permissions.can_edit()

    def user_has_any_permission_for_instance(self, user, actions, instance) -> bool:
        return any(self.user_has_permission_for_instance(user, a, instance) for a in actions)

    def instances_user_has_any_permission_for(self, user, actions) -> QuerySet:
        if any(self._model_level(user, action) for action in actions):
            return self.model._default_manager.all()
        roots = self._pages_for(user, actions).values_list("path", flat=True)
        condition = Q(pk__in=[])
        for path in roots:
            condition |= Q(approach__path__startswith=path)
        return self.model._default_manager.filter(condition)

    def instances_user_has_permission_for(self, user, action) -> QuerySet:
        return self.instances_user_has_any_permission_for(user, [action])
