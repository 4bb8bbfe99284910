"""A changed licence changes every download: mark the site's content changed."""

from django.db.models.signals import post_save

from kek.publications.tasks import mark_changed

from .licences import OpenDataSettings


def licence_changed(sender, instance: OpenDataSettings, **kwargs) -> None:
    mark_changed(instance.site_id)


def connect() -> None:
    post_save.connect(licence_changed, sender=OpenDataSettings)
