"""The public site as plain files: every page, feed, download and asset reachable from the start page,
the sitemap and the pages' cached paths, for any web server or CDN.

Pages are rendered in this process with Django's test client, as a visitor without cookies sees
them (no page cache involved). Links stay absolute paths (serve the folder at the site's root) or,
with `relative=True`, become relative links to `…/index.html` files that also work opened from disk.
What needs the server (forms, search, the admin, addresses with a query string) points at the live
site instead.
"""

import posixpath
import shutil
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from bs4 import BeautifulSoup
from django.conf import settings
from django.test import Client
from django.test.utils import override_settings
from wagtail.models import Site

from . import purge

LIVE_ONLY = ("/admin/", "/en/admin/", "/suche/", "/en/suche/", "/healthz", "/_util/", "/dokumente/")
LINK_ATTRIBUTES = {"a": "href", "link": "href", "script": "src", "img": "src", "source": "src", "form": "action"}
HTML = "text/html"
ASSETS = ("/static/", "/media/")


@dataclass
class Export:
    site: Site
    target: Path
    live_url: str
    relative: bool = False
    written: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)

    def run(self) -> "Export":
        if self.target.exists():
            shutil.rmtree(self.target)
        self.target.mkdir(parents=True)
        host = self.site.hostname
        with override_settings(ALLOWED_HOSTS=[host]):
            client = Client(HTTP_HOST=f"{host}:{self.site.port}" if self.site.port not in (80, 443) else host)
            self._crawl(client)
        self._copy(Path(settings.STATIC_ROOT), "static")
        self._copy(Path(settings.MEDIA_ROOT) / "images", "media/images")
        return self

    def _start(self) -> list[str]:
        urls = ["/", "/robots.txt", "/sitemap.xml"] + purge.site_urls(self.site.root_page)
        return [urlsplit(url).path for url in urls]

    def _crawl(self, client: Client) -> None:
        """Fetch everything reachable, then write it: links can only be rewritten once it is known
        what was exported."""
        queue = deque(self._start())
        seen = set(queue)
        pages: dict[str, str] = {}
        while queue:
            path = queue.popleft()
            response = client.get(path, secure=True)
            if response.status_code != 200:
                self.missing.append(f"{path} ({response.status_code})")
                continue
            body = b"".join(response.streaming_content) if response.streaming else response.content
            if not response.get("Content-Type", "").startswith(HTML):
                self._write(path, body)
                continue
            pages[path] = body.decode()
            for link in self._links(pages[path], path):
                if link not in seen:
                    seen.add(link)
                    queue.append(link)
        self.written.extend(pages)
        not_found = client.get("/404.html", secure=True)
        pages["/404.html"] = not_found.content.decode()
        for path, html in pages.items():
            self._write(path, self._rewrite(html, path))

    def _links(self, html: str, base: str) -> Iterator[str]:
        soup = BeautifulSoup(html, "html.parser")
        for tag, attribute in LINK_ATTRIBUTES.items():
            for element in soup.find_all(tag):
                value = element.get(attribute)
                if tag == "form" or not value:
                    continue
                parts = urlsplit(urljoin(base, value))
                if not parts.scheme and not parts.netloc and not parts.query and self._exported(parts.path):
                    yield parts.path

    def _exported(self, path: str) -> bool:
        return bool(path) and not path.startswith(LIVE_ONLY) and not path.startswith(ASSETS)

    def _rewrite(self, html: str, page_path: str) -> str:
        """Forms and server-only links to the live site; with `relative`, every other link relative."""
        soup = BeautifulSoup(html, "html.parser")
        for tag, attribute in LINK_ATTRIBUTES.items():
            for element in soup.find_all(tag):
                value = element.get(attribute)
                if value is None and tag != "form":
                    continue
                parts = urlsplit(urljoin(page_path, value or page_path))
                if parts.scheme or parts.netloc:
                    continue
                if (
                    tag == "form"
                    or parts.query
                    or (not self._exported(parts.path) and not parts.path.startswith(("/static/", "/media/")))
                ):
                    element[attribute] = (
                        self.live_url
                        + parts.path
                        + (f"?{parts.query}" if parts.query else "")
                        + (f"#{parts.fragment}" if parts.fragment else "")
                    )
                elif self.relative:
                    element[attribute] = _relative(page_path, parts.path) + (
                        f"#{parts.fragment}" if parts.fragment else ""
                    )
        return str(soup)

    def _write(self, path: str, body: bytes | str) -> None:
        file = self.target / _file_name(path).lstrip("/")
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_bytes(body.encode() if isinstance(body, str) else body)
        if path not in self.written:
            self.written.append(path)

    def _copy(self, source: Path, name: str) -> None:
        if source.exists():
            shutil.copytree(source, self.target / name, dirs_exist_ok=True)


def _file_name(path: str) -> str:
    return path + "index.html" if path.endswith("/") else path


def _relative(from_path: str, to_path: str) -> str:
    """The link from the file of page `from_path` to the file of `to_path`."""
    start = posixpath.dirname(_file_name(from_path))
    target = _file_name(to_path)
    return posixpath.relpath(target, start) if target != _file_name(from_path) else posixpath.basename(target)


def export_site(site: Site, target: Path, *, live_url: str = "", relative: bool = False) -> Export:
    live = (live_url or site.root_url).rstrip("/")
    return Export(site, target, live, relative).run()


def default_site() -> Site:
    return Site.objects.get(is_default_site=True)


def site_by_host(host: str) -> Site | None:
    name, _, port = host.partition(":")
    sites = Site.objects.filter(hostname=name)
    return (sites.filter(port=int(port)) if port else sites).first()
