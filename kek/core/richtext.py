"""Rich text: the editor features the public pages can show accessibly, and batch rendering."""

import re
from html import unescape

from django.utils.html import strip_tags
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


def text_of(html: str) -> str:
    """Readable text of a rich text fragment (for comparisons and search, not for display).
    Paragraphs and list items stay separate words."""
    html = re.sub(r"</?(?:p|li|ul|ol|br|h\d)\b[^>]*>", " ", html)
    return " ".join(unescape(strip_tags(html)).split())


def list_items(html: str) -> list[str]:
    return [text_of(item) for item in re.findall(r"<li[^>]*>(.*?)</li>", html, flags=re.S)]


def paragraph_texts(html: str) -> list[str]:
    return [text_of(p) for p in re.findall(r"<p[^>]*>(.*?)</p>", html, flags=re.S)]
