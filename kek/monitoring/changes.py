"""Published progress entries in the public change history (kek/history, through kek/core's
RECORD_CHANGE_HOOK): when the Redaktion publishes (approves) a record, each entry that was not in
its previous publication is reported with its date, item and new status. A Fachdienst's draft is
reported only then, because Wagtail sends `published` only on publication."""

from collections import Counter

from django.utils import translation
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.models import ModelLogEntry, Page
from wagtail.signals import published

from kek.core.hooks import RECORD_CHANGE_HOOK
from kek.core.richtext import text_of

from .records import Implementation


def _previously_published(record: Implementation, revision) -> Counter:
    """(date, status) of the entries of the publication before this one (none for the first).

    By date and status, not by id: an entry added in a draft has no id in that revision, and date
    and status of a published entry never change (forms.py)."""
    entries = ModelLogEntry.objects.for_instance(record).filter(action="wagtail.publish").exclude(revision=revision)
    previous = entries.exclude(revision=None).order_by("-timestamp", "-pk").first()
    if previous is None:
        return Counter()
    return Counter((entry.date, entry.status) for entry in previous.revision.as_object().entries.all())


def report_entries(sender, instance: Implementation, revision, **kwargs) -> None:
    known = _previously_published(instance, revision)
    new = []
    for entry in instance.entries.order_by("date", "pk"):
        if known[entry.date, entry.status]:
            known[entry.date, entry.status] -= 1
        else:
            new.append(entry)
    item = instance.measure or instance.project
    if not new or item is None:
        return
    approach = Page.objects.filter(pk=item.approach_id, live=True).first()
    if approach is None:
        return
    with translation.override("de"):  # the history is written once, in the concept's language
        title = text_of(item.text) if instance.measure_id else item.title
        lines = [f"{e.date:%d.%m.%Y}: {e.get_status_display()} – {e.text}" for e in new]
        changes = [{"section": _("Umsetzungsstand"), "added": lines, "removed": [], "reworded": []}]
        subject = str(instance.measure._meta.verbose_name) if instance.measure_id else item.get_kind_display()
    for record_change in hooks.get_hooks(RECORD_CHANGE_HOOK):
        record_change(approach, subject, title, changes, revision.user)


def connect() -> None:
    published.connect(report_entries, sender=Implementation)
