"""Which cached addresses a publication changes, and refreshing them (Wagtail's frontend cache).

A page's publication, unpublication, move or deletion changes
- the page itself (under its old and new address) and its ancestors, which list it,
- the site's change log with its feed, and the sitemap (its `lastmod`),
and, when what *other* pages show of it changed (title or address, a page appearing or going away),
- its siblings (previous/next links), its descendants (breadcrumbs), the overviews that name
  concept pages across the tree (cross-cutting themes, places and map, indicators, the progress
  overview and the project index), the item pages (monitoring's page of a measure, project or
  idea) of every item below it, and, for a page in the main menu, every page of its site;
when only an approach's measures changed (their text, key or themes: edited inline, published
with the page),
- the item pages of the approach's measures and projects, the progress overview and its list, and
  the theme pages of those measures.
A project or idea (a snippet) appears on its approach page, its own item page, its measure's item
page, the cross-cutting theme pages, the place pages and the map and the progress list; its
publication changes those and the change log (and those where it was, had it another measure
or approach before). A status (monitoring's Implementation) appears on
the same pages and on the progress overview. Citizens' activity (a proposal's status or supports,
a round opened, changed, closed or deleted) refreshes the approach pages concerned and the
participation page (PUBLIC_ACTIVITY_HOOK).

The first group is refreshed at once, after the transaction commits, inside the editor's request
(a handful of pages, so the next visitor already sees the change); the rest by Wagtail's purge task
in the worker, a moment later. Pages of the English interface (/en/…) are not kept by shared caches
(KEK_CACHE_EXCLUDED_PATHS), which halves this work for a rarely used view. Without
WAGTAILFRONTENDCACHE (development, tests) nothing is sent.

Other apps add addresses with the Wagtail hook `kek_cached_urls(instance) -> list of full URLs`
(e.g. a PDF of the concept), without importing this module.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.db.models.signals import post_delete
from django.utils import translation
from wagtail import hooks
from wagtail.contrib.frontend_cache.utils import get_backends, purge_urls_from_cache
from wagtail.log_actions import registry as log_registry
from wagtail.models import Page, Site
from wagtail.signals import page_published, page_unpublished, post_page_move, published, unpublished

from kek.core.hooks import PUBLIC_ACTIVITY_HOOK
from kek.core.pages import home_path
from kek.history.models import ChangeLogPage
from kek.indicators.models import IndicatorIndexPage
from kek.monitoring.models import Implementation, ProgressOverviewPage, ProjectIndexPage
from kek.participation.models import ParticipationPage
from kek.places.models import PlaceIndexPage
from kek.plan.models import ApproachPage, CrossCuttingThemePage, Measure, Project
from kek.publications.tasks import record_changes

HOOK = "kek_cached_urls"
# Name concept pages across the tree: themes, places and map, indicators; the progress overview and
# the project index name fields, goals and approaches and list the items below them.
OVERVIEWS = (CrossCuttingThemePage, PlaceIndexPage, IndicatorIndexPage, ProgressOverviewPage, ProjectIndexPage)
# List projects and their statuses.
SHOWING_ITEMS = (CrossCuttingThemePage, PlaceIndexPage, ProjectIndexPage, ProgressOverviewPage)


@dataclass
class Refresh:
    """The addresses one change touches: `now` refreshed in the request, `later` by the worker."""

    now: set[str] = field(default_factory=set)
    later: set[str] = field(default_factory=set)

    def add(self, urls: Iterable[str], *, now: bool) -> None:
        (self.now if now else self.later).update(urls)


def page_url(page: Page) -> str | None:
    """The full address of `page` in the default language: the one shared caches keep (the English
    interface, /en/…, is not kept), whatever language the editor's request has active."""
    with translation.override(settings.LANGUAGE_CODE):
        return page.get_full_url()


def page_urls(page: Page) -> list[str]:
    """Every cached address of `page`: its URL joined with each of its `get_cached_paths()`."""
    url = page_url(page)
    if url is None:
        return []
    return [url + path.lstrip("/") for path in page.specific_deferred.get_cached_paths()]


