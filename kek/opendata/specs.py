"""The files of the open data, registered with publications' FILES_HOOK (wagtail_hooks.py)."""

import json

from wagtail.models import Site

from kek.exchange.exporter import export_concept, to_yaml
from kek.publications import files

from .catalogue import FileInfo, datapackage, dcat_catalogue
from .csv_files import to_csv
from .datasets import CSV_DATASETS, Concept, Dataset
from .downloads import about, file_info
from .models import OpenDataPage

CONTENT_FILE = "konzept.yaml"
DATAPACKAGE = "datapackage.json"
CATALOGUE = "dcat-katalog.jsonld"


def _page(site: Site) -> OpenDataPage | None:
    return OpenDataPage.objects.live().descendant_of(site.root_page).first()


def _infos(site: Site, names: list[str]) -> dict[str, FileInfo]:
    return {name: file_info(site, files.spec_named(name)) for name in names}


def _json(data: dict) -> bytes:
    return json.dumps(data, ensure_ascii=False, indent=2).encode("utf-8")


def _csv_spec(dataset: Dataset) -> files.FileSpec:
    return files.FileSpec(
        dataset.csv,
        f"{dataset.title} (CSV)",
        "CSV",
        "text/csv",
        lambda site: to_csv(dataset, Concept(site)),
        dataset.description,
    )


def _datapackage(site: Site) -> bytes:
    return _json(datapackage(about(_page(site), site), _infos(site, [d.csv for d in CSV_DATASETS])))


def _catalogue(site: Site) -> bytes:
    whole_names = [s.name for s in files.specs() if s.format in ("YAML", "PDF")]
    infos = _infos(site, whole_names + [d.csv for d in CSV_DATASETS])
    whole = [infos[name] for name in whole_names]
    return _json(dcat_catalogue(about(_page(site), site), whole, infos))


def open_data_files() -> list[files.FileSpec]:
    return [
        *(_csv_spec(d) for d in CSV_DATASETS),
        files.FileSpec(
            CONTENT_FILE,
            "Das ganze Konzept als Inhaltsdatei (YAML)",
            "YAML",
            "application/yaml",
            lambda site: to_yaml(export_concept(site)).encode("utf-8"),
            "Das vollständige Konzept maschinenlesbar, mit allen Schlüsseln (Format: docs/content-format.md).",
        ),
        files.FileSpec(
            DATAPACKAGE,
            "Datenbeschreibung der Tabellen (Frictionless Data Package)",
            "JSON",
            "application/json",
            _datapackage,
            "Jede Spalte jeder CSV-Datei mit Typ und Bedeutung.",
        ),
        files.FileSpec(
            CATALOGUE,
            "Metadatenkatalog (DCAT-AP.de, JSON-LD)",
            "JSON-LD",
            "application/ld+json",
            _catalogue,
            "Die Datensätze beschrieben für GovData und Landesportale.",
        ),
    ]
