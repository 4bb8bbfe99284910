"""The admin report of failed and pending tasks, read-only, for whoever may view task records
(the Administration role). Built from Wagtail's generic model views: listing, filter, detail page."""

import django_filters
from django.db.models import QuerySet
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django_tasks import TaskResultStatus
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.generic import IndexView, InspectView
from wagtail.admin.viewsets.model import ModelViewSet

from .models import STATUS_LABELS, TaskRecord


class TaskFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(
        label=_("Status"),
        choices=[
            (status, STATUS_LABELS[status])
            for status in (TaskResultStatus.FAILED, TaskResultStatus.READY, TaskResultStatus.RUNNING)
        ],
    )

    class Meta:
        model = TaskRecord
        fields = ["status"]


class TaskIndexView(IndexView):
    default_ordering = "-enqueued_at"

    def get_base_queryset(self) -> QuerySet:
        """Finished tasks are no one's concern; failed and waiting ones are."""
        return super().get_base_queryset().exclude(status=TaskResultStatus.SUCCESSFUL)


class TaskInspectView(InspectView):
    LABELS = {
        "task_path": _("Aufgabe"),
        "subject": _("Betreff"),
        "status_label": _("Status"),
        "attempts": _("Versuche"),
        "enqueued_at": _("Eingereiht"),
        "started_at": _("Zuletzt gestartet"),
        "finished_at": _("Beendet"),
        "next_attempt": _("Nächster Versuch"),
        "traceback": _("Fehler"),
    }

    def get_field_label(self, field_name: str, field) -> str:
        return str(self.LABELS[field_name])

    def get_traceback_display_value(self) -> str:
        return format_html("<pre>{}</pre>", self.object.traceback) if self.object.traceback else "–"


class TaskViewSet(ModelViewSet):
    model = TaskRecord
    icon = "cogs"
    add_to_admin_menu = True
    menu_order = 1010
    url_prefix = "hintergrundaufgaben"
    index_view_class = TaskIndexView
    inspect_view_class = TaskInspectView
    inspect_view_enabled = True
    copy_view_enabled = False
    form_fields = []  # no forms: the policy refuses add and edit
    filterset_class = TaskFilterSet
    list_display = [
        "__str__",
        Column("subject", label=_("Betreff")),
        Column("status_label", label=_("Status")),
        Column("attempts", label=_("Versuche")),
        DateColumn("enqueued_at", label=_("Eingereiht"), sort_key="enqueued_at"),
        DateColumn("next_attempt", label=_("Nächster Versuch")),
        Column("error", label=_("Fehler")),
    ]
    inspect_view_fields = list(TaskInspectView.LABELS)
