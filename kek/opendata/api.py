"""The open-data API: read-only JSON under /api/v1/, built with django-ninja.

For every dataset of datasets.py one list (`/api/v1/<name>`, paginated with `limit` and
`offset`, filtered with the site's filter names) and one item (`/api/v1/<name>/<id>`); the record
schemas are made from the datasets' columns, so the OpenAPI schema (`/api/v1/openapi.json`) always
says what the answers hold. Everything is the concept of the site the request is addressed to.
ETag, Last-Modified and CORS are added by `middleware.py`.
"""

import datetime
from typing import Any

from django.conf import settings
from django.core.cache import caches
from django.http import HttpRequest
from ninja import NinjaAPI, Query, Schema
from ninja.errors import HttpError, Throttled, ValidationError
from ninja.pagination import LimitOffsetPagination, paginate
from ninja.throttling import AnonRateThrottle
from pydantic import Field, create_model
from wagtail.models import Site

from kek.core.ratelimit import client_address
from kek.publications import files

from .datasets import DATASETS, Concept, Dataset, select
from .licences import site_licence

NOT_FOUND = "Für diese Adresse gibt es kein Konzept."
NO_ITEM = "Kein Eintrag mit dieser Kennung."


class ClientThrottle(AnonRateThrottle):
    """The published rate limit (settings.KEK_API_RATE, e.g. "120/m") per client address, counted
    in the shared "rates" cache; the address is found as for the forms' limits (trusted proxies only)."""

    cache = caches["rates"]  # one count across worker processes, not one per process

    def __init__(self) -> None:
        super().__init__(settings.KEK_API_RATE)

    def get_ident(self, request: HttpRequest) -> str:
        return client_address(request)

    def allow_request(self, request: HttpRequest) -> bool:
        self.rate = settings.KEK_API_RATE  # read per request, so a changed setting applies at once
        self.num_requests, self.duration = self.parse_rate(self.rate)
        return super().allow_request(request)


api = NinjaAPI(
    title="KEK-Portal – Offene Daten",
    version="1",
    description=(
        "Das Kreisentwicklungskonzept als offene Daten: Handlungsfelder, Ziele, Teilziele, Handlungsansätze, "
        "Maßnahmen, laufende Projekte, Projektideen, Querschnittsthemen, Teilräume, Orte, Änderungen und "
        "Indikatoren. Nur lesend. Kennungen sind dauerhaft. Die Lizenz nennt `/api/v1/` (Feld `licence`)."
    ),
    urls_namespace="opendata-api",
    docs_url=None,  # the human-readable page is /offene-daten/api/ (no third-party scripts)
    openapi_url="/openapi.json",
    throttle=[ClientThrottle()],
)


@api.exception_handler(Throttled)
def too_many_requests(request: HttpRequest, exc: Throttled):
    response = api.create_response(
        request,
        {"detail": f"Zu viele Anfragen. Bitte warten Sie einen Moment (Grenze: {settings.KEK_API_RATE})."},
        status=429,
    )
    if exc.wait:
        response["Retry-After"] = str(max(1, round(exc.wait)))
    return response


@api.exception_handler(ValidationError)
def invalid_request(request: HttpRequest, exc: ValidationError):
    problems = [
        {"where": ".".join(str(part) for part in e.get("loc", ())), "problem": e.get("msg", "")} for e in exc.errors
    ]
    detail = "Die Anfrage enthält eine ungültige Angabe; siehe „problems“."
    return api.create_response(request, {"detail": detail, "problems": problems}, status=422)


class Error(Schema):
    detail: str = Field(description="Was nicht geklappt hat, auf Deutsch")


class DatasetLink(Schema):
    name: str
    title: str
    url: str


class Licence(Schema):
    name: str
    id: str
    url: str
    attribution: str = Field(description="Wen Nutzende als Quelle nennen")


class Catalogue(Schema):
    title: str
    county: str
    licence: Licence
    content_changed_at: datetime.datetime = Field(description="Stand der Inhalte")
    datasets: list[DatasetLink]


ERRORS = {404: Error, 429: Error}


def concept_for(request: HttpRequest) -> Concept:
    site = Site.find_for_request(request)
    if site is None:
        raise HttpError(404, NOT_FOUND)
    return Concept(site)


@api.get("/", response={200: Catalogue, **ERRORS}, summary="Übersicht und Lizenz", operation_id="catalogue")
def catalogue(request: HttpRequest) -> dict:
    concept = concept_for(request)
    home = concept.home.specific
    base = request.build_absolute_uri("/api/v1/")
    return {
        "title": home.title,
        "county": getattr(home, "county", ""),
        "licence": site_licence(concept.site).as_dict(),
        "content_changed_at": files.changed_at(concept.site),
        "datasets": [{"name": d.name, "title": d.title, "url": base + d.name} for d in DATASETS],
    }


def _schema_name(dataset: Dataset) -> str:
    return "".join(part.capitalize() for part in dataset.name.split("-"))


def _record_schema(dataset: Dataset) -> type[Schema]:
    fields: dict[str, Any] = {c.name: (c.annotation, Field(description=c.title)) for c in dataset.columns}
    return create_model(_schema_name(dataset) + "Record", __base__=Schema, **fields)


def _filter_schema(dataset: Dataset) -> type[Schema]:
    columns = {c.name: c for c in dataset.columns}
    fields: dict[str, Any] = {
        param: (
            columns[name].filter_annotation,
            Field(None, max_length=200, description=f"Nur Einträge mit {columns[name].title}"),
        )
        for param, name in dataset.filters.items()
    }
    return create_model(_schema_name(dataset) + "Filters", __base__=Schema, **fields)


def _register(dataset: Dataset) -> None:
    record = _record_schema(dataset)
    filters_schema = _filter_schema(dataset)
    operation = dataset.name.replace("-", "_")

    def records(request: HttpRequest, params: dict) -> list[dict]:
        concept = concept_for(request)
        return select(dataset.records(concept), dataset, params)

    if dataset.filters:

        def list_items(request: HttpRequest, filters: filters_schema = Query(...)) -> list[dict]:  # noqa: B008
            return records(request, filters.model_dump())

    else:

        def list_items(request: HttpRequest) -> list[dict]:
            return records(request, {})

    api.get(
        f"/{dataset.name}",
        response={200: list[record], **ERRORS},
        summary=dataset.title,
        description=dataset.description,
        operation_id=f"list_{operation}",
        tags=[dataset.title],
    )(paginate(LimitOffsetPagination)(list_items))

    @api.get(
        f"/{dataset.name}/{{path:ident}}",
        response={200: record, **ERRORS},
        summary=f"{dataset.title}: ein Eintrag",
        description="Ein Eintrag, gefunden über seine dauerhafte Kennung.",
        operation_id=f"get_{operation}",
        tags=[dataset.title],
    )
    def get_item(request: HttpRequest, ident: str) -> dict:
        concept = concept_for(request)
        for item in dataset.records(concept):
            if str(item[dataset.columns[0].name]) == ident:
                return item
        raise HttpError(404, NO_ITEM)


for _dataset in DATASETS:
    _register(_dataset)
