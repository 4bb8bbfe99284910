"""Keep the search index current: rebuild after anything public changes.

Connected for the site's own page types (everything built on KekPage), projects and places, and
the models whose publication changes another app's facet (facets.py).
"""

from django.apps import apps
from django.db.models.signals import post_delete, post_save
from wagtail.signals import page_published, page_unpublished, published, unpublished

from kek.core.pages import KekPage
from kek.places.models import Place
from kek.plan.models import Project

from . import facets
from .tasks import schedule_rebuild


def changed(sender, **kwargs) -> None:
    schedule_rebuild()


def facet_changed(sender, **kwargs) -> None:
    """Connected to every publication; hooks are read only once a signal comes, when all apps are
    loaded (reading them in AppConfig.ready would import every app's wagtail_hooks too early)."""
    if any(sender in facet.get("models", ()) for facet in facets.extra()):
        schedule_rebuild()


def connect() -> None:
    for model in apps.get_models():
        if issubclass(model, KekPage):
            page_published.connect(changed, sender=model)
            page_unpublished.connect(changed, sender=model)
    for signal in (published, unpublished, post_delete):
        signal.connect(changed, sender=Project)
    for signal in (post_save, post_delete):
        signal.connect(changed, sender=Place)
    # Wagtail's signals only: a post_delete for every model would cost every delete its fast path.
    # Deleting a facet model's object is picked up by the next rebuild.
    for signal in (published, unpublished):
        signal.connect(facet_changed)
