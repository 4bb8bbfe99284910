"""Metadata of the downloads: the data dictionary (Frictionless `datapackage.json`) and the
catalogue for GovData and the state's portal (DCAT-AP.de as JSON-LD).

Both are made from the datasets' columns and the stored files, so they name every column with its
type and meaning, and every file with its address, size, date and licence.
"""

import datetime
from dataclasses import dataclass

from .csv_files import DELIMITER
from .datasets import CSV_DATASETS, Dataset
from .licences import SiteLicence

FRICTIONLESS_TYPES = {"string": "string", "integer": "integer", "number": "number", "date": "date"}
FRICTIONLESS_TYPES |= {"datetime": "datetime", "array": "string"}
EU = "http://publications.europa.eu/resource/authority/"
GEOCODING = "http://dcat-ap.de/def/politicalGeocoding/"
FILE_TYPES = {"CSV": "CSV", "YAML": "YAML", "PDF": "PDF", "JSON": "JSON", "JSON-LD": "JSON_LD"}


@dataclass(frozen=True)
class FileInfo:
    """A stored file as the catalogues describe it."""

    name: str
    title: str
    format: str
    media_type: str
    url: str
    size: int
    modified: datetime.datetime
    description: str = ""


@dataclass(frozen=True)
class About:
    """The concept and site the metadata describes."""

    title: str
    county: str
    site_url: str
    api_url: str
    page_url: str
    licence: SiteLicence
    modified: datetime.datetime
    district_key: str = ""  # Kreisschlüssel, from the official keys of the site's places


def _field(column) -> dict:
    field = {"name": column.name, "type": FRICTIONLESS_TYPES[column.type], "title": column.title}
    if column.type == "array":
        field["description"] = "Mehrere Werte durch Komma und Leerzeichen getrennt."
    if column.type == "number":
        field |= {"decimalChar": ",", "groupChar": "."}
    if not column.null and column.name == "id":
        field["constraints"] = {"required": True, "unique": True}
    return field


def datapackage(about: About, files: dict[str, FileInfo]) -> dict:
    """A Frictionless tabular data package describing each CSV file column by column."""
    licence = about.licence.licence
    resources = []
    for dataset in CSV_DATASETS:
        info = files[dataset.csv]
        schema = {"fields": [_field(c) for c in dataset.columns]}
        if dataset.columns[0].name == "id":
            schema["primaryKey"] = "id"
        resources.append(
            {
                "name": dataset.name,
                "path": info.url,
                "title": dataset.title,
                "description": dataset.description,
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8-sig",
                "bytes": info.size,
                "dialect": {"delimiter": DELIMITER, "lineTerminator": "\r\n", "quoteChar": '"', "header": True},
                "schema": schema,
            }
        )
    return {
        "profile": "tabular-data-package",
        "name": "kreisentwicklungskonzept",
        "title": about.title,
        "description": f"Das Kreisentwicklungskonzept ({about.county}) als Tabellen. Weitere Daten: {about.api_url}",
        "homepage": about.page_url,
        "created": about.modified.isoformat(),
        "licenses": [{"name": licence.code, "path": licence.url, "title": licence.name}],
        "sources": [{"title": about.licence.attribution, "path": about.site_url}],
        "resources": resources,
    }


def _date(moment: datetime.datetime) -> dict:
    return {"@value": moment.isoformat(), "@type": "xsd:dateTime"}


def _distribution(about: About, info: FileInfo) -> dict:
    return {
        "@id": info.url,
        "@type": "dcat:Distribution",
        "dct:title": info.title,
        "dct:description": info.description or info.title,
        "dcat:accessURL": {"@id": info.url},
        "dcat:downloadURL": {"@id": info.url},
        "dct:format": {"@id": EU + "file-type/" + FILE_TYPES[info.format]},
        "dcat:mediaType": {"@id": "https://www.iana.org/assignments/media-types/" + info.media_type},
        "dcat:byteSize": {"@value": str(info.size), "@type": "xsd:nonNegativeInteger"},
        "dct:modified": _date(info.modified),
        "dct:license": {"@id": about.licence.licence.dcat},
        "dcatde:licenseAttributionByText": about.licence.attribution,
    }


