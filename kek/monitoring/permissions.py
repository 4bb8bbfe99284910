"""Who may do what with implementation records and organisational units: what page permissions allow.

An implementation record follows the approach page of its measure or project, exactly as projects
do (kek/plan/permissions.py, whose rules are reused here by subclassing): a Fachdienst edits and
submits the records of its field, the site's Redaktion also publishes (approves), unpublishes,
locks and deletes. So a Fachdienst's progress entry reaches the public only through the approval
workflow. Organisational units are a list per site that only the site's Redaktion keeps (page
permissions on the start page); everyone who may edit a record may pick from it.
"""

from django.db.models import Q, QuerySet

from kek.core.pages import HOME_DEPTH
from kek.core.permissions import PagePermissionPolicy, page_permission_paths
from kek.plan.permissions import ProjectPermissionPolicy


class ImplementationPermissionPolicy(ProjectPermissionPolicy):
    """The project rules, with the approach reached through the record's measure or project."""

    def instances_user_has_any_permission_for(self, user, actions) -> QuerySet:
        if any(self._model_level(user, action) for action in actions):
            return self.model._default_manager.all()
        condition = Q(pk__in=[])
        for path in self._pages_for(user, actions).values_list("path", flat=True):
            condition |= Q(measure__approach__path__startswith=path) | Q(project__approach__path__startswith=path)
        return self.model._default_manager.filter(condition)


def editable_paths(user) -> list[str]:
    """Tree paths of the pages below which the user may edit items (and so their records)."""
    return page_permission_paths(user, ["change_page"])


def site_editor_paths(user) -> list[str]:
    """Tree paths of the start pages (or the tree root) on which the user holds "change_page":
    the Redaktion of those sites."""
    return page_permission_paths(user, ["change_page"], max_depth=HOME_DEPTH)


class UnitPermissionPolicy(PagePermissionPolicy):
    """Units of a site: added, changed and deleted by that site's Redaktion."""

    def user_has_permission(self, user, action) -> bool:
        return self._model_level(user, action) or bool(site_editor_paths(user))

    def user_has_permission_for_instance(self, user, action, instance) -> bool:
        if self._model_level(user, action):
            return True
        root = instance.site.root_page.path
        return any(root.startswith(path) for path in site_editor_paths(user))

    def instances_user_has_any_permission_for(self, user, actions) -> QuerySet:
        if any(self._model_level(user, action) for action in actions):
            return self.model._default_manager.all()
        condition = Q(pk__in=[])
        for path in site_editor_paths(user):
            condition |= Q(site__root_page__path__startswith=path)
        return self.model._default_manager.filter(condition)
