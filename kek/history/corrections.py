"""Typo corrections made known after the decided version was frozen with the corrected wording
(concepts loaded before corrections were kept apart): the frozen version gets the decided wording
back and each correction becomes a dated editorial record, as if published after the decision."""

from django.utils import timezone
from wagtail.models import Page, Site

from kek.plan.tree import field_path

from .diff import compare
from .records import BaselineSnapshot, ChangeRecord


def restore_decided_wording(site: Site, corrections: list[tuple[int, str, str]], note: str) -> int:
    """`corrections`: (page id, decided, corrected). Returns how many pages' frozen versions changed."""
    by_page: dict[int, list[tuple[str, str]]] = {}
    for page_id, decided, corrected in corrections:
        by_page.setdefault(page_id, []).append((decided, corrected))
    changed = 0
    for snapshot in BaselineSnapshot.objects.filter(site=site, page_id__in=by_page):
        pairs = by_page[snapshot.page_id]
        as_frozen = snapshot.sections
        decided = {section: [_undo(item, pairs) for item in items] for section, items in as_frozen.items()}
        if decided == as_frozen:
            continue
        snapshot.sections = decided
        snapshot.save(update_fields=["sections"])
        page = Page.objects.filter(pk=snapshot.page_id).first()
        field = (
            Page.objects.filter(path=field_path(snapshot.path)).only("slug").first()
            if field_path(snapshot.path)
            else None
        )
        ChangeRecord.objects.create(
            site=site,
            created=timezone.now(),
            action=ChangeRecord.Action.CHANGED,
            subject=str(page.specific_class._meta.verbose_name) if page else "",
            title=snapshot.title,
            page=page,
            field_slug=field.slug if field else "",
            changes=compare(decided, as_frozen),
            note=note,
            editorial=True,
        )
        changed += 1
    return changed


def _undo(text: str, pairs: list[tuple[str, str]]) -> str:
    for decided, corrected in pairs:
        text = text.replace(corrected, decided)
    return text
