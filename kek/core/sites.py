"""Which sites a back-office user works on."""

from django.db import models
from django.db.models import QuerySet
from wagtail.models import GroupPagePermission, Site

from .pages import home_path


def sites_for_user(user) -> QuerySet | None:
    """The sites below whose start page the user holds page permissions (Redaktion, Fachdienst).

    None means all sites: superusers, and installation-wide roles that hold no page permissions
    (Moderation, Administration)."""
    if user.is_superuser:
        return None
    paths = GroupPagePermission.objects.filter(group__user=user).values_list("page__path", flat=True)
    homes = {home_path(path) for path in paths}
    return Site.objects.filter(root_page__path__in=homes) if homes else None


class SiteScopedQuerySet(models.QuerySet):
    """For models with a `site`: the rows of the site that a page belongs to."""

    def of_site_at(self, path: str) -> "SiteScopedQuerySet":
        """The rows of the site whose start page holds the page at tree path `path`."""
        return self.filter(site__root_page__path=home_path(path))
