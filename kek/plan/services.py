"""Creating pages a new installation needs below the start page."""

from wagtail.models import Page

from .models import HomePage


def ensure_home_child(model: type[Page], slug: str, title: str, **values) -> Page | None:
    """Create and publish a `model` page below the start page unless one exists; None if not created."""
    home = HomePage.objects.first()
    if home is None or model.objects.exists():
        return None
    page = model(slug=slug, title=title, **values)
    home.add_child(instance=page)
    page.save_revision().publish()
    return page
