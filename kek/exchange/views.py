"""Admin view: download the whole concept as a content file."""

from django.http import HttpRequest, HttpResponse
from django.utils import timezone

from .exporter import export_concept, to_yaml


def export_download(request: HttpRequest) -> HttpResponse:
    response = HttpResponse(to_yaml(export_concept()), content_type="application/yaml; charset=utf-8")
    filename = f"kek-export-{timezone.localdate():%Y-%m-%d}.yaml"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
