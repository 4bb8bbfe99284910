"""Who may do what with an indicator: what the page permissions on its pages allow.

As with projects (kek/plan/permissions.py), indicators have no roles of their own. A site's
Redaktion holds page permissions on its start page, so it may add, edit and delete every
indicator of its site; a Fachdienst holds "change" on its field, so it may add and edit the
indicators linked to a Teilziel in its field (and enter their values), but not delete them.
Deleting takes "publish" (Redaktion only): it removes a public series without approval.
Model-level permissions still grant everything, as in Wagtail's default policy.
"""

from django.db.models import Q, QuerySet

from kek.core.permissions import PagePermissionPolicy, page_permission_paths

# Page permission (codename) that grants an action on the indicators below a page.
PAGE_PERMISSION = {"add": "change_page", "change": "change_page", "view": "change_page", "delete": "publish_page"}


def granted_paths(user, actions) -> list[str]:
    """Tree paths of the pages on which the user holds a page permission that grants one of `actions`."""
    return page_permission_paths(user, {PAGE_PERMISSION[a] for a in actions if a in PAGE_PERMISSION})


def covers(paths: list[str], page_path: str) -> bool:
    """Whether a permission on one of the pages at `paths` reaches the page at `page_path`."""
    return any(page_path.startswith(path) for path in paths)


class IndicatorPermissionPolicy(PagePermissionPolicy):
    def user_has_permission(self, user, action) -> bool:
        return self._model_level(user, action) or bool(granted_paths(user, [action]))

    def user_has_permission_for_instance(self, user, action, instance) -> bool:
        if self._model_level(user, action):
            return True
        paths = granted_paths(user, [action])
        if not paths:
            return False
        if covers(paths, instance.site.root_page.path):
            return True
        return action != "delete" and any(covers(paths, p) for p in instance.sub_goals.values_list("path", flat=True))

    def instances_user_has_any_permission_for(self, user, actions) -> QuerySet:
        if any(self._model_level(user, action) for action in actions):
            return self.model._default_manager.all()
        condition = Q(pk__in=[])
        for action in actions:
            for path in granted_paths(user, [action]):
                condition |= Q(site__root_page__path__startswith=path)
                if action != "delete":
                    condition |= Q(sub_goals__path__startswith=path)
        return self.model._default_manager.filter(pk__in=self.model._default_manager.filter(condition).values("pk"))