def _api_distribution(about: About, path: str, title: str) -> dict:
    url = about.api_url + path
    return {
        "@id": url,
        "@type": "dcat:Distribution",
        "dct:title": title,
        "dct:description": f"{title} als JSON über die Programmierschnittstelle (OpenAPI: {about.api_url}openapi.json)",
        "dcat:accessURL": {"@id": url},
        "dct:format": {"@id": EU + "file-type/JSON"},
        "dcat:mediaType": {"@id": "https://www.iana.org/assignments/media-types/application/json"},
        "dct:license": {"@id": about.licence.licence.dcat},
        "dcatde:licenseAttributionByText": about.licence.attribution,
    }


def _coverage(about: About) -> dict:
    """The county the data cover, in DCAT-AP.de's political geocoding (so portals can filter by
    county); left out when the places give no single county key."""
    if not about.district_key:
        return {}
    return {
        "dcatde:politicalGeocodingURI": {"@id": f"{GEOCODING}districtKey/{about.district_key}"},
        "dcatde:politicalGeocodingLevelURI": {"@id": f"{GEOCODING}Level/administrativeDistrict"},
    }


def _dataset(about: About, ident: str, title: str, description: str, distributions: list[dict]) -> dict:
    return _coverage(about) | {
        "@id": f"{about.page_url}#{ident}",
        "@type": "dcat:Dataset",
        "dct:identifier": f"{about.page_url}#{ident}",
        "dct:title": title,
        "dct:description": description,
        "dct:publisher": {"@type": "foaf:Organization", "foaf:name": about.licence.attribution},
        "dct:language": {"@id": EU + "language/DEU"},
        "dct:modified": _date(about.modified),
        "dcat:theme": [{"@id": EU + "data-theme/GOVE"}, {"@id": EU + "data-theme/REGI"}],
        "dcat:keyword": ["Kreisentwicklungskonzept", "Regionalentwicklung", about.county],
        "dcat:landingPage": {"@id": about.page_url},
        "dcat:distribution": distributions,
    }


def dcat_catalogue(about: About, whole: list[FileInfo], tables: dict[str, FileInfo]) -> dict:
    """DCAT-AP.de catalogue: the whole concept (content file, PDF, API) and each table."""
    datasets = [
        _dataset(
            about,
            "konzept",
            about.title,
            f"Das vollständige Kreisentwicklungskonzept ({about.county}) mit allen Ebenen bis zu Maßnahmen, "
            "laufenden Projekten und Projektideen.",
            [_distribution(about, info) for info in whole] + [_api_distribution(about, "", "Alle Daten")],
        )
    ]
    for dataset in CSV_DATASETS:
        datasets.append(_table_dataset(about, dataset, tables[dataset.csv]))
    return {
        "@context": {
            "dcat": "http://www.w3.org/ns/dcat#",
            "dct": "http://purl.org/dc/terms/",
            "foaf": "http://xmlns.com/foaf/0.1/",
            "dcatde": "http://dcat-ap.de/def/dcatde/",
            "xsd": "http://www.w3.org/2001/XMLSchema#",
        },
        "@id": about.page_url + "#katalog",
        "@type": "dcat:Catalog",
        "dct:title": f"Offene Daten: {about.title}",
        "dct:description": f"Die offenen Daten des Kreisentwicklungskonzepts ({about.county}).",
        "dct:publisher": {"@type": "foaf:Organization", "foaf:name": about.licence.attribution},
        "dct:language": {"@id": EU + "language/DEU"},
        "dct:license": {"@id": about.licence.licence.dcat},
        "dct:modified": _date(about.modified),
        "foaf:homepage": {"@id": about.site_url},
        "dcat:dataset": datasets,
    }


def _table_dataset(about: About, dataset: Dataset, info: FileInfo) -> dict:
    return _dataset(
        about,
        dataset.name,
        f"{dataset.title} – {about.title}",
        dataset.description,
        [_distribution(about, info), _api_distribution(about, dataset.name, dataset.title)],
    )
