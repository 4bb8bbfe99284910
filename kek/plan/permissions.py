"""Who may do what with a project or idea: what the page permissions of its approach allow.

Fachdienst editors hold page permissions on their field of action only, each site's Redaktion on
its site's start page; projects follow those, so a county manages one set of permissions. The
rules mirror Wagtail's for pages: editing needs "change", publishing and unpublishing "publish",
locking "lock", unlocking "unlock", and deleting a public item "publish" (it takes content off the
site without approval), a draft "change". Model-level permissions still grant everything, as in
Wagtail's default policy (no role holds them for projects).
"""

from django.db.models import Q, QuerySet
from wagtail.models import GroupPagePermission, Page

from kek.core.permissions import PagePermissionPolicy

# Page permission (codename) that grants an action on the projects below a page.
PAGE_PERMISSION = {
    "add": "change_page",
    "change": "change_page",
    "delete": "change_page",  # a draft; a public item needs publish_page, checked per item
    "publish": "publish_page",
    "lock": "lock_page",
    "unlock": "unlock_page",
}
PAGE_ACTION = {"add": "change", "change": "change", "publish": "publish", "lock": "lock", "unlock": "unlock"}


class ProjectPermissionPolicy(PagePermissionPolicy):
    def _pages_for(self, user, actions) -> QuerySet:
        codenames = {PAGE_PERMISSION[a] for a in actions if a in PAGE_PERMISSION}
        if not codenames or not user.is_active:
            return Page.objects.none()
        grants = GroupPagePermission.objects.filter(group__user=user, permission__codename__in=codenames)
        return Page.objects.filter(pk__in=grants.values("page"))

    def user_has_permission(self, user, action) -> bool:
        return self._model_level(user, action) or self._pages_for(user, [action]).exists()

    def user_has_permission_for_instance(self, user, action, instance) -> bool:
        if self._model_level(user, action):
            return True
        if action not in PAGE_PERMISSION or instance.approach_id is None or not user.is_active:
            return False
        granted = instance.approach.permissions_for_user(user).permissions  # {"change", "publish", ...}
        if action == "delete":
            return ("publish" if instance.live else "change") in granted
        return PAGE_ACTION[action] in granted

    def instances_user_has_any_permission_for(self, user, actions) -> QuerySet:
        if any(self._model_level(user, action) for action in actions):
            return self.model._default_manager.all()
        roots = self._pages_for(user, actions).values_list("path", flat=True)
        condition = Q(pk__in=[])
        for path in roots:
            condition |= Q(approach__path__startswith=path)
        return self.model._default_manager.filter(condition)
