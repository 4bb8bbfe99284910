"""Admin: upload a CSV file of values, checked exactly as `manage.py import_indicator_values` checks it."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from wagtail.admin.auth import permission_denied
from wagtail.models import Site
from wagtail.permissions import policy_registry

from kek.core.sites import sites_for_user

from .forms import ValuesUploadForm
from .models import Indicator
from .values_csv import ValuesFileError, import_values


def editable_indicators(user):
    return policy_registry.get_by_type(Indicator).instances_user_has_permission_for(user, "change")


def upload_values(request: HttpRequest) -> HttpResponse:
    editable = editable_indicators(request.user)
    if not editable.exists():
        return permission_denied(request)
    sites = sites_for_user(request.user)
    sites = Site.objects.filter(pk__in=editable.values("site")) if sites is None else sites
    form = ValuesUploadForm(request.POST or None, request.FILES or None, sites=sites)
    problems: list[str] = []
    status = 200
    if request.method == "POST":
        if form.is_valid():
            site = form.cleaned_data["site"]
            keys = set(editable.filter(site=site).values_list("key", flat=True))
            try:
                result = import_values(form.cleaned_data["file"].read(), site, editable=keys)
            except ValuesFileError as exc:
                problems = exc.problems
            else:
                messages.success(request, _("Die Werte wurden übernommen: %(result)s") % {"result": result})
                return redirect("indicators_upload_values")
        status = 400
    return render(request, "indicators/admin/upload_values.html", {"form": form, "problems": problems}, status=status)