def item_urls(home: Page, measure_keys: Iterable[str], project_keys: Iterable[str]) -> list[str]:
    """The monitoring pages of single items below `home`: a measure's page in the progress
    overview, a project's or idea's page in the project index (their routes `measure`, `project`)."""
    urls = []
    for section in Page.objects.child_of(home).live().type(ProgressOverviewPage, ProjectIndexPage).specific():
        base = page_url(section)
        route, keys = (
            ("measure", measure_keys) if isinstance(section, ProgressOverviewPage) else ("project", project_keys)
        )
        urls += [base + section.reverse_subpage(route, kwargs={"key": key}).lstrip("/") for key in keys if key]
    return urls


def _site_root(page: Page) -> Page | None:
    return Page.objects.filter(path=home_path(page.path)).first()


def site_urls(home: Page) -> list[str]:
    """Every cached address of the site whose start page is `home`."""
    urls = [
        url for page in Page.objects.live().descendant_of(home, inclusive=True).specific() for url in page_urls(page)
    ]
    return urls + _sitemap(home)


def _sitemap(home: Page) -> list[str]:
    site = Site.objects.filter(root_page=home).first()
    return [f"{site.root_url}/sitemap.xml"] if site else []


def _neighbourhood(page: Page, home: Page) -> list[str]:
    """The page's ancestors (they list it), the change log with its feed, the sitemap."""
    ancestors = Page.objects.ancestor_of(page).filter(depth__gte=home.depth).live().specific()
    change_logs = ChangeLogPage.objects.child_of(home).live()
    urls = [url for other in [*ancestors, *change_logs] for url in page_urls(other)]
    return urls + _sitemap(home) + [url for hook in hooks.get_hooks(HOOK) for url in hook(page)]


def _shown_elsewhere(page: Page, home: Page) -> list[str]:
    """Pages that name `page` outside its ancestry: all of the site for a page in the main menu,
    else its siblings, its descendants and the cross-tree overviews."""
    if page.depth == home.depth + 1 and page.show_in_menus:
        return site_urls(home)
    pages = [
        *Page.objects.sibling_of(page, inclusive=False).live().specific(),
        *Page.objects.descendant_of(page).live().specific(),
        *(overview for model in OVERVIEWS for overview in model.objects.descendant_of(home).live()),
    ]
    return [url for other in pages for url in page_urls(other)]


def _before(instance: Page | Project, revision) -> Page | Project | None:
    """A page or project as the publication before this one left it; None if it was not live before."""
    entries = log_registry.get_logs_for_instance(instance).filter(action__in=["wagtail.publish", "wagtail.unpublish"])
    previous = entries.exclude(revision=revision).order_by("-timestamp", "-pk").first()
    if previous is None or previous.action != "wagtail.publish" or previous.revision is None:
        return None
    return previous.revision.as_object()


def _changes_elsewhere(page: Page, before: Page | None) -> bool:
    """Whether other pages show something new of `page`: it was not live before, or its title or
    address changed since the publication before this one."""
    return before is None or before.title != page.title or before.slug != page.slug


def _measures(page: Page | None) -> dict[str, tuple]:
    """What other pages show of an approach's measures (edited inline, published with the page),
    by key: the text (item pages, the progress list, theme pages) and the themes (theme pages)."""
    if not isinstance(page, ApproachPage):
        return {}
    return {m.key: (m.text, sorted(t.pk for t in m.themes.all())) for m in page.measures.all()}


def _items_below(page: Page, before: Page | None) -> tuple[set[str], set[str]]:
    """Keys of the measures (also those this publication removed) and public projects of every
    approach at or below `page`: their item pages name its title and link it."""
    below = Q(approach__path__startswith=page.path)
    measures = set(Measure.objects.filter(below).values_list("key", flat=True)) | _measures(before).keys()
    return measures, set(Project.objects.public().filter(below).values_list("key", flat=True))


