"""A Wagtail frontend-cache backend for nginx open source, which cannot purge.

Instead of deleting a cached page, the backend asks nginx's refresh server (deploy/nginx/kek.conf,
loopback only) for it: that server always passes the request to the portal
(`proxy_cache_bypass 1`) and stores the answer under the page's key, so the next visitor gets the
new version. An unpublished or deleted page answers 404, which replaces the old copy too.

Settings: WAGTAILFRONTENDCACHE = {"nginx": {"BACKEND": "kek.operations.frontend_cache.NginxRefreshBackend",
"LOCATION": "http://127.0.0.1:8081"}}.
"""

import http.client
import logging
from collections.abc import Iterable
from urllib.parse import urlsplit

from wagtail.contrib.frontend_cache.backends.base import BaseBackend

logger = logging.getLogger("kek.cache")


class NginxRefreshBackend(BaseBackend):
    def __init__(self, params: dict):
        super().__init__(params)
        location = urlsplit(params["LOCATION"])
        self.host = location.hostname
        self.port = location.port or 80
        self.timeout = params.get("TIMEOUT", 30)

    def purge(self, url: str) -> None:
        self.purge_batch([url])

    def purge_batch(self, urls: Iterable[str]) -> None:
        """One kept-alive connection for the batch; HEAD, as nginx fetches the page with a GET
        anyway (proxy_cache_convert_head) and the body is not needed here."""
        connection = http.client.HTTPConnection(self.host, self.port, timeout=self.timeout)
        try:
            for url in urls:
                parts = urlsplit(url)
                path = parts.path + (f"?{parts.query}" if parts.query else "")
                try:
                    connection.request("HEAD", path, headers={"Host": parts.netloc})
                    response = connection.getresponse()
                    response.read()
                except OSError as error:
                    logger.error("Seite im Cache nicht erneuert: %s (%s)", url, error)
                    connection.close()
                    continue
                if response.status >= 500:
                    logger.error("Seite im Cache nicht erneuert: %s (HTTP %s)", url, response.status)
        finally:
            connection.close()
