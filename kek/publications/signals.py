"""Mark a site's content changed whenever something public of it changes (pages published,
unpublished, deleted or moved, projects, places, indicators, change records, implementation records
and units, the site's settings), so its files are rebuilt, the API's Last-Modified moves and the
parts of pages kept between requests are built anew (kek/core/content_cache.py)."""

from django.apps import apps
from django.db.models.signals import post_delete, post_save
from wagtail.contrib.settings.models import BaseSiteSetting
from wagtail.models import Site
from wagtail.signals import page_published, page_unpublished, post_page_move, published, unpublished

from kek.core.pages import KekPage, home_path
from kek.history.records import ChangeRecord
from kek.indicators.models import Indicator, IndicatorTarget, IndicatorValue
from kek.monitoring.records import Implementation, OrganisationalUnit
from kek.places.models import Place
from kek.plan.models import ApproachPage, Measure, Project

from .tasks import mark_changed


def _site_of_path(path: str) -> int | None:
    return Site.objects.filter(root_page__path=home_path(path)).values_list("pk", flat=True).first()


def page_changed(sender, instance, **kwargs) -> None:
    site_id = _site_of_path(instance.path)
    if site_id:
        mark_changed(site_id)


def page_moved(sender, instance, parent_page_before, parent_page_after, **kwargs) -> None:
    """Its old and new place (menus, lists, breadcrumbs), on one site or, moved across, on two."""
    for path in {parent_page_before.path, parent_page_after.path}:
        if site_id := _site_of_path(path):
            mark_changed(site_id)


def _approach_changed(approach_id: int | None) -> None:
    path = ApproachPage.objects.filter(pk=approach_id).values_list("path", flat=True).first()
    site_id = _site_of_path(path) if path else None
    if site_id:
        mark_changed(site_id)


def project_changed(sender, instance, **kwargs) -> None:
    _approach_changed(instance.approach_id)


def implementation_changed(sender, instance, **kwargs) -> None:
    """A status is public data (API, CSV, reports) once the Redaktion publishes its record."""
    item = Measure if instance.measure_id else Project
    item_id = instance.measure_id or instance.project_id
    _approach_changed(item.objects.filter(pk=item_id).values_list("approach_id", flat=True).first())


def site_item_changed(sender, instance, **kwargs) -> None:
    mark_changed(instance.site_id)


def indicator_part_changed(sender, instance, **kwargs) -> None:
    site_id = Indicator.objects.filter(pk=instance.indicator_id).values_list("site_id", flat=True).first()
    if site_id:
        mark_changed(site_id)


def connect() -> None:
    for model in apps.get_models():
        if issubclass(model, KekPage):
            page_published.connect(page_changed, sender=model)
            page_unpublished.connect(page_changed, sender=model)
    for signal in (published, unpublished, post_delete):
        signal.connect(project_changed, sender=Project)
        signal.connect(implementation_changed, sender=Implementation)
    for model in (Place, Indicator, ChangeRecord, OrganisationalUnit):
        post_save.connect(site_item_changed, sender=model)
        post_delete.connect(site_item_changed, sender=model)
    post_page_move.connect(page_moved)
    for model in apps.get_models():
        if issubclass(model, BaseSiteSetting):  # appearance, legal facts, licence: shown on pages
            post_save.connect(site_item_changed, sender=model)
    for model in (IndicatorTarget, IndicatorValue):
        post_save.connect(indicator_part_changed, sender=model)
        post_delete.connect(indicator_part_changed, sender=model)
