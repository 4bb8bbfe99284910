"""The views behind the page "Offene Daten": the list of downloads, the API page, a download.

Every file comes from storage (built by the task worker after each publication, or here if the
visitor comes first) and names the site's licence.
"""

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils.http import http_date
from wagtail.models import Page, Site

from kek.publications import files

from .catalogue import About, FileInfo
from .datasets import DATASETS
from .licences import site_licence
from .middleware import conditional, cross_origin

PERIODS = {"s": "Sekunde", "m": "Minute", "h": "Stunde", "d": "Tag"}


def rate_limit_text() -> str:
    """The published API rate limit in words, e.g. "120 Anfragen je Minute und Adresse"."""
    count, period = settings.KEK_API_RATE.split("/")
    return f"{count} Anfragen je {PERIODS[period[0]]} und Adresse"


def file_url(page: Page, site: Site, name: str) -> str:
    return site.root_url + page.url_path[len(site.root_page.url_path) - 1 :] + "dateien/" + name


def about(page: Page, site: Site) -> About:
    home = site.root_page.specific
    page_url = site.root_url + page.url_path[len(home.url_path) - 1 :]
    return About(
        title=home.title,
        county=getattr(home, "county", ""),
        site_url=site.root_url + "/",
        api_url=site.root_url + "/api/v1/",
        page_url=page_url,
        licence=site_licence(site),
        modified=files.changed_at(site),
    )


def file_info(page: Page, site: Site, spec: files.FileSpec) -> FileInfo:
    stored = files.current(site, spec)
    return FileInfo(
        name=spec.name,
        title=spec.title,
        format=spec.format,
        media_type=spec.media_type,
        url=file_url(page, site, spec.name),
        size=stored.size,
        modified=stored.content_at,
        description=spec.description,
    )


def listing(request: HttpRequest, page: Page) -> dict:
    site = page.get_site()
    return {
        "downloads": [file_info(page, site, spec) for spec in files.specs()],
        "licence": site_licence(site),
        "api_url": "/api/v1/",
        "rate_limit": rate_limit_text(),
        "content_changed_at": files.changed_at(site),
    }


def api_context(request: HttpRequest, page: Page) -> dict:
    site = page.get_site()
    return {
        "datasets": DATASETS,
        "licence": site_licence(site),
        "api_url": site.root_url + "/api/v1/",
        "rate_limit": rate_limit_text(),
        "per_page": settings.NINJA_PAGINATION_PER_PAGE,
        "max_limit": settings.NINJA_PAGINATION_MAX_LIMIT,
    }


def serve(request: HttpRequest, page: Page, spec: files.FileSpec) -> HttpResponse:
    site = page.get_site()
    stored = files.current(site, spec)
    with stored.file.open("rb") as handle:
        data = handle.read()
    response = HttpResponse(data, content_type=spec.media_type)
    response["Content-Disposition"] = f'attachment; filename="{spec.name}"'
    licence = site_licence(site).licence
    response["Link"] = f'<{licence.url}>; rel="license"; title="{licence.name}"'
    response["Last-Modified"] = http_date(stored.content_at.timestamp())
    return cross_origin(conditional(request, response, site))
