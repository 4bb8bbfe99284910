"""Keep the search index current: rebuild after anything public changes."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.signals import page_published, page_unpublished, published, unpublished

from kek.places.models import Place
from kek.plan.models import Project

from .tasks import schedule_rebuild


@receiver(page_published)
@receiver(page_unpublished)
def page_changed(sender, **kwargs) -> None:
    schedule_rebuild()


@receiver(published, sender=Project)
@receiver(unpublished, sender=Project)
@receiver(post_delete, sender=Project)
@receiver(post_save, sender=Place)
@receiver(post_delete, sender=Place)
def object_changed(sender, **kwargs) -> None:
    schedule_rebuild()
