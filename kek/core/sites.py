"""Which sites a back-office user works on."""

from django.db import models
from django.db.models import QuerySet
from wagtail.models import GroupPagePermission, Site
from wagtail.permission_policies.sites import SitePermissionPolicy

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


def works_on(user, site_id: int) -> bool:
    """Whether the site is one of the user's (every site is, for installation-wide roles)."""
    sites = sites_for_user(user)
    return sites is None or sites.filter(pk=site_id).exists()


def on_own_site(user, obj, url_name: str) -> bool:
    """For `guarded` (kek/core/admin_urls.py): the object belongs to one of the user's sites."""
    return works_on(user, obj.site_id)


def of_own_sites(rows: QuerySet, user) -> QuerySet:
    """The rows (of a model with a `site`) that belong to the user's sites."""
    sites = sites_for_user(user)
    return rows if sites is None else rows.filter(site__in=sites)


class SiteScopedQuerySet(models.QuerySet):
    """For models with a `site`: the rows of the site that a page belongs to."""

    def of_site_at(self, path: str) -> "SiteScopedQuerySet":
        """The rows of the site whose start page holds the page at tree path `path`."""
        return self.filter(site__root_page__path=home_path(path))


class OwnSitesSettingPolicy(SitePermissionPolicy):
    """Wagtail's policy for site settings, narrowed to the sites the user works on.

    The Redaktion holds "change" on a setting for the whole installation (one Django permission);
    which county's settings that reaches is decided as for the snippets: `sites_for_user`. Wagtail's
    settings views (menu, redirect, edit, preview, site switcher) all ask this policy."""

    def user_has_any_permission_for_instance(self, user, actions, instance) -> bool:
        site_id = instance.pk if isinstance(instance, Site) else getattr(instance, self.site_fk_field_name)
        return super().user_has_any_permission_for_instance(user, actions, instance) and works_on(user, site_id)

    def sites_user_has_any_permission_for(self, user, actions) -> QuerySet:
        permitted = super().sites_user_has_any_permission_for(user, actions)
        sites = sites_for_user(user)
        return permitted if sites is None else permitted.filter(pk__in=sites.values("pk"))
