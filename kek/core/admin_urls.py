"""One check in front of every admin view that names an object.

Wagtail's generic snippet views check most actions against the model only. A viewset that wraps
its URL patterns with `guarded` asks, for every view whose URL names an object (`<pk>`), whether
the user may do that view's action with that very object, including views a later Wagtail adds.
"""

from collections.abc import Callable
from functools import wraps

from django.contrib.admin.utils import unquote
from django.db.models import Model
from django.shortcuts import get_object_or_404
from django.urls import URLPattern
from wagtail.admin.auth import permission_denied


def names_an_object(pattern) -> bool:
    return isinstance(pattern, URLPattern) and "pk" in pattern.pattern.regex.groupindex


def guarded(patterns: list, model: type[Model], allowed: Callable[[object, Model, str], bool]) -> list:
    """`patterns` with every object view asking `allowed(user, obj, url_name)` first."""
    return [_guard(pattern, model, allowed) if names_an_object(pattern) else pattern for pattern in patterns]


def _guard(pattern: URLPattern, model: type[Model], allowed) -> URLPattern:
    view = pattern.callback

    @wraps(view)
    def checked(request, *args, pk, **kwargs):
        obj = get_object_or_404(model, pk=unquote(str(pk)))
        if not allowed(request.user, obj, pattern.name):
            return permission_denied(request)
        return view(request, *args, pk=pk, **kwargs)

    return URLPattern(pattern.pattern, checked, pattern.default_args, pattern.name)
