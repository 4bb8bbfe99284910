"""Two counties on one installation: each site shows only its own concept.

A second, small concept ("Musterkreis") is imported into a site of its own beside the KEK 2030; so
is the invented sample of content/beispielkreis.yaml, with its own name, coat of arms and accent.
Search, change history, feeds, legal pages, place pages, sitemaps and exports of one never show
the other's content, and an editor of one cannot touch the other.
"""

from io import StringIO
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group, Permission, User
from django.core.management import call_command
from django.urls import reverse
from wagtail.contrib.settings.models import BaseSiteSetting
from wagtail.contrib.settings.registry import registry as settings_registry
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Page, Site
from wagtail.permissions import policy_registry

from kek.core.models import SiteIdentity
from kek.core.sites import OwnSitesSettingPolicy
from kek.editorial.tests.admin_forms import form_fields
from kek.exchange.exporter import export_concept, to_yaml
from kek.history.models import ChangeRecord
from kek.legal.models import LegalSettings
from kek.opendata.licences import OpenDataSettings
from kek.plan.models import ApproachPage, HomePage, Project
from kek.search.indexer import rebuild

from .conftest import OTHER

pytestmark = [pytest.mark.django_db, pytest.mark.kek2030]

CONTENT = Path(__file__).resolve().parents[1] / "content"
UNIQUE_TO_OTHER = "Windmühlenwirtschaft"
UNIQUE_TO_KEK = "Breitbandversorgung"


def get(client, url: str, host: str | None = None) -> str:
    response = client.get(url, HTTP_HOST=host or "testserver")
    assert response.status_code == 200, (url, host, response.status_code)
    return response.content.decode()


def test_the_second_concept_lives_on_its_own_site(client, other_site):
    home = other_site.root_page.specific
    assert isinstance(home, HomePage) and home.county == "Landkreis Musterkreis"
    assert HomePage.objects.count() == 2
    assert "Windmühlenwirtschaft stärken" in get(client, "/musterwirtschaft/wachstum/betriebe/windmuehlen/", OTHER)
    assert client.get("/musterwirtschaft/", HTTP_HOST="testserver").status_code == 404
    assert client.get("/starker-wirtschaftsstandort/", HTTP_HOST=OTHER).status_code == 404
    # service pages and groups came with it
    assert "Impressum" in get(client, "/impressum/", OTHER)
    assert Group.objects.filter(name=f"Redaktion Regionalmanagement ({OTHER})").exists()


def hits(client, query: str, host: str | None = None) -> list[str]:
    page = BeautifulSoup(get(client, f"/suche/?q={query}", host), "html.parser")
    return [hit.get_text(" ", strip=True) for hit in page.select(".kek-hit")]


def test_search_finds_only_its_own_site(client, other_site):
    rebuild()
    assert any(UNIQUE_TO_OTHER in hit for hit in hits(client, UNIQUE_TO_OTHER, OTHER))
    assert hits(client, UNIQUE_TO_OTHER) == []
    assert any("Breitbandversorgung" in hit for hit in hits(client, UNIQUE_TO_KEK))
    assert hits(client, UNIQUE_TO_KEK, OTHER) == []
    suggestions = client.get("/suche/vorschlaege/?q=Windm", HTTP_HOST="testserver").json()["suggestions"]
    assert not any(UNIQUE_TO_OTHER in s for s in suggestions)


def test_history_and_feeds_stay_apart(client, other_site):
    approach = ApproachPage.objects.descendant_of(other_site.root_page).get(slug="windmuehlen")
    approach.title = "Windmühlenwirtschaft kräftig stärken"
    approach.save_revision().publish()
    record = ChangeRecord.objects.get(title="Windmühlenwirtschaft kräftig stärken")
    assert record.site == other_site
    assert "kräftig" in get(client, "/aenderungen/", OTHER)
    assert "kräftig" not in get(client, "/aenderungen/")
    assert "kräftig" in get(client, "/aenderungen/feed/", OTHER)
    assert "kräftig" not in get(client, "/aenderungen/feed/")
    assert "Windmühlen" not in get(client, "/aenderungen/beschluss-2017/")
    assert "Windmühlen" in get(client, "/aenderungen/beschluss-2017/", OTHER)


