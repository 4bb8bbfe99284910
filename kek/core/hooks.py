"""Names of Wagtail hooks that apps of one layer fill for each other (they may not import each other).

- PRIVACY_SECTIONS_HOOK: fn(request, page) -> HTML of a section of the Datenschutzerklärung
  (kek/legal renders them; an app that processes personal data, e.g. kek/participation, says what).
"""

PRIVACY_SECTIONS_HOOK = "kek_privacy_sections"
