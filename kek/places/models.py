"""Where the concept applies: the four Teilräume and the county's Ämter, Städte and Gemeinden."""

import re
from urllib.parse import urlsplit

from django.conf import settings
from django.db import models
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.functional import cached_property
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page

from kek.core.content_cache import kept
from kek.core.pages import CHANGE_NOTE, KekPage, SectionPage
from kek.core.richtext import TEXT_FEATURES
from kek.core.sites import SiteScopedQuerySet

# Apps above this one add to the place pages and the map through Wagtail hooks, so places needs
# to know nothing of them:
# - PLACE_SECTIONS_HOOK: fn(request, page, place, area) -> HTML of a section of the place's page
#   or ""; `page` is the site's PlaceIndexPage, `area` the primary keys of the place, its Amt or
#   its member Gemeinden.
# - MAP_ITEMS_HOOK: fn(page) -> dicts with title, kind, kind_label, url, places, lat, lon.
PLACE_SECTIONS_HOOK = "kek_place_sections"
MAP_ITEMS_HOOK = "kek_map_items"


class SubRegionIndexPage(SectionPage):
    keep_content = True
    subpage_types = ["places.SubRegionPage"]

    class Meta:
        verbose_name = _("Übersicht Teilräume")

    def default_description(self) -> str:
        return strip_tags(self.intro) or "Die vier Teilräume des Landkreises und was das Konzept für sie vorsieht."

    def get_context(self, request: HttpRequest, *args, **kwargs) -> dict:
        context = super().get_context(request, *args, **kwargs)
        context["regions"] = SubRegionPage.objects.child_of(self).live()
        return context


class SubRegionPage(KekPage):
    """A Teilraum; its page gathers the regional focus of all three fields of action."""

    keep_content = True
    intro = RichTextField(_("Einleitung"), features=TEXT_FEATURES, blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro"), CHANGE_NOTE]
    parent_page_types = ["places.SubRegionIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("Teilraum")
        verbose_name_plural = _("Teilräume")

    def default_description(self) -> str:
        return (
            f"Teilraum „{self.title}“: die regionalen Schwerpunkte aller Handlungsfelder des Kreisentwicklungskonzepts."
        )

    def sequence_scope(self, ancestors: list[Page]) -> Page | None:
        return ancestors[-1] if ancestors else None

    def get_context(self, request: HttpRequest, *args, **kwargs) -> dict:
        context = super().get_context(request, *args, **kwargs)
        context["focus"] = self.regional_focus.filter(field__live=True).select_related("field").order_by("field__path")
        return context


class Place(models.Model):
    """An Amt, an amtsfreie Stadt or Gemeinde, or a Gemeinde within an Amt (content/places.yaml)."""

    class Kind(models.TextChoices):
        OFFICE = "amt", _("Amt")
        TOWN = "stadt", _("Stadt")
        MUNICIPALITY = "gemeinde", _("Gemeinde")

    site = models.ForeignKey("wagtailcore.Site", on_delete=models.CASCADE, related_name="places")
    name = models.CharField(_("Name"), max_length=120)
    slug = models.SlugField(_("Kurzname"), max_length=120)
    kind = models.CharField(_("Art"), max_length=10, choices=Kind.choices)
    ags = models.CharField(_("Amtlicher Gemeindeschlüssel"), max_length=12, blank=True)
    office = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="members", verbose_name=_("Amt")
    )
    # By slug, not key: places load before the concept's pages exist (content/places.yaml).
    sub_region_slug = models.SlugField(_("Teilraum"), max_length=80, blank=True)
    latitude = models.DecimalField(_("Breitengrad"), max_digits=8, decimal_places=5, null=True, blank=True)
    longitude = models.DecimalField(_("Längengrad"), max_digits=8, decimal_places=5, null=True, blank=True)
    # A municipality formed after the concept was decided: the decided text cannot mean it (its
    # name there is a landscape or a former place), so its name is not linked in the texts.
    formed_on = models.DateField(_("Gebildet am"), null=True, blank=True)

    objects = SiteScopedQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["site", "slug"], name="place_slug_unique_per_site")]
        verbose_name = _("Ort")
        verbose_name_plural = _("Orte")

    def __str__(self) -> str:
        return self.name

    @cached_property
    def sub_region(self) -> "SubRegionPage | None":
        if not self.sub_region_slug:
            return None
        pages = SubRegionPage.objects.live().filter(slug=self.sub_region_slug)
        return pages.filter(path__startswith=self.site.root_page.path).first()

    @property
    def names(self) -> set[str]:
        """How texts name the place: also "Boizenburg" for "Boizenburg/Elbe", "Zarrentin" for
        "Zarrentin am Schaalsee"."""
        short = re.split(r"/| am | an der ", self.name.removeprefix("Amt "))[0].strip()
        return {self.name, short}


