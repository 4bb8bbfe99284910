"""Names of Wagtail hooks that apps of one layer fill for each other (they may not import each other).

- PRIVACY_SECTIONS_HOOK: fn(request, page) -> HTML of a section of the Datenschutzerklärung
  (kek/legal renders them; an app that processes personal data, e.g. kek/participation, says what).
- CHANGES_SINCE_HOOK: fn(site, since, path) -> list of dicts with `created`, `title`, `url` (path on
  the site): published changes of the concept after `since` to pages below tree path `path`
  (kek/history knows them; kek/participation mails them to its subscribers as a digest).
"""

PRIVACY_SECTIONS_HOOK = "kek_privacy_sections"
CHANGES_SINCE_HOOK = "kek_changes_since"
