"""Record each publication, unpublication and deletion of concept content as a ChangeRecord.

Nothing is recorded while the decided version itself is being loaded (HomePage.baseline_at
is still empty then): that version is the baseline the history starts from.
"""

from django.apps import apps
from django.db.models.signals import post_delete, pre_delete
from django.utils import timezone, translation
from wagtail.models import ModelLogEntry, Page, PageLogEntry
from wagtail.signals import page_published, page_unpublished, published, unpublished

from kek.core.pages import KekPage
from kek.plan.models import HomePage, Project
from kek.plan.tree import field_path

from .diff import compare
from .models import ChangeRecord
from .snapshots import project_sections


def _recording() -> bool:
    home = HomePage.objects.only("baseline_at").first()
    return bool(home and home.baseline_at)


def _field_slug(page) -> str:
    """Slug of the field of action a page lies in ("" above the fields)."""
    path = field_path(page.path) if page is not None else ""
    field = Page.objects.filter(path=path).only("slug").first() if path else None
    return field.slug if field else ""


def _previous_revision(entries, revision):
    entry = entries.filter(action="wagtail.publish").exclude(revision=revision).order_by("-timestamp", "-pk").first()
    return entry.revision if entry and entry.revision else None


def record_page(sender, instance, revision, **kwargs) -> None:
    page = instance.specific
    if not _recording():
        return
    previous = _previous_revision(PageLogEntry.objects.filter(page=page), revision)
    with translation.override("de"):  # section names must not depend on the editor's language
        before = previous.as_object().change_sections() if previous else {}
        changes = compare(before, page.change_sections())
    if previous and not changes:
        return
    ChangeRecord.objects.create(
        created=timezone.now(),
        action=ChangeRecord.Action.CHANGED if previous else ChangeRecord.Action.ADDED,
        subject=str(page._meta.verbose_name),
        title=page.title,
        page=page,
        field_slug=_field_slug(page),
        changes=changes,
        note=getattr(page, "change_note", ""),
        user=revision.user,
    )


def record_page_unpublished(sender, instance, **kwargs) -> None:
    page = instance.specific
    _record_page_removal(page, _field_slug(page))


def remember_field(sender, instance, **kwargs) -> None:
    """Deleting cascades from parents to children; note the field while the tree is still there."""
    instance._field_slug = _field_slug(instance)


def record_page_deleted(sender, instance, **kwargs) -> None:
    if instance.live:
        _record_page_removal(instance, getattr(instance, "_field_slug", ""))


def _record_page_removal(page, field_slug: str) -> None:
    if _recording():
        ChangeRecord.objects.create(
            created=timezone.now(),
            action=ChangeRecord.Action.REMOVED,
            subject=str(page._meta.verbose_name),
            title=page.title,
            field_slug=field_slug,
            changes=[{"section": "", "added": [], "removed": [page.title], "reworded": []}],
        )


def record_project(sender, instance, revision, **kwargs) -> None:
    if not _recording():
        return
    entries = ModelLogEntry.objects.for_instance(instance)
    previous = _previous_revision(entries, revision)
    with translation.override("de"):
        before = project_sections(previous.as_object()) if previous else {}
        changes = compare(before, project_sections(instance))
    if previous and not changes:
        return
    action = ChangeRecord.Action.CHANGED if previous else ChangeRecord.Action.ADDED
    _record_project(instance, action, changes, revision.user, note=instance.change_note)


def record_project_unpublished(sender, instance, **kwargs) -> None:
    if _recording():
        with translation.override("de"):
            changes = compare(project_sections(instance), {})
        _record_project(instance, ChangeRecord.Action.REMOVED, changes, None)


def record_project_deleted(sender, instance, **kwargs) -> None:
    if instance.live and _recording() and Page.objects.filter(pk=instance.approach_id).exists():
        with translation.override("de"):
            changes = compare(project_sections(instance), {})
        _record_project(instance, ChangeRecord.Action.REMOVED, changes, None)


def _record_project(project: Project, action: str, changes: list[dict], user, note: str = "") -> None:
    approach = Page.objects.filter(pk=project.approach_id).first()  # gone when its page was deleted
    ChangeRecord.objects.create(
        created=timezone.now(),
        action=action,
        subject=project.get_kind_display(),
        title=project.title,
        # No link for removals: they may be part of deleting the page itself.
        page=None if action == ChangeRecord.Action.REMOVED else approach,
        field_slug=_field_slug(approach),
        changes=changes,
        note=note,
        user=user,
    )


def connect() -> None:
    """Connect the recorders to the concept's own models only: the page types that take part in
    the history, and projects. Other deletes in the project stay fast deletes."""
    pages = [m for m in apps.get_models() if issubclass(m, KekPage) and m.in_change_history and m is not HomePage]
    for model in pages:
        page_published.connect(record_page, sender=model)
        page_unpublished.connect(record_page_unpublished, sender=model)
        pre_delete.connect(remember_field, sender=model)
        post_delete.connect(record_page_deleted, sender=model)
    published.connect(record_project, sender=Project)
    unpublished.connect(record_project_unpublished, sender=Project)
    post_delete.connect(record_project_deleted, sender=Project)
