"""Writes the page frame offers every app: creating the pages a new site needs."""

from wagtail.models import Page


def ensure_child(parent: Page, model: type[Page], slug: str, title: str, **values) -> Page | None:
    """Create and publish a `model` page below `parent` unless it has one; None if not created."""
    if model.objects.child_of(parent).exists():
        return None
    page = model(slug=slug, title=title, **values)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page
