"""Factories for the places app: a site of its own, Teilräume, Orte and the places page.

Pages are created below the `parent` they are given (wagtail-factories calls `add_child`) and,
unless `publish=False`, get a published revision, as the importer gives them. Used by the tests of
this app and of every app above it.
"""

from decimal import Decimal

import factory
import wagtail_factories
from django.utils.text import slugify
from factory.django import DjangoModelFactory
from wagtail.models import Page, Site

from kek.places.models import Place, PlaceIndexPage, SubRegionIndexPage, SubRegionPage

TEST_HOST = "testserver"  # Django's test client asks for this host, so its site answers
_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss"})


def german_slug(text: str) -> str:
    return slugify(text.translate(_UMLAUTS))


class PublishedPageFactory(wagtail_factories.PageFactory):
    """A page with a published revision (last_published_at, a log entry), as editors and the importer leave it."""

    slug = factory.LazyAttribute(lambda page: german_slug(page.title))

    class Meta:
        abstract = True
        skip_postgeneration_save = True

    @factory.post_generation
    def publish(page, create, extracted, **kwargs):
        if create and extracted is not False:
            page.save_revision().publish()


class SiteFactory(DjangoModelFactory):
    """The default site, answering the test client. Wagtail's placeholder site of an empty
    installation makes way for it (as the importer does), so it is the only site and page URLs are
    relative; another default site stops being the default."""

    hostname = TEST_HOST
    port = 80
    site_name = factory.LazyAttribute(lambda site: site.root_page.title)
    is_default_site = True

    class Meta:
        model = Site
        skip_postgeneration_save = True

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        if kwargs.get("is_default_site"):
            for site in Site.objects.filter(is_default_site=True).select_related("root_page"):
                if site.root_page.specific_class is Page:
                    site.delete()
                else:
                    Site.objects.filter(pk=site.pk).update(is_default_site=False)
        return super()._create(model_class, *args, **kwargs)


def site_with_root(title: str = "Landkreis Musterland", **site_values) -> Site:
    """A site whose start page is a plain Wagtail page: enough for the places app, which knows no concept."""
    root = wagtail_factories.PageFactory(parent=Page.get_first_root_node(), title=title)
    return SiteFactory(root_page=root, **site_values)


class SubRegionIndexPageFactory(PublishedPageFactory):
    title = "Teilräume"
    slug = "teilraeume"
    show_in_menus = True

    class Meta:
        model = SubRegionIndexPage
        skip_postgeneration_save = True


class SubRegionPageFactory(PublishedPageFactory):
    title = factory.Sequence(lambda n: f"Teilraum {n}")
    intro = "<p>Wiesen, Wälder und kleine Städte.</p>"

    class Meta:
        model = SubRegionPage
        skip_postgeneration_save = True


class PlaceIndexPageFactory(PublishedPageFactory):
    title = "Orte"
    slug = "orte"
    show_in_menus = True
    intro = "<p>Die Ämter, Städte und Gemeinden des Landkreises.</p>"

    class Meta:
        model = PlaceIndexPage
        skip_postgeneration_save = True


class PlaceFactory(DjangoModelFactory):
    """A Gemeinde of a site; `office=` puts it into an Amt."""

    site = factory.LazyFunction(lambda: Site.objects.get(is_default_site=True))
    name = factory.Sequence(lambda n: f"Gemeinde {n}")
    slug = factory.LazyAttribute(lambda place: german_slug(place.name))
    kind = Place.Kind.MUNICIPALITY
    ags = factory.Sequence(lambda n: f"99{n:06d}")
    latitude = Decimal("53.40000")
    longitude = Decimal("11.50000")

    class Meta:
        model = Place
        skip_postgeneration_save = True


class OfficeFactory(PlaceFactory):
    name = factory.Sequence(lambda n: f"Amt {n}")
    kind = Place.Kind.OFFICE
    ags = ""
    latitude = None
    longitude = None
