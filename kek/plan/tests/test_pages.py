"""The public pages: every page type renders, levels link to each other, nothing is missing."""

import itertools
import re
from collections import deque
from urllib.parse import urldefrag

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from kek.plan.models import ApproachPage, FieldOfActionPage, HomePage, Measure, Project, StrategicGoalPage, SubGoalPage

pytestmark = pytest.mark.django_db

PAGE_TYPES = {
    "start": "/",
    "field": "/starker-wirtschaftsstandort/",
    "goal": "/starker-wirtschaftsstandort/wirtschaftsstruktur/",
    "sub_goal": "/nachhaltiger-lebensraum/siedlungsstruktur/zentrale-orte/",
    "approach": "/starker-wirtschaftsstandort/wirtschaftsstruktur/standortbedingungen/infrastruktur/",
    "themes": "/querschnittsthemen/",
    "theme": "/querschnittsthemen/digitalisierung/",
    "regions": "/teilraeume/",
    "region": "/teilraeume/westlicher-teil/",
    "about": "/ueber-das-kek/",
}


def normalise(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def squash(text: str) -> str:
    """Text without any whitespace: compares wording regardless of how markup split it."""
    return re.sub(r"\s+", "", text)


def soup_of(response) -> BeautifulSoup:
    return BeautifulSoup(response.content.decode(), "html.parser")


@pytest.mark.parametrize("url", PAGE_TYPES.values(), ids=PAGE_TYPES.keys())
def test_every_page_type_renders_as_a_german_page(client, url):
    response = client.get(url)
    assert response.status_code == 200
    soup = soup_of(response)
    assert soup.html["lang"] == "de"
    assert len(soup.find_all("h1")) == 1
    h1 = normalise(soup.h1.get_text())
    assert h1 in soup.title.get_text()
    assert len(soup.find("meta", attrs={"name": "description"})["content"]) > 40
    assert soup.find("main", id="inhalt")
    assert soup.find("a", href="#inhalt")


def test_headings_do_not_skip_levels(client):
    for url in PAGE_TYPES.values():
        soup = soup_of(client.get(url))
        levels = [int(h.name[1]) for h in soup.find_all(re.compile(r"^h[1-6]$"))]
        jumps = [(a, b) for a, b in itertools.pairwise(levels) if b > a + 1]
        assert not jumps, f"{url}: {levels}"


def test_crawler_from_start_page_finds_every_item_on_its_approach_page(client, content):
    pages: dict[str, str] = {}
    queue = deque(["/"])
    while queue:
        url = queue.popleft()
        if url in pages:
            continue
        response = client.get(url)
        assert response.status_code == 200, url
        if not response["Content-Type"].startswith("text/html"):
            continue  # e.g. the Atom feed of changes
        soup = soup_of(response)
        pages[url] = squash(soup.main.get_text(" "))
        for link in soup.find_all("a", href=True):
            href = urldefrag(link["href"]).url
            if href.startswith("/") and not href.startswith(("/static/", "/admin/")) and href not in pages:
                queue.append(href)

    missing = []
    for field in content.fields:
        for goal in field.goals:
            for sub_goal in goal.sub_goals:
                for approach in sub_goal.approaches:
                    url = f"/{field.slug}/{goal.slug}/{sub_goal.slug}/{approach.slug}/"
                    text = pages.get(url)
                    assert text is not None, f"not reachable from /: {url}"
                    items = [approach.title, sub_goal.title]
                    for measure in approach.measures:
                        items += [measure.text] + [e.title for e in measure.projects + measure.ideas]
                    missing += [(url, item) for item in items if squash(item) not in text]
    assert not missing
    assert len(pages) >= 99


def test_approach_page_shows_context_and_markers(client):
    soup = soup_of(client.get(PAGE_TYPES["approach"]))
    context_links = [a["href"] for a in soup.select(".kek-context a")]
    assert context_links == [
        "/starker-wirtschaftsstandort/",
        "/starker-wirtschaftsstandort/wirtschaftsstruktur/",
        "/starker-wirtschaftsstandort/wirtschaftsstruktur/standortbedingungen/",
    ]
    running = soup.select(".kek-example--running")
    ideas = soup.select(".kek-example--idea")
    assert "Laufendes Projekt: Bundesprogramm „Blaues Band Deutschland“ (externer Link)" in [
        normalise(li.get_text()) for li in running
    ]
    assert "Projektidee: Radwegemeister" in [normalise(li.get_text()) for li in ideas]
    assert soup.find(id="legende")
    assert normalise(soup.select_one(".kek-back a").get_text()) == "Zurück zur Übersicht „Starker Wirtschaftsstandort“"


def test_previous_and_next_run_through_the_approaches_of_a_field(client):
    field = FieldOfActionPage.objects.get(slug="starker-wirtschaftsstandort")
    approaches = list(ApproachPage.objects.live().descendant_of(field))
    first, second, last = approaches[0], approaches[1], approaches[-1]
    soup = soup_of(client.get(first.url))
    assert not soup.select('a[rel="prev"]')
    assert soup.select_one('a[rel="next"]')["href"] == second.url
    soup = soup_of(client.get(last.url))
    assert soup.select_one('a[rel="prev"]')["href"] == approaches[-2].url
    assert not soup.select('a[rel="next"]')


def test_breadcrumbs_lead_back_up_the_hierarchy(client):
    soup = soup_of(client.get(PAGE_TYPES["approach"]))
    crumbs = [a["href"] for a in soup.select(".kek-breadcrumbs a")]
    assert crumbs == [
        "/",
        "/starker-wirtschaftsstandort/",
        "/starker-wirtschaftsstandort/wirtschaftsstruktur/",
        "/starker-wirtschaftsstandort/wirtschaftsstruktur/standortbedingungen/",
    ]
    assert soup.select_one(".kek-breadcrumbs [aria-current=page]")


def test_cross_reference_is_a_working_link(client):
    url = "/starker-wirtschaftsstandort/wirtschaftsstruktur/gruendungen-innovationen/zukunftsbranchen/"
    soup = soup_of(client.get(url))
    link = soup.find("a", string="Handlungsfeld „Nachhaltiger Lebensraum“")
    assert link["href"] == "/nachhaltiger-lebensraum/energie-klima/"
    assert client.get(link["href"]).status_code == 200


def test_field_page_has_situation_overview_and_regional_focus(client):
    soup = soup_of(client.get(PAGE_TYPES["field"]))
    assert [normalise(h.get_text()) for h in soup.select(".kek-swot h3")] == [
        "Stärken",
        "Schwächen",
        "Chancen",
        "Risiken",
    ]
    assert len(soup.select(".kek-swot li")) == 35
    goals = StrategicGoalPage.objects.child_of(FieldOfActionPage.objects.get(slug="starker-wirtschaftsstandort"))
    assert [normalise(h.get_text()) for h in soup.select("#ziele ~ .kek-tree > li > h3")] == [g.title for g in goals]
    regions = [normalise(h.get_text()) for h in soup.select(".kek-region h3")]
    assert regions == ["Das Schweriner Umland", "Westlicher Teil", "Mittlerer Teil", "Östlicher Teil"]


def test_sub_goal_page_shows_legal_framework_and_footnote(client):
    soup = soup_of(client.get(PAGE_TYPES["sub_goal"]))
    assert "Landesraumentwicklungsprogramm von 2016" in soup.select_one(".kek-legal").get_text()
    assert "Ankergemeinden verfügen über Angebote" in soup.select_one(".kek-footnotes").get_text()
    assert len(soup.select(".kek-card")) == 3


def test_region_page_gathers_all_three_fields(client):
    soup = soup_of(client.get(PAGE_TYPES["region"]))
    headings = [normalise(h.get_text()) for h in soup.select("main h2")]
    assert headings == [
        "Handlungsfeld „Starker Wirtschaftsstandort“",
        "Handlungsfeld „Nachhaltiger Lebensraum“",
        "Handlungsfeld „Lebenswerte Orte“",
    ]
    assert "Gallin-Businesspark A 24" in soup.main.get_text()


def test_start_page_shows_the_house_with_fields_and_themes(client):
    soup = soup_of(client.get("/"))
    assert [normalise(a.get_text()) for a in soup.select(".kek-house__field a")] == [
        "Starker Wirtschaftsstandort",
        "Nachhaltiger Lebensraum",
        "Lebenswerte Orte",
    ]
    assert len(soup.select(".kek-house__foundation a")) == 5
    assert "12. Oktober 2017" in soup.main.get_text()


def test_about_page_names_the_decision_and_contacts(client):
    text = normalise(soup_of(client.get(PAGE_TYPES["about"])).main.get_text(" "))
    assert "vom Kreistag des Landkreises Ludwigslust-Parchim am 12. Oktober 2017 beschlossen" in text
    assert "Fachdienst Regionalmanagement und Europa" in text
    assert "Georg Consulting" in text


def test_external_links_are_marked(client):
    project = Project.objects.get(title="Kurs Elbe")
    project.url = "https://www.kurs-elbe.de/"
    project.save()
    soup = soup_of(client.get(project.approach.url))
    link = soup.find("a", href="https://www.kurs-elbe.de/")
    assert "external" in link["rel"]
    assert "(externer Link)" in link.get_text()


def test_draft_projects_are_not_shown(client):
    project = Project.objects.get(title="Radwegemeister")
    project.live = False
    project.save()
    assert "Radwegemeister" not in client.get(PAGE_TYPES["approach"]).content.decode()


def test_unknown_address_gives_a_german_404_page(client):
    response = client.get("/gibt-es-nicht/")
    assert response.status_code == 404
    soup = soup_of(response)
    assert normalise(soup.h1.get_text()) == "Seite nicht gefunden"
    assert soup.find("a", href="/")


def test_sitemap_and_robots(client):
    sitemap = client.get("/sitemap.xml").content.decode()
    home = HomePage.objects.get()
    assert sitemap.count("<url>") == Page.objects.live().descendant_of(home, inclusive=True).count() >= 99
    assert "/starker-wirtschaftsstandort/wirtschaftsstruktur/standortbedingungen/infrastruktur/</loc>" in sitemap
    robots = client.get("/robots.txt").content.decode()
    assert "Sitemap: http://testserver/sitemap.xml" in robots


def test_public_pages_send_a_strict_content_security_policy(client):
    response = client.get("/")
    csp = response["Content-Security-Policy"]
    assert "default-src 'self'" in csp and "script-src 'self'" in csp
    assert "unsafe-inline" not in csp
    assert response["X-Frame-Options"] == "DENY"


# Wagtail's routing costs about two queries per URL level; the rest is fixed per page type.
QUERY_BUDGET = {url: 12 + 2 * url.count("/") for url in PAGE_TYPES.values()}


def _queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.parametrize("url", PAGE_TYPES.values(), ids=PAGE_TYPES.keys())
def test_query_count_per_page_is_bounded(client, url):
    client.get(url)  # warm the site-root cache, as on a running server
    assert _queries(client, url) <= QUERY_BUDGET[url]


def test_query_count_does_not_grow_with_content(client):
    """40 more measures with links and 80 more examples cost no extra query."""
    approach = ApproachPage.objects.get(slug="branchennetzwerke")
    target = SubGoalPage.objects.first()
    link = f'<p>Mehr dazu: <a linktype="page" id="{target.pk}">Teilziel</a></p>'

    def add_measures(count: int) -> None:
        for i in range(count):
            measure = Measure.objects.create(approach=approach, text=link, sort_order=100 + i)
            for kind in Project.Kind.values:
                Project.objects.create(approach=approach, measure=measure, kind=kind, title=f"Beispiel {i}")

    add_measures(1)
    client.get(approach.url)
    before = _queries(client, approach.url)
    add_measures(40)
    assert _queries(client, approach.url) == before

    field = FieldOfActionPage.objects.get(slug="starker-wirtschaftsstandort")
    other = FieldOfActionPage.objects.get(slug="nachhaltiger-lebensraum")
    assert _queries(client, field.url) == _queries(client, other.url)
