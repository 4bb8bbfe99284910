"""One check in front of every admin view that names an object.

Wagtail's generic snippet views check most actions against the model only. A viewset that wraps
its URL patterns with `guarded` asks, for every view whose URL names an object (`<pk>`), whether
the user may do that view's action with that very object, including views a later Wagtail adds.
`guarded_by_policy` asks the model's own permission policy, so each viewset only says which views
need more than "change".
"""

from collections.abc import Callable
from functools import wraps

from django.contrib.admin.utils import unquote
from django.db.models import Model
from django.shortcuts import get_object_or_404
from django.urls import URLPattern
from wagtail.admin.auth import permission_denied
from wagtail.permissions import policy_registry

# Views whose URL names an object and that need more than "change" on it, by URL name.
DELETE_NEEDS_DELETE = {"delete": "delete"}


def names_an_object(pattern) -> bool:
    return isinstance(pattern, URLPattern) and "pk" in pattern.pattern.regex.groupindex


def guarded(patterns: list, model: type[Model], allowed: Callable[[object, Model, str], bool]) -> list:
    """`patterns` with every object view asking `allowed(user, obj, url_name)` first."""
    return [_guard(pattern, model, allowed) if names_an_object(pattern) else pattern for pattern in patterns]


def guarded_by_policy(patterns: list, model: type[Model], object_actions: dict[str, str]) -> list:
    """`patterns` guarded by the model's permission policy: a view needs the action that
    `object_actions` names for its URL name, every other view "change" (also the read-only ones:
    another field's drafts are not the user's to see)."""

    def allowed(user, obj: Model, url_name: str) -> bool:
        action = object_actions.get(url_name, "change")
        return policy_registry.get_by_type(model).user_has_permission_for_instance(user, action, obj)

    return guarded(patterns, model, allowed)


def _guard(pattern: URLPattern, model: type[Model], allowed) -> URLPattern:
    view = pattern.callback

    @wraps(view)
    def checked(request, *args, pk, **kwargs):
        obj = get_object_or_404(model, pk=unquote(str(pk)))
        if not allowed(request.user, obj, pattern.name):
            return permission_denied(request)
        return view(request, *args, pk=pk, **kwargs)

    return URLPattern(pattern.pattern, checked, pattern.default_args, pattern.name)
