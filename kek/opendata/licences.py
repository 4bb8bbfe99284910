"""The licences a site may put its open data under, with the identifiers the catalogues need.

DCAT-AP.de names licences by the URIs of its licence vocabulary (dcat-ap.de/def/licenses); the
Frictionless data package by name and path.
"""

from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.settings.models import register_setting
from wagtail.models import Site

from kek.core.models import OwnSitesSetting
from kek.plan.models import HomePage


@dataclass(frozen=True)
class Licence:
    code: str
    name: str
    url: str  # the licence text
    dcat: str  # DCAT-AP.de licence URI
    attribution_required: bool


LICENCES = {
    licence.code: licence
    for licence in (
        Licence(
            "dl-de-by-2.0",
            "Datenlizenz Deutschland – Namensnennung – Version 2.0",
            "https://www.govdata.de/dl-de/by-2-0",
            "http://dcat-ap.de/def/licenses/dl-by-de/2.0",
            True,
        ),
        Licence(
            "dl-de-zero-2.0",
            "Datenlizenz Deutschland – Zero – Version 2.0",
            "https://www.govdata.de/dl-de/zero-2-0",
            "http://dcat-ap.de/def/licenses/dl-zero-de/2.0",
            False,
        ),
        Licence(
            "cc-by-4.0",
            "Creative Commons Namensnennung 4.0 International",
            "https://creativecommons.org/licenses/by/4.0/",
            "http://dcat-ap.de/def/licenses/cc-by/4.0",
            True,
        ),
        Licence(
            "cc-zero",
            "Creative Commons Zero 1.0 (gemeinfrei)",
            "https://creativecommons.org/publicdomain/zero/1.0/",
            "http://dcat-ap.de/def/licenses/cc-zero",
            False,
        ),
    )
}
DEFAULT_LICENCE = "dl-de-by-2.0"


@register_setting(icon="download")
class OpenDataSettings(OwnSitesSetting):
    """Under which licence a site gives its data; each county decides for its own."""

    licence = models.CharField(
        _("Lizenz der offenen Daten"),
        max_length=30,
        choices=[(code, licence.name) for code, licence in LICENCES.items()],
        default=DEFAULT_LICENCE,
    )
    attribution = models.CharField(
        _("Namensnennung"),
        max_length=200,
        blank=True,
        help_text=_("Wie Nutzende die Quelle nennen sollen. Leer: der Landkreis des Konzepts."),
    )

    class Meta:
        verbose_name = _("Offene Daten")

    @property
    def licence_info(self) -> Licence:
        return LICENCES[self.licence]


@dataclass(frozen=True)
class SiteLicence:
    licence: Licence
    attribution: str  # whom to name as the source

    def as_dict(self) -> dict:
        return {
            "name": self.licence.name,
            "id": self.licence.code,
            "url": self.licence.url,
            "attribution": self.attribution,
        }


def site_licence(site: Site) -> SiteLicence:
    """The licence of the site's open data and whom to name (its setting, else its county)."""
    setting = OpenDataSettings.for_site(site)
    county = HomePage.objects.filter(pk=site.root_page_id).values_list("county", flat=True).first() or ""
    return SiteLicence(setting.licence_info, setting.attribution or county)