def test_legal_settings_places_sitemaps_and_exports_are_per_site(client, other_site):
    settings = LegalSettings.for_site(other_site)
    settings.provider = "Landkreis Musterkreis"
    settings.save()
    assert "Landkreis Musterkreis" in get(client, "/impressum/", OTHER)
    assert "Landkreis Musterkreis" not in get(client, "/impressum/")
    place = BeautifulSoup(get(client, "/orte/musterhausen/", OTHER), "html.parser")
    assert (
        place.select_one(".kek-example")
        .get_text(" ", strip=True)
        .startswith("Laufendes Projekt: Mühlenpfad Musterhausen")
    )
    assert client.get("/orte/musterhausen/").status_code == 404
    assert "Mühlenpfad" not in get(client, "/orte/karte/")
    sitemap = get(client, "/sitemap.xml")
    assert "windmuehlen" not in sitemap and "infrastruktur" in sitemap
    assert "infrastruktur" not in get(client, "/sitemap.xml", OTHER)
    mine = to_yaml(export_concept(Site.objects.get(is_default_site=True)))
    theirs = to_yaml(export_concept(other_site))
    assert "Windmühlenwirtschaft" not in mine and "Windmühlenwirtschaft" in theirs
    assert "Breitbandversorgung" not in theirs


def test_editors_of_one_site_cannot_touch_the_other(client, other_site):
    editor = User.objects.create_user("muster", "muster@example.org", "ein-langes-Passwort-2035")
    editor.groups.add(Group.objects.get(name=f"Redaktion Regionalmanagement ({OTHER})"))
    client.force_login(editor)
    kek_approach = ApproachPage.objects.get(slug="infrastruktur")
    own_approach = ApproachPage.objects.get(slug="windmuehlen")
    assert client.get(f"/admin/pages/{own_approach.pk}/edit/", HTTP_HOST=OTHER).status_code == 200
    assert client.get(f"/admin/pages/{kek_approach.pk}/edit/", HTTP_HOST=OTHER).status_code in (302, 403)
    kek_project = Project.objects.filter(approach=kek_approach).first()
    own_project = Project.objects.get(key="muehlenpfad")
    assert client.get(f"/admin/snippets/plan/project/edit/{own_project.pk}/", HTTP_HOST=OTHER).status_code == 200
    assert client.get(f"/admin/snippets/plan/project/edit/{kek_project.pk}/", HTTP_HOST=OTHER).status_code in (
        302,
        403,
    )
    listing = client.get("/admin/snippets/plan/project/", HTTP_HOST=OTHER).content.decode()
    assert "Mühlenpfad Musterhausen" in listing and kek_project.title not in listing
    # and the KEK's Redaktion cannot touch the Musterkreis
    kek_editor = User.objects.create_user("kek", "kek@example.org", "ein-langes-Passwort-2030")
    kek_editor.groups.add(Group.objects.get(name="Redaktion Regionalmanagement"))
    client.force_login(kek_editor)
    assert client.get(f"/admin/pages/{own_approach.pk}/edit/").status_code in (302, 403)
    assert Page.objects.filter(pk=own_approach.pk).exists()


SETTINGS = {
    "legalsettings": ("legal", "provider", "Landkreis Musterkreis"),
    "siteidentity": ("core", "name", "Muster 2035"),
}


def settings_url(model: str, site: Site | None = None) -> str:
    """The edit view of a site's setting; without a site, the menu entry's URL."""
    return reverse("wagtailsettings:edit", args=[SETTINGS[model][0], model, *([site.pk] if site else [])])


def refused(response) -> bool:
    """Wagtail's answer to a forbidden admin request: back to the dashboard (or a plain 403)."""
    return response.status_code == 403 or (response.status_code == 302 and response["Location"] == "/admin/")


def test_editors_see_and_change_only_their_own_sites_settings(client, other_site):
    """Legal settings and appearance: the Musterkreis's Redaktion opens and saves its own site's,
    is refused the KEK's (and nothing is written there), and is not offered the KEK's in the
    site switcher; a superuser reaches both."""
    kek_site = Site.objects.get(is_default_site=True)
    redaktion = Group.objects.get(name=f"Redaktion Regionalmanagement ({OTHER})")
    # the appearance is no role's by default; the Administration may hand it out like this
    redaktion.permissions.add(Permission.objects.get(codename="change_siteidentity"))
    editor = User.objects.create_user("muster", "muster@example.org", "ein-langes-Passwort-2035")
    editor.groups.add(redaktion)
    client.force_login(editor)
    kek_settings_before = [list(m.objects.filter(site=kek_site).values()) for m in (LegalSettings, SiteIdentity)]
    for model, (_app, field, value) in SETTINGS.items():
        own = client.get(settings_url(model, other_site), HTTP_HOST=OTHER)
        assert own.status_code == 200, model
        assert settings_url(model, kek_site) not in own.content.decode()  # no switcher to the KEK's
        data = {**form_fields(own.content.decode()), field: value}
        assert client.post(settings_url(model, other_site), data, HTTP_HOST=OTHER).status_code == 302
        assert refused(client.get(settings_url(model, kek_site), HTTP_HOST=OTHER)), model
        assert refused(client.post(settings_url(model, kek_site), data, HTTP_HOST=OTHER)), model
        # the menu entry leads to the own site's settings, even when opened from the KEK's host
        menu = client.get(settings_url(model))
        assert menu.status_code == 302 and menu["Location"] == settings_url(model, other_site), model
    assert LegalSettings.objects.get(site=other_site).provider == "Landkreis Musterkreis"
    assert SiteIdentity.objects.get(site=other_site).name == "Muster 2035"
    # the refused requests wrote nothing, did not even create the KEK's settings
    assert [
        list(m.objects.filter(site=kek_site).values()) for m in (LegalSettings, SiteIdentity)
    ] == kek_settings_before
    chief = User.objects.create_superuser("chef", "chef@example.org", "ein-langes-Passwort-2030")
    client.force_login(chief)
    for model in SETTINGS:
        page = client.get(settings_url(model, kek_site))
        assert page.status_code == 200 and settings_url(model, other_site) in page.content.decode(), model


