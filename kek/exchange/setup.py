"""What every site's concept needs beside its content: service pages and editor groups."""

from wagtail import hooks

from kek.core.hooks import COMPLETE_SITE_HOOK
from kek.editorial.services import ensure_site_groups
from kek.history.services import ensure_page as ensure_change_log
from kek.indicators.services import ensure_page as ensure_indicator_index
from kek.legal.services import ensure_pages as ensure_legal_pages
from kek.monitoring.services import ensure_pages as ensure_monitoring_pages
from kek.participation.services import ensure_page as ensure_participation_page
from kek.places.services import ensure_page as ensure_place_index
from kek.plan.models import HomePage
from kek.search.services import ensure_synonyms

__all__ = ["COMPLETE_SITE_HOOK", "complete_site"]


def complete_site(home: HomePage) -> list[str]:
    """Create whatever the site below `home` is missing; returns the names of what was created."""
    created = [p.title for p in ensure_legal_pages(home)]
    created += [page.title for page in [ensure_change_log(home), ensure_place_index(home)] if page]
    created += [page.title for page in [ensure_indicator_index(home), ensure_participation_page(home)] if page]
    created += [page.title for page in ensure_monitoring_pages(home)]
    created += [group.name for group in ensure_site_groups(home)]
    site = home.get_site()
    created += [f"Suchwörter „{group.name}“" for group in ensure_synonyms(site)] if site else []
    created += [name for fn in hooks.get_hooks(COMPLETE_SITE_HOOK) for name in fn(home)]
    return created
