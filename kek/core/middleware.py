"""Maintenance mode: while KEK_MAINTENANCE=1, visitors get a 503 page; the admin stays open, and
/healthz keeps reporting the real state, so load balancers do not take the maintenance page away."""

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string


class MaintenanceMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if settings.KEK_MAINTENANCE and not request.path.startswith(("/admin/", "/static/", "/healthz")):
            response = HttpResponse(render_to_string("503.html"), status=503)
            response["Retry-After"] = "3600"
            return response
        return self.get_response(request)