def district_key(site) -> str:
    """The county's key (Kreisschlüssel): the first five digits that every municipality key of the
    site's places shares, as the official keys are built (Land, Regierungsbezirk, Kreis); "" when
    the site has no keyed places or they lie in more than one county. Ämter carry no key."""
    keys = Place.objects.filter(site=site).exclude(ags="").values_list("ags", flat=True)
    prefixes = {key[:5] for key in keys}
    return prefixes.pop() if len(prefixes) == 1 else ""


def _folded(name: str) -> str:
    """Names compared as typed on any keyboard: "Zulow" finds "Zülow", "Dömitz" finds "Doemitz"."""
    name = name.casefold()
    for umlaut, plain in (("ä", "a"), ("ö", "o"), ("ü", "u"), ("ß", "ss"), ("ae", "a"), ("oe", "o"), ("ue", "u")):
        name = name.replace(umlaut, plain)
    return name


class PlaceIndexPage(RoutablePageMixin, SectionPage):
    """ "Orte": every Amt, Stadt and Gemeinde, with a page of its own under /orte/<slug>/."""

    class Meta:
        verbose_name = _("Übersicht Orte")

    def default_description(self) -> str:
        return (
            "Die Ämter, Städte und Gemeinden des Landkreises und welche Projekte und Ideen des Konzepts sie betreffen."
        )

    def get_cached_paths(self) -> list[str]:
        """Index, map and each place's page, for the page cache (kek/operations/purge.py)."""
        slugs = Place.objects.of_site_at(self.path).values_list("slug", flat=True)
        return ["/", "karte/", *(f"{slug}/" for slug in slugs)]

    @path("")
    def index(self, request: HttpRequest) -> HttpResponse:
        """Every place by Amt; with ?ort=… only the places whose name contains it (the filter field
        works without JavaScript; with it, the lists filter while typing)."""
        places = Place.objects.of_site_at(self.path).select_related("office")
        query = request.GET.get("ort", "").strip()[:80]
        if query:
            wanted = _folded(query)
            found = [p for p in places if wanted in _folded(p.name)]
            return self.render(request, context_overrides={"query": query, "found": found})
        offices = [p for p in places if p.kind == Place.Kind.OFFICE]
        members: dict[int, list[Place]] = {}
        for place in places:
            if place.office_id:
                members.setdefault(place.office_id, []).append(place)
        independent = [p for p in places if p.kind != Place.Kind.OFFICE and not p.office_id]
        context = {"offices": [(o, members.get(o.pk, [])) for o in offices], "independent": independent}
        return self.render(request, context_overrides=context)

    @path("karte/", name="map")
    def map_view(self, request: HttpRequest) -> HttpResponse:
        """Projects and ideas with a location, on a map and, for everyone, as a list."""
        tiles = settings.KEK_MAP_TILES
        items = kept(request, "map-items", self._map_items, self.pk)
        context = {"items": items, "tiles": tiles}
        response = self.render(request, template="places/map.html", context_overrides=context)
        origin = "{0.scheme}://{0.netloc}".format(urlsplit(tiles["url"].replace("{s}", "a")))
        response._csp_update = {"img-src": [origin]}  # tiles only load after consent
        return response

    def _map_items(self) -> list[dict]:
        """Kept until the site's content changes (kek/core/content_cache.py): every located project."""
        return [item for items_of in hooks.get_hooks(MAP_ITEMS_HOOK) for item in items_of(self)]

    @path("<slug:slug>/")
    def place(self, request: HttpRequest, slug: str) -> HttpResponse:
        place = (
            Place.objects.of_site_at(self.path).select_related("office", "site__root_page").filter(slug=slug).first()
        )
        if place is None:
            raise Http404
        area = [place.pk, *place.members.values_list("pk", flat=True)]
        if place.office_id:
            area.append(place.office_id)
        sections = [
            html for section in hooks.get_hooks(PLACE_SECTIONS_HOOK) if (html := section(request, self, place, area))
        ]
        focus = (
            place.sub_region.regional_focus.select_related("field").order_by("field__path") if place.sub_region else []
        )
        context = {"place": place, "sections": sections, "focus": focus, "members": place.members.all()}
        return self.render(request, template="places/place.html", context_overrides=context)
