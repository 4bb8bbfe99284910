"""The static export: every public page and asset as files, links that work, forms that reach the
live server."""

from pathlib import Path
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from django.core.management import CommandError, call_command
from django.test import override_settings

from kek.operations.static_export import export_site

LIVE = "https://kek.example.de"


@pytest.fixture(scope="module")
def exports(module_db, module_concept, tmp_path_factory) -> dict[str, Path]:
    """The small concept exported once with absolute and once with relative links, after a real
    collectstatic."""
    folder = tmp_path_factory.mktemp("export")
    with override_settings(STATIC_ROOT=folder / "static"), module_db.unblock():
        call_command("collectstatic", interactive=False, verbosity=0)
        absolute = export_site(module_concept.site, folder / "absolute", live_url=LIVE)
        export_site(module_concept.site, folder / "relative", live_url=LIVE, relative=True)
    assert not absolute.missing, absolute.missing
    return {"absolute": folder / "absolute", "relative": folder / "relative"}


def _html_files(folder: Path) -> list[Path]:
    """The exported HTML pages (a feed's address ends in /, so its file is index.html too)."""
    return sorted(file for file in folder.rglob("*.html") if file.read_text().startswith("<!DOCTYPE html>"))


def _links(file: Path) -> list[str]:
    soup = BeautifulSoup(file.read_text(), "html.parser")
    return [a["href"] for a in soup.select("a[href]")] + [link["href"] for link in soup.select("link[href]")]


def test_every_page_of_the_site_is_written(concept, exports: dict[str, Path]) -> None:
    out = exports["absolute"]
    for page in [concept.home, concept.field, concept.goal, concept.sub_goal, *concept.approaches, concept.theme]:
        file = out / page.url.lstrip("/") / "index.html"
        assert file.exists(), page.url
        assert page.title in file.read_text()
    assert (out / "orte" / "karte" / "index.html").exists()
    assert (out / "aenderungen" / "feed" / "index.html").exists()
    assert (out / "en" / "index.html").exists()  # the English interface
    assert (out / "sitemap.xml").exists() and (out / "robots.txt").exists()
    assert (out / "404.html").exists()
    assert list((out / "static").rglob("*.css"))


def test_forms_and_search_point_at_the_live_server(exports: dict[str, Path]) -> None:
    statement = BeautifulSoup((exports["absolute"] / "barrierefreiheit" / "index.html").read_text(), "html.parser")
    assert statement.select_one("form[method=post]")["action"] == f"{LIVE}/barrierefreiheit/"
    search_forms = [
        form["action"]
        for file in _html_files(exports["absolute"])
        for form in BeautifulSoup(file.read_text(), "html.parser").select("form")
    ]
    assert search_forms and all(action.startswith(LIVE) for action in search_forms)
    assert not (exports["absolute"] / "suche").exists()


def test_absolute_links_lead_to_exported_files_or_the_live_server(exports: dict[str, Path]) -> None:
    out = exports["absolute"]
    for file in _html_files(out):
        for href in _links(file):
            parts = urlsplit(href)
            if parts.scheme or parts.netloc:
                continue
            target = out / parts.path.lstrip("/")
            assert target.exists() or (target / "index.html").exists(), f"{file}: {href}"


def test_relative_links_work_opened_from_disk(exports: dict[str, Path]) -> None:
    out = exports["relative"]
    checked = 0
    for file in _html_files(out):
        for href in _links(file):
            parts = urlsplit(href)
            if parts.scheme or parts.netloc or not parts.path:
                continue
            assert not parts.path.startswith("/"), f"{file}: {href}"
            assert (file.parent / parts.path).resolve().exists(), f"{file}: {href}"
            checked += 1
    assert checked > 100


def test_the_command_refuses_an_unknown_site(concept, tmp_path: Path) -> None:
    with pytest.raises(CommandError, match="Keine Website"):
        call_command("export_static", str(tmp_path / "out"), "--site", "kek.gibt-es-nicht.de")
