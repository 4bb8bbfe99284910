"""The views behind the page "Offene Daten": the list of downloads, the API page, a download.

Every file comes from storage (built by the task worker after each publication, or here if the
visitor comes first) and names the site's licence.
"""

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils.http import http_date
from wagtail.models import Page, Site

from kek.places.models import district_key
from kek.publications import files
from kek.publications.models import ReportIndexPage, StoredFile
from kek.publications.tasks import build_site_files, served

from .catalogue import About, FileInfo
from .datasets import DATASETS
from .licences import site_licence
from .middleware import conditional, cross_origin

FILES_PATH = "/daten/"  # kek/urls.py: the downloads, outside Wagtail's page URLs (which allow no dots)
PERIODS = {"s": "Sekunde", "m": "Minute", "h": "Stunde", "d": "Tag"}


def rate_limit_text() -> str:
    """The published API rate limit in words, e.g. "120 Anfragen je Minute und Adresse"."""
    count, period = settings.KEK_API_RATE.split("/")
    return f"{count} Anfragen je {PERIODS[period[0]]} und Adresse"


def file_url(site: Site, name: str) -> str:
    return f"{site.root_url}{FILES_PATH}{name}"


def about(page: Page | None, site: Site) -> About:
    """What the catalogues say of the concept; its landing page is "Offene Daten", else the start page."""
    home = site.root_page.specific
    page_url = site.root_url + (page.url_path[len(home.url_path) - 1 :] if page else "/")
    return About(
        title=home.title,
        county=getattr(home, "county", ""),
        site_url=site.root_url + "/",
        api_url=site.root_url + "/api/v1/",
        page_url=page_url,
        licence=site_licence(site),
        modified=files.changed_at(site),
        district_key=district_key(site),
    )


def file_info(site: Site, spec: files.FileSpec, stored: StoredFile | None = None) -> FileInfo:
    """The file as the catalogues and the page describe it; built now if it was never built."""
    stored = stored or files.current(site, spec)
    return FileInfo(
        name=spec.name,
        title=spec.title,
        format=spec.format,
        media_type=spec.media_type,
        url=file_url(site, spec.name),
        size=stored.size,
        modified=stored.content_at,
        description=spec.description,
    )


def listing(request: HttpRequest, page: Page) -> dict:
    """The downloads as stored (with the date of the content they show). The page never waits for
    a build: files not built yet are queued for the worker and named as in preparation."""
    site = page.get_site()
    stored = files.stored_files(site)
    specs = files.specs()
    if settings.KEK_BUILD_FILES and any(spec.name not in stored for spec in specs):
        build_site_files.enqueue(site.pk)
        stored = files.stored_files(site)  # the immediate backend (development) has built them now
    return {
        "downloads": [file_info(site, spec, stored[spec.name]) for spec in specs if spec.name in stored],
        "in_preparation": [spec for spec in specs if spec.name not in stored],
        "licence": site_licence(site),
        "api_url": "/api/v1/",
        "rate_limit": rate_limit_text(),
        "content_changed_at": files.changed_at(site),
        "reports_page": ReportIndexPage.objects.live().descendant_of(site.root_page).first(),
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


def serve(request: HttpRequest, site: Site, spec: files.FileSpec) -> HttpResponse:
    stored = served(site, spec)
    with stored.file.open("rb") as handle:
        data = handle.read()
    response = HttpResponse(data, content_type=spec.media_type)
    response["Content-Disposition"] = f'attachment; filename="{spec.name}"'
    licence = site_licence(site).licence
    response["Link"] = f'<{licence.url}>; rel="license"'  # headers are ASCII: the name is on the page
    response["Last-Modified"] = http_date(stored.content_at.timestamp())
    return cross_origin(conditional(request, response, site))