def _showing_measures(page: Page, home: Page, before: Page | None) -> list[str]:
    """Pages that show the measures of approach `page` that this publication changed (added,
    removed, reworded, tagged otherwise): their item pages, the item pages of their projects and
    of the approach's projects without a measure, the progress overview with its list, and the
    theme pages of those measures and projects. Nothing if no measure changed."""
    old, new = _measures(before), _measures(page)
    changed = {key for key in old.keys() | new.keys() if old.get(key) != new.get(key)}
    if not changed:
        return []
    projects = Project.objects.public().filter(Q(measure__key__in=changed) | Q(measure=None), approach=page)
    theme_ids = {pk for measures in (old, new) for key in changed if key in measures for pk in measures[key][1]}
    theme_ids |= set(projects.filter(themes__isnull=False).values_list("themes", flat=True))
    themes = CrossCuttingThemePage.objects.filter(pk__in=theme_ids).descendant_of(home).live()
    overviews = ProgressOverviewPage.objects.child_of(home).live()
    shown = [url for other in [*themes, *overviews] for url in page_urls(other)]
    return shown + item_urls(home, changed, set(projects.values_list("key", flat=True)))


def for_page(page: Page, *, elsewhere: bool, before: Page | None = None, old_urls: Iterable[str] = ()) -> Refresh:
    """`elsewhere`: other pages show something new of `page` (see _changes_elsewhere); `before`:
    the page as published before, to find which of an approach's measures changed."""
    refresh = Refresh()
    home = _site_root(page)
    if home is None:
        return refresh
    refresh.add([*page_urls(page), *old_urls], now=True)
    refresh.add(_neighbourhood(page, home), now=True)
    if elsewhere:
        refresh.add(_shown_elsewhere(page, home), now=False)
        refresh.add(item_urls(home, *_items_below(page, before)), now=False)
    else:
        refresh.add(_showing_measures(page, home, before), now=False)
    return refresh


def _for_approach(
    approach_id: int | None,
    listings: tuple[type[Page], ...],
    measure_keys: Iterable[str] = (),
    project_keys: Iterable[str] = (),
) -> Refresh:
    """Something shown on an approach page and on overviews (a project, a status): the approach
    page, its neighbourhood and the item pages of `measure_keys` and `project_keys` at once, the
    overviews of `listings` later."""
    refresh = Refresh()
    approach = Page.objects.filter(pk=approach_id).specific().first() if approach_id else None
    home = _site_root(approach) if approach else None
    if home is None:
        return refresh
    refresh.add(page_urls(approach), now=True)
    refresh.add(_neighbourhood(approach, home), now=True)
    refresh.add(item_urls(home, measure_keys, project_keys), now=True)
    overviews = [page for model in listings for page in model.objects.descendant_of(home).live().specific()]
    refresh.add([url for page in overviews for url in page_urls(page)], now=False)
    return refresh


def for_project(project: Project) -> Refresh:
    """A project or idea published, unpublished or deleted: its approach, its own page and its
    measure's page (which lists the measure's projects) at once, the overviews later."""
    measure_keys = Measure.objects.filter(pk=project.measure_id).values_list("key", flat=True)
    return _for_approach(project.approach_id, SHOWING_ITEMS, list(measure_keys), [project.key])


def for_implementation(record: Implementation) -> Refresh:
    """A status published: the item's approach, its own page and, for a project, its measure's
    page (which lists the project with its status) at once; the progress overview, the project
    list, themes and places later."""
    project = record.project if record.project_id else None
    measure = record.measure if record.measure_id else (project.measure if project else None)
    measure_keys = [measure.key] if measure else []
    project_keys = [project.key] if project else []
    return _for_approach(record.approach_id, SHOWING_ITEMS, measure_keys, project_keys)


def for_activity(site_id: int, approach_ids: list[int]) -> Refresh:
    """Citizens' activity (kek.core.hooks.PUBLIC_ACTIVITY_HOOK): the approach pages that show the
    proposals or link the round, and the participation page, at once. A proposal's own page holds
    forms and is never kept."""
    refresh = Refresh()
    site = Site.objects.filter(pk=site_id).select_related("root_page").first()
    if site is None:
        return refresh
    home = site.root_page
    approaches = Page.objects.filter(pk__in=approach_ids).descendant_of(home).live().specific()
    participation = ParticipationPage.objects.descendant_of(home).live()
    refresh.add([url for page in [*approaches, *participation] for url in page_urls(page)], now=True)
    return refresh


