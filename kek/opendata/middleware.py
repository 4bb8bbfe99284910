"""HTTP for the open data: CORS for reading, ETag and Last-Modified, answers of 304.

Applied to the API (/api/v1/) only; the download views call `cross_origin` and
`conditional` themselves. Anyone may read the data from a web page of another origin (GET and
HEAD; no cookies are sent or needed), so the CORS answer is `*`.
"""

import hashlib
from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.utils.cache import get_conditional_response
from django.utils.http import http_date, quote_etag
from wagtail.models import Site

from kek.publications.files import changed_at

API_PREFIX = "/api/v1/"
READ_METHODS = ("GET", "HEAD")


def cross_origin(response: HttpResponse) -> HttpResponse:
    response["Access-Control-Allow-Origin"] = "*"
    response["Access-Control-Expose-Headers"] = "ETag, Last-Modified, Retry-After"
    return response


def conditional(request: HttpRequest, response: HttpResponse, site: Site | None) -> HttpResponse:
    """Add ETag (of the body) and Last-Modified (the site's content date); 304 when the client's
    copy is current."""
    if response.status_code != 200 or response.streaming:
        return response
    etag = quote_etag(hashlib.sha256(response.content).hexdigest()[:32])
    last_modified = int(changed_at(site).timestamp()) if site else None  # HTTP dates have whole seconds
    response["ETag"] = etag
    if last_modified:
        response["Last-Modified"] = http_date(last_modified)
    return get_conditional_response(request, etag=etag, last_modified=last_modified, response=response)


class OpenDataHeadersMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not request.path.startswith(API_PREFIX):
            return self.get_response(request)
        if request.method == "OPTIONS" and "HTTP_ACCESS_CONTROL_REQUEST_METHOD" in request.META:
            response = HttpResponse(status=204)
            response["Access-Control-Allow-Methods"] = "GET, HEAD, OPTIONS"
            response["Access-Control-Allow-Headers"] = "If-None-Match, If-Modified-Since"
            response["Access-Control-Max-Age"] = "86400"
            return cross_origin(response)
        head = request.method == "HEAD"
        if head:
            request.method = "GET"  # the API declares GET; HEAD gets its headers without the body
        response = self.get_response(request)
        if request.method in READ_METHODS:
            response = conditional(request, response, Site.find_for_request(request))
        if head and not response.streaming:
            response["Content-Length"] = str(len(response.content))
            response.content = b""
        return cross_origin(response)
