"""Load content/places.yaml: idempotent (matched by name and kind), in one transaction."""

import datetime
from pathlib import Path
from typing import Annotated

import yaml
from django.db import transaction
from django.utils.text import slugify
from pydantic import BaseModel, ConfigDict, Field, ValidationError
from wagtail.models import Site

from kek.places.models import Place

AGS = Annotated[str, Field(pattern=r"^(\d{8})?$")]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class MunicipalityData(_Strict):
    ags: AGS
    name: str
    kind: Place.Kind
    sub_region: str = ""  # only with a source that assigns the place to the Teilraum (see the file's note)
    formed_on: datetime.date | None = None  # formed after the concept's decision: its name is not linked
    lat: float | None = None
    lon: float | None = None


class OfficeData(_Strict):
    """An Amt. Ämter have no Amtlicher Gemeindeschlüssel (only municipalities have one)."""

    name: str
    seat: str = ""
    sub_region: str = ""
    municipalities: list[MunicipalityData]


class PlacesData(_Strict):
    sources: list[dict] = []
    note: str = ""
    municipalities: list[MunicipalityData] = []
    offices: list[OfficeData] = []


class PlacesFileError(Exception):
    pass


def load(path: Path) -> PlacesData:
    try:
        return PlacesData.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))
    except (OSError, yaml.YAMLError, ValidationError) as exc:
        raise PlacesFileError(f"Die Ortsdatei {path} ist fehlerhaft: {exc}") from exc


@transaction.atomic
def import_places(data: PlacesData, site: Site) -> int:
    """Create or update every place of `site`; returns how many places the file holds."""
    used_slugs: set[str] = set()

    def upsert(name: str, kind: str, **values) -> Place:
        place = Place.objects.filter(site=site, name=name, kind=kind).first() or Place(site=site, name=name, kind=kind)
        slug = slugify(name.replace("ß", "ss").replace("ä", "ae").replace("ö", "oe").replace("ü", "ue"))
        if slug in used_slugs:
            slug = f"{slug}-{values.get('ags') or kind}"
        used_slugs.add(slug)
        place.slug = slug
        for key, value in values.items():
            setattr(place, key, value)
        place.save()
        return place

    count = 0
    for m in data.municipalities:
        upsert(
            m.name,
            m.kind,
            ags=m.ags,
            sub_region_slug=m.sub_region,
            latitude=m.lat,
            longitude=m.lon,
            formed_on=m.formed_on,
            office=None,
        )
        count += 1
    for o in data.offices:
        office = upsert(o.name, Place.Kind.OFFICE, ags="", sub_region_slug=o.sub_region)
        count += 1
        for m in o.municipalities:
            upsert(
                m.name,
                m.kind,
                ags=m.ags,
                sub_region_slug=m.sub_region or o.sub_region,
                latitude=m.lat,
                longitude=m.lon,
                formed_on=m.formed_on,
                office=office,
            )
            count += 1
    return count