# At most this many addresses are refreshed inside the request; the rest go to the worker (a whole
# import or a bulk action in one transaction must not render hundreds of pages in one request).
MAX_NOW = 20


def enabled() -> bool:
    return bool(getattr(settings, "WAGTAILFRONTENDCACHE", None))


def send(refresh: Refresh) -> None:
    """After the commit: `now` from here, `later` as Wagtail's purge task for the worker.

    All changes of one transaction are merged (an import publishes hundreds of pages): every call
    registers a commit callback, the first one to run sends the merged set, the others find it
    gone. After a rollback the set stays and goes with the next commit, which at worst refreshes
    some pages once more."""
    connection = transaction.get_connection()
    pending = getattr(connection, "kek_pending_refresh", None) or Refresh()
    pending.now |= refresh.now
    pending.later |= refresh.later
    connection.kek_pending_refresh = pending

    def run() -> None:
        record_changes()  # nginx's refresh renders the pages at once: the new content version first
        merged = getattr(connection, "kek_pending_refresh", None)
        connection.kek_pending_refresh = None
        if merged is None:
            return
        now = sorted(merged.now)[:MAX_NOW]
        for backend in get_backends().values():
            backend.purge_batch(now)
        purge_urls_from_cache(sorted((merged.now | merged.later) - set(now)))

    transaction.on_commit(run)


def _page_published(sender, instance, revision=None, **kwargs) -> None:
    if enabled():
        before = _before(instance, revision)
        send(for_page(instance, elsewhere=_changes_elsewhere(instance, before), before=before))


def _page_unpublished(sender, instance, **kwargs) -> None:
    if enabled():
        send(for_page(instance, elsewhere=True))


def _page_moved(sender, instance, url_path_before: str, url_path_after: str, **kwargs) -> None:
    """A move changes the addresses of the page and all below it; the old ones answer 404 now."""
    if url_path_before == url_path_after or not instance.live or not enabled():
        return
    old_urls = []
    for page in Page.objects.live().descendant_of(instance, inclusive=True).specific():
        for url in page_urls(page):
            scheme, rest = url.split("://", 1)
            host, _, path = rest.partition("/")
            old_urls.append(f"{scheme}://{host}{_old_path('/' + path, instance, url_path_before, url_path_after)}")
    send(for_page(instance, elsewhere=True, old_urls=old_urls))


def _old_path(path: str, page: Page, before: str, after: str) -> str:
    """`path` (an address below the moved page) as it was before the move."""
    home = _site_root(page)
    site_prefix = len(home.url_path) - 1 if home else 0
    new_part, old_part = after[site_prefix:], before[site_prefix:]
    return old_part + path[len(new_part) :] if path.startswith(new_part) else path


def _project_changed(sender, instance, revision=None, **kwargs) -> None:
    """Also where a published project was before, had it another measure or approach then."""
    if not enabled():
        return
    if instance.approach_id:
        send(for_project(instance))
    before = _before(instance, revision) if revision is not None else None
    place = (instance.measure_id, instance.approach_id)
    if before is not None and before.approach_id and (before.measure_id, before.approach_id) != place:
        send(for_project(before))


def _status_changed(sender, instance, **kwargs) -> None:
    if enabled():
        send(for_implementation(instance))


@hooks.register(PUBLIC_ACTIVITY_HOOK)
def _public_activity(site_id: int, approach_ids: list[int]) -> None:
    if enabled():
        send(for_activity(site_id, approach_ids))


def connect() -> None:
    page_published.connect(_page_published, dispatch_uid="kek-cache-published")
    page_unpublished.connect(_page_unpublished, dispatch_uid="kek-cache-unpublished")
    post_page_move.connect(_page_moved, dispatch_uid="kek-cache-moved")
    published.connect(_project_changed, sender=Project, dispatch_uid="kek-cache-project-published")
    unpublished.connect(_project_changed, sender=Project, dispatch_uid="kek-cache-project-unpublished")
    post_delete.connect(_project_changed, sender=Project, dispatch_uid="kek-cache-project-deleted")
    published.connect(_status_changed, sender=Implementation, dispatch_uid="kek-cache-status-published")
    unpublished.connect(_status_changed, sender=Implementation, dispatch_uid="kek-cache-status-unpublished")