def test_every_site_setting_reaches_only_the_editors_own_sites():
    """A new per-site setting must use the same policy, or its editors would reach every county's."""
    site_settings = [model for model in settings_registry if issubclass(model, BaseSiteSetting)]
    assert {LegalSettings, SiteIdentity, OpenDataSettings} <= set(site_settings)
    for model in site_settings:
        assert isinstance(policy_registry.get_by_type(model), OwnSitesSettingPolicy), model


SAMPLE = "beispiel.example"


@pytest.fixture
def sample_site(settings) -> Site:
    """The invented second sample concept of content/, loaded as a county would load its own."""
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, SAMPLE]
    call_command(
        "import_kek",
        str(CONTENT / "beispielkreis.yaml"),
        site=SAMPLE,
        places=str(CONTENT / "beispielkreis-orte.yaml"),
        stdout=StringIO(),
    )
    return Site.objects.get(hostname=SAMPLE)


def test_the_sample_concept_is_a_site_of_its_own_marked_as_an_example(client, sample_site):
    start = BeautifulSoup(get(client, "/", SAMPLE), "html.parser")
    assert "Beispiel" in start.title.get_text() and "Beispiel-KEK 2035" in start.select_one(".kek-brand").get_text()
    assert "Landkreis Beispielland (Beispiel)" in start.select_one("header").get_text()  # not the KEK's county
    assert "Ludwigslust-Parchim" not in start.get_text()
    approach = BeautifulSoup(
        get(client, "/arbeit-und-wirtschaft/betriebe/ausbildung/berufsschulwege/", SAMPLE), "html.parser"
    )
    assert "Rufbus Beispielstadt (erfundenes Projekt)" in approach.get_text()  # the place's name is a link
    assert "Beispielstadt" in get(client, "/orte/", SAMPLE)
    # The KEK 2030 stays as it was, on its own site.
    kek = BeautifulSoup(get(client, "/"), "html.parser")
    assert "KEK 2030 Ludwigslust-Parchim" in kek.title.get_text()
    assert "Beispielland" not in kek.get_text()


def test_each_site_has_its_own_name_coat_of_arms_and_accent(client, sample_site):
    arms = Image.objects.create(title="Wappen Beispielland", file=get_test_image_file(), width=640, height=480)
    SiteIdentity.objects.create(site=sample_site, name="Beispielland 2035", coat_of_arms=arms, accent="gruen")
    sample = BeautifulSoup(get(client, "/", SAMPLE), "html.parser")
    assert sample.select_one(".kek-brand__title").get_text(strip=True) == "Beispielland 2035"
    assert "kek-akzent-gruen" in sample.body["class"]
    assert sample.select_one(".kek-brand img.kek-brand__arms")["alt"] == ""  # the name beside it says it
    kek = BeautifulSoup(get(client, "/"), "html.parser")
    assert kek.select_one(".kek-brand__title").get_text(strip=True) == "KEK 2030 Ludwigslust-Parchim"
    assert kek.select_one(".kek-brand img") is None
    assert not any(c.startswith("kek-akzent-") for c in kek.body.get("class", []))


def test_an_editor_sees_only_the_pages_of_their_own_site(client, sample_site):
    editor = User.objects.create_user("beispiel", "beispiel@example.org", "ein-langes-Passwort-2035")
    editor.groups.add(Group.objects.get(name=f"Redaktion Regionalmanagement ({SAMPLE})"))
    client.force_login(editor)
    explorer = client.get("/admin/pages/", HTTP_HOST=SAMPLE, follow=True).content.decode()
    assert "Arbeit und Wirtschaft (Beispiel)" in explorer
    assert "Starker Wirtschaftsstandort" not in explorer
    found = client.get("/admin/pages/search/", {"q": "Wirtschaft"}, HTTP_HOST=SAMPLE).content.decode()
    assert "Arbeit und Wirtschaft (Beispiel)" in found
    assert "Starker Wirtschaftsstandort" not in found
    dashboard = client.get("/admin/", HTTP_HOST=SAMPLE).content.decode()
    assert "Starker Wirtschaftsstandort" not in dashboard
