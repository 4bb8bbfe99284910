"""Record each publication, unpublication and deletion of concept content as a ChangeRecord.

Each record belongs to the site of its concept. Nothing is recorded while the decided version
itself is being loaded (HomePage.baseline_at is still empty then): that version is the baseline
the history starts from.
"""

from django.apps import apps
from django.db.models.signals import post_delete, pre_delete
from django.utils import timezone, translation
from wagtail.models import ModelLogEntry, Page, PageLogEntry, Site
from wagtail.signals import page_published, page_unpublished, published, unpublished

from kek.core.pages import KekPage
from kek.plan.models import HomePage, Project
from kek.plan.tree import field_path, home_path

from .diff import compare
from .models import ChangeRecord
from .snapshots import project_sections

# Start pages being deleted with their whole concept (and site): nothing of them is recorded then.
_CONCEPTS_BEING_DELETED: set[str] = set()


def _recording_site(path: str) -> Site | None:
    """The site of the concept that the item at tree path `path` belongs to, while that concept
    records changes (from the moment its decided version was loaded); else None."""
    if home_path(path) in _CONCEPTS_BEING_DELETED:
        return None
    return Site.objects.filter(root_page__path=home_path(path), root_page__homepage__baseline_at__isnull=False).first()


def concept_deleting(sender, instance, **kwargs) -> None:
    _CONCEPTS_BEING_DELETED.add(instance.path)


def concept_deleted(sender, instance, **kwargs) -> None:
    """The tree's base rows go last in a delete; after them nothing more of the concept is deleted."""
    _CONCEPTS_BEING_DELETED.discard(instance.path)


def _field_slug(path: str) -> str:
    """Slug of the field of action that the page at `path` lies in ("" above the fields)."""
    field = Page.objects.filter(path=field_path(path)).only("slug").first() if field_path(path) else None
    return field.slug if field else ""


def _previous_revision(entries, revision):
    entry = entries.filter(action="wagtail.publish").exclude(revision=revision).order_by("-timestamp", "-pk").first()
    return entry.revision if entry and entry.revision else None


def record_page(sender, instance, revision, **kwargs) -> None:
    page = instance.specific
    site = _recording_site(page.path)
    if site is None:
        return
    previous = _previous_revision(PageLogEntry.objects.filter(page=page), revision)
    with translation.override("de"):  # section names must not depend on the editor's language
        before = previous.as_object().change_sections() if previous else {}
        changes = compare(before, page.change_sections())
    if previous and not changes:
        return
    ChangeRecord.objects.create(
        site=site,
        created=timezone.now(),
        action=ChangeRecord.Action.CHANGED if previous else ChangeRecord.Action.ADDED,
        subject=str(page._meta.verbose_name),
        title=page.title,
        page=page,
        field_slug=_field_slug(page.path),
        changes=changes,
        note=getattr(page, "change_note", ""),
        user=revision.user,
    )


def record_page_unpublished(sender, instance, **kwargs) -> None:
    page = instance.specific
    _record_page_removal(page, _recording_site(page.path), _field_slug(page.path))


def remember_where(sender, instance, **kwargs) -> None:
    """Deleting cascades from parents to children; note site and field while the tree is still there."""
    instance._site = _recording_site(instance.path)
    instance._field_slug = _field_slug(instance.path)


def record_page_deleted(sender, instance, **kwargs) -> None:
    if instance.live and home_path(instance.path) not in _CONCEPTS_BEING_DELETED:
        _record_page_removal(instance, getattr(instance, "_site", None), getattr(instance, "_field_slug", ""))


def _record_page_removal(page, site: Site | None, field_slug: str) -> None:
    if site is not None:
        ChangeRecord.objects.create(
            site=site,
            created=timezone.now(),
            action=ChangeRecord.Action.REMOVED,
            subject=str(page._meta.verbose_name),
            title=page.title,
            field_slug=field_slug,
            changes=[{"section": "", "added": [], "removed": [page.title], "reworded": []}],
        )


def record_project(sender, instance, revision, **kwargs) -> None:
    approach = Page.objects.filter(pk=instance.approach_id).first()
    site = _recording_site(approach.path) if approach else None
    if site is None:
        return
    entries = ModelLogEntry.objects.for_instance(instance)
    previous = _previous_revision(entries, revision)
    with translation.override("de"):
        before = project_sections(previous.as_object()) if previous else {}
        changes = compare(before, project_sections(instance))
    if previous and not changes:
        return
    action = ChangeRecord.Action.CHANGED if previous else ChangeRecord.Action.ADDED
    _record_project(instance, approach, site, action, changes, revision.user, note=instance.change_note)


def record_project_removed(sender, instance, **kwargs) -> None:
    """Unpublished, or deleted while public. Not when its approach page is deleted with it: the
    page's own removal says so."""
    approach = Page.objects.filter(pk=instance.approach_id).first()
    site = _recording_site(approach.path) if approach else None
    if site is None or (kwargs.get("signal") is post_delete and not instance.live):
        return
    with translation.override("de"):
        changes = compare(project_sections(instance), {})
    _record_project(instance, approach, site, ChangeRecord.Action.REMOVED, changes, None)


def _record_project(project: Project, approach: Page, site: Site, action: str, changes, user, note: str = "") -> None:
    ChangeRecord.objects.create(
        site=site,
        created=timezone.now(),
        action=action,
        subject=project.get_kind_display(),
        title=project.title,
        # No link for removals: they may be part of deleting the page itself.
        page=None if action == ChangeRecord.Action.REMOVED else approach,
        field_slug=_field_slug(approach.path),
        changes=changes,
        note=note,
        user=user,
    )


def record_change(page: Page, subject: str, title: str, changes: list[dict], user=None) -> None:
    """A published change another app reports (kek/core's RECORD_CHANGE_HOOK), e.g. a new progress
    entry of a project: recorded like a change of the concept, linked to `page`."""
    site = _recording_site(page.path)
    if site is None or not changes:
        return
    ChangeRecord.objects.create(
        site=site,
        created=timezone.now(),
        action=ChangeRecord.Action.CHANGED,
        subject=subject,
        title=title,
        page=page,
        field_slug=_field_slug(page.path),
        changes=changes,
        user=user,
    )


def connect() -> None:
    """Connect the recorders to the concept's own models only: the page types that take part in
    the history, and projects. Other deletes in the project stay fast deletes."""
    pages = [m for m in apps.get_models() if issubclass(m, KekPage) and m.in_change_history and m is not HomePage]
    for model in pages:
        page_published.connect(record_page, sender=model)
        page_unpublished.connect(record_page_unpublished, sender=model)
        pre_delete.connect(remember_where, sender=model)
        post_delete.connect(record_page_deleted, sender=model)
    pre_delete.connect(concept_deleting, sender=HomePage)
    post_delete.connect(concept_deleted, sender=Page)
    published.connect(record_project, sender=Project)
    unpublished.connect(record_project_removed, sender=Project)
    post_delete.connect(record_project_removed, sender=Project)
