"""The frame of the permission policies whose rights follow page permissions.

Projects, implementation records, indicators and organisational units have no roles of their own:
who may act on one follows the page permissions below which it stands (kek/plan, kek/monitoring,
kek/indicators say how). Model-level permissions still grant everything, as in Wagtail's default
policy. A policy says what page permissions grant for one action; the "any of these actions" and
single-action variants Wagtail also asks follow from that here, once.
"""

from django.db.models import QuerySet
from wagtail.models import GroupPagePermission
from wagtail.permission_policies.base import ModelPermissionPolicy


def page_permission_paths(user, codenames, *, max_depth: int | None = None) -> list[str]:
    """Tree paths of the pages (no deeper than `max_depth`) on which the user holds one of the
    page permissions `codenames`."""
    if not codenames or not user.is_active:
        return []
    grants = GroupPagePermission.objects.filter(group__user=user, permission__codename__in=codenames)
    if max_depth is not None:
        grants = grants.filter(page__depth__lte=max_depth)
    return sorted(set(grants.values_list("page__path", flat=True)))


class PagePermissionPolicy(ModelPermissionPolicy):
    """Subclasses give `user_has_permission`, `user_has_permission_for_instance` and
    `instances_user_has_any_permission_for`."""

    def _model_level(self, user, action) -> bool:
        return ModelPermissionPolicy.user_has_permission(self, user, action)

    def user_has_any_permission(self, user, actions) -> bool:
        return any(self.user_has_permission(user, action) for action in actions)

    def user_has_any_permission_for_instance(self, user, actions, instance) -> bool:
        return any(self.user_has_permission_for_instance(user, action, instance) for action in actions)

    def instances_user_has_permission_for(self, user, action) -> QuerySet:
        return self.instances_user_has_any_permission_for(user, [action])
