"""Names of Wagtail hooks that apps of one layer fill for each other (they may not import each other).

- PRIVACY_SECTIONS_HOOK: fn(request, page) -> HTML of a section of the Datenschutzerklärung
  (kek/legal renders them; an app that processes personal data, e.g. kek/participation, says what).
- CHANGES_SINCE_HOOK: fn(site, since, path) -> list of dicts with `created`, `title`, `url` (path on
  the site): published changes of the concept after `since` to pages below tree path `path`
  (kek/history knows them; kek/participation mails them to its subscribers as a digest).
- SEARCH_FACETS_HOOK: fn() -> dict with `key` (URL parameter), `name`, `labels` (list of (value,
  label) in display order, built without queries), `values` (fn(site) -> {"measure:<key>" or
  "project:<key>": value}, called only when the index is rebuilt) and `models` (models whose
  publication changes the values): a further facet of the site search (kek/monitoring gives the
  implementation status). The value is stored in the index, so a search costs no extra query.
- RECORD_CHANGE_HOOK: fn(page, subject, title, changes, user) records a published change to an
  item shown on `page` in the public change history, as ChangeRecord.changes (list of dicts with
  `section`, `added`, `removed`, `reworded`); kek/history writes it, kek/monitoring reports
  published progress entries through it.
- CONTENT_VERSION_HOOK: fn(site) -> str or None: when anything public of the site last changed
  (a publication, a setting saved); None if nothing was recorded yet. Parts of pages are kept until
  it moves (kek/core/content_cache.py); kek/publications records it.
- COMPLETE_SITE_HOOK: fn(home) -> names of what was created: what an app puts on every site
  (kek/exchange's `complete_site` calls it for `setup_site` and `import_kek`; kek/publications adds
  the list of implementation reports, kek/opendata its page).
- PUBLIC_ACTIVITY_HOOK: fn(site_id, approach_ids): citizens' activity changed what public pages show
  outside any publication (a proposal's status or supports, a round opened or closed); the pages of
  those approaches and the participation pages show it. kek/operations refreshes the page cache.
  Call it through `public_activity`.
"""

from collections.abc import Iterable

from wagtail import hooks

PRIVACY_SECTIONS_HOOK = "kek_privacy_sections"
CHANGES_SINCE_HOOK = "kek_changes_since"
SEARCH_FACETS_HOOK = "kek_search_facets"
RECORD_CHANGE_HOOK = "kek_record_change"
CONTENT_VERSION_HOOK = "kek_content_version"
COMPLETE_SITE_HOOK = "kek_complete_site"
PUBLIC_ACTIVITY_HOOK = "kek_public_activity"


def public_activity(site_id: int, approach_ids: Iterable[int | None]) -> None:
    """Tell the apps that keep pages (PUBLIC_ACTIVITY_HOOK) what citizens' activity changed."""
    approach_ids = sorted({pk for pk in approach_ids if pk})
    for hook in hooks.get_hooks(PUBLIC_ACTIVITY_HOOK):
        hook(site_id, approach_ids)
