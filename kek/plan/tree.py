"""Where a page stands in a concept: the one place that knows the tree's levels.

Every concept hangs below the tree root as a site's start page, so its fields of action are
always at depth 3, whichever site they belong to.
"""

from wagtail.models import Page

from kek.core.pages import HOME_DEPTH, home_path

FIELD_DEPTH = HOME_DEPTH + 1  # tree root (1) → a site's start page (2) → Handlungsfeld (3)

__all__ = ["FIELD_DEPTH", "HOME_DEPTH", "ancestor_paths", "field_path", "home_path"]


def field_path(path: str) -> str:
    """Tree path of the Handlungsfeld that the page at `path` lies in; "" above the fields."""
    size = Page.steplen * FIELD_DEPTH
    return path[:size] if len(path) >= size else ""


def ancestor_paths(path: str) -> list[str]:
    """Tree paths of a page's ancestors from its Handlungsfeld down, without the page itself."""
    step = Page.steplen
    return [path[:end] for end in range(step * FIELD_DEPTH, len(path), step)]
