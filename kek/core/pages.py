"""The page frame every public page shares: description, ancestors, previous/next, last change.

Apps above `core` build their page types on `KekPage` and `SectionPage`; core itself knows no
concept. A site's start page (the root page of its Wagtail site) may carry `decided_on` and
`baseline_at`; the pages below it then say since when they have changed.
"""

from datetime import datetime

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from .change_note import ChangeNotePageForm, change_note_field
from .content_cache import kept, kept_content, page_content_key
from .richtext import TEXT_FEATURES

CHANGE_NOTE = FieldPanel("change_note")
HOME_DEPTH = 2  # every site's start page is a child of the tree root (depth 1)
FRAME_FIELDS = ("id", "title", "url_path", "depth", "path", "content_type_id")


class KekPage(Page):
    """Common behaviour: description for search engines, ancestors, previous/next navigation.

    A page type whose page shows nothing but what moves the site's content version (its published
    content, citizens' public activity, the files built from it) sets `keep_content`: its HTML is
    then kept per version and served without building it again (kek/core/content_cache.py). Page
    types with forms (a CSRF token per visitor) or anything else leave it off.
    """

    in_change_history = True  # published changes appear in "Änderungen am KEK"
    keep_content = False
    change_note = change_note_field()
    base_form_class = ChangeNotePageForm

    class Meta:
        abstract = True

    def default_description(self) -> str:
        return ""

    @property
    def meta_description(self) -> str:
        return self.search_description or Truncator(self.default_description()).chars(160)

    def sequence_scope(self, ancestors: list[Page]) -> Page | None:
        """The page below which previous/next links run; None for pages without a sequence."""
        return None

    def change_sections(self) -> dict[str, list[str]]:
        """What the public change history compares, as readable text per section."""
        return {str(_("Titel")): [self.title]}

    def get_context(self, request: HttpRequest, *args, **kwargs) -> dict:
        context = super().get_context(request, *args, **kwargs)
        frame = kept(request, "page-frame", self._frame, self.pk)
        context["ancestors"] = frame["ancestors"]
        dates = frame["dates"]
        if dates and self.in_change_history:
            context["baseline_at"] = dates["baseline_at"]
            context["decided_on"] = dates["decided_on"]
            context["last_changed"] = changed_since(self.last_published_at, dates["baseline_at"])
        if "previous_page" in frame:
            context["previous_page"] = frame["previous_page"]
            context["next_page"] = frame["next_page"]
        key = page_content_key(request) if self.keep_content else None
        context["content_key"] = key or ""  # base.html's {% cache %} around the whole page
        context["content_seconds"] = settings.KEK_FRAGMENT_SECONDS if key else 0
        return context

    def serve(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        key = page_content_key(request) if self.keep_content else None
        html = kept_content(key) if key else None
        if html is not None:
            return HttpResponse(html)
        return super().serve(request, *args, **kwargs)

    def _frame(self) -> dict:
        """Ancestors, the site's decision dates and previous/next (three queries), kept until the
        site's content changes (kek/core/content_cache.py)."""
        ancestors = list(self.get_ancestors().filter(depth__gt=1).only(*FRAME_FIELDS))
        frame = {"ancestors": ancestors, "dates": decision_dates(ancestors[0] if ancestors else self)}
        scope = self.sequence_scope(ancestors)
        if scope is not None:
            siblings = list(type(self).objects.live().descendant_of(scope).only("id", "title", "url_path", "path"))
            index_ = next((i for i, p in enumerate(siblings) if p.pk == self.pk), None)
            if index_ is not None:
                frame["previous_page"] = siblings[index_ - 1] if index_ > 0 else None
                frame["next_page"] = siblings[index_ + 1] if index_ + 1 < len(siblings) else None
        return frame


def home_path(path: str) -> str:
    """Tree path of the start page of the site that the page at `path` belongs to."""
    return path[: Page.steplen * HOME_DEPTH]


def decision_dates(root: Page) -> dict | None:
    """`decided_on` and `baseline_at` of a site's start page, if its type has them (one query)."""
    model = root.specific_class
    if model is None or not hasattr(model, "baseline_at"):
        return None
    return model.objects.filter(pk=root.pk).values("baseline_at", "decided_on").first()


def changed_since(moment: datetime | None, baseline: datetime | None) -> datetime | None:
    """`moment` if it lies after the decided version was loaded, else None (unchanged)."""
    return moment if moment and baseline and moment > baseline else None


class SectionPage(KekPage):
    """A section of a site directly below its start page, once, with an introduction (themes,
    sub-regions, places, changes). Its own text is not part of the concept. Which start page
    holds which sections is said by the start page's `subpage_types`."""

    intro = RichTextField(_("Einleitung"), features=TEXT_FEATURES, blank=True)
    in_change_history = False

    content_panels = Page.content_panels + [FieldPanel("intro")]
    subpage_types: list[str] = []
    max_count_per_parent = 1

    class Meta:
        abstract = True
