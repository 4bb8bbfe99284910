"""Rich text: the editor features the public pages can show accessibly, and batch rendering."""

from django.utils.safestring import SafeString, mark_safe
from wagtail.rich_text import expand_db_html

# Headings are left out on purpose: page templates own the heading hierarchy.
TEXT_FEATURES = ["bold", "italic", "ul", "ol", "link"]
INLINE_FEATURES = ["bold", "italic", "link"]

_SPLIT = "<!--kek:split-->"


def render_many(texts: list[str]) -> list[SafeString]:
    """Render several rich texts with one database lookup for all their internal links.

    Wagtail resolves the page links of one rich text with one query; rendering a list of
    measures one by one would cost a query per measure with a link.
    """
    if not texts:
        return []
    expanded = expand_db_html(_SPLIT.join(texts)).split(_SPLIT)
    if len(expanded) != len(texts):  # a text contained the marker itself; fall back safely
        expanded = [expand_db_html(t) for t in texts]
    return [mark_safe(html) for html in expanded]  # noqa: S308 - Wagtail output of stored rich text
