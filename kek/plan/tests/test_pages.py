"""The pages of the whole KEK 2030: every item reachable, its decided wording shown, and the SQL
queries per page bounded. How each page type works is tested on the small concept
(test_public_pages.py)."""

import re
from collections import deque
from urllib.parse import urldefrag

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from kek.core.content_cache import forget_kept
from kek.plan.models import ApproachPage, FieldOfActionPage, HomePage, Measure, Project, SubGoalPage

pytestmark = [pytest.mark.django_db, pytest.mark.kek2030]

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
# The other public pages of a concept's site (their content is tested in their own apps).
PUBLIC_PAGES = {
    "places": "/orte/",
    "place": "/orte/parchim/",
    "map": "/orte/karte/",
    "changes": "/aenderungen/",
    "decided": "/aenderungen/beschluss-2017/",
    "feed": "/aenderungen/feed/",
    "imprint": "/impressum/",
    "privacy": "/datenschutz/",
    "accessibility": "/barrierefreiheit/",
    "easy_language": "/leichte-sprache/",
    "sign_language": "/gebaerdensprache/",
}


def normalise(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def squash(text: str) -> str:
    """Text without any whitespace: compares wording regardless of how markup split it."""
    return re.sub(r"\s+", "", text)


def soup_of(response) -> BeautifulSoup:
    return BeautifulSoup(response.content.decode(), "html.parser")


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


def test_the_kek2030_pages_show_its_decided_wording(client):
    """The wording, counts and links of the decided concept on its pages; how each page type works
    is tested on the small concept in test_public_pages.py."""
    soup = soup_of(client.get(PAGE_TYPES["approach"]))
    for notes in soup.select(".kek-item-notes"):  # what apps above plan add (APPROACH_ITEMS_HOOK)
        notes.decompose()
    assert [a["href"] for a in soup.select(".kek-context a")] == [
        "/starker-wirtschaftsstandort/",
        "/starker-wirtschaftsstandort/wirtschaftsstruktur/",
        "/starker-wirtschaftsstandort/wirtschaftsstruktur/standortbedingungen/",
    ]
    assert (
        "Laufendes Projekt: Bundesprogramm „Blaues Band Deutschland“ (externer Link) Link: redaktionelle Ergänzung"
        in [normalise(li.get_text()) for li in soup.select(".kek-example--running")]
    )
    assert "Projektidee: Radwegemeister" in [normalise(li.get_text()) for li in soup.select(".kek-example--idea")]
    assert normalise(soup.select_one(".kek-back a").get_text()) == "Zurück zur Übersicht „Starker Wirtschaftsstandort“"

    url = "/starker-wirtschaftsstandort/wirtschaftsstruktur/gruendungen-innovationen/zukunftsbranchen/"
    link = soup_of(client.get(url)).find("a", string="Handlungsfeld „Nachhaltiger Lebensraum“")
    assert link["href"] == "/nachhaltiger-lebensraum/energie-klima/"

    soup = soup_of(client.get(PAGE_TYPES["field"]))
    assert len(soup.select(".kek-swot li")) == 35
    regions = [normalise(h.get_text()) for h in soup.select(".kek-region h3")]
    assert regions == ["Das Schweriner Umland", "Westlicher Teil", "Mittlerer Teil", "Östlicher Teil"]

    soup = soup_of(client.get(PAGE_TYPES["sub_goal"]))
    assert "Landesraumentwicklungsprogramm von 2016" in soup.select_one(".kek-legal").get_text()
    assert "Ankergemeinden verfügen über Angebote" in soup.select_one(".kek-footnotes").get_text()
    assert len(soup.select(".kek-card")) == 3

    soup = soup_of(client.get(PAGE_TYPES["region"]))
    assert [normalise(h.get_text()) for h in soup.select("main h2")] == [
        "Handlungsfeld „Starker Wirtschaftsstandort“",
        "Handlungsfeld „Nachhaltiger Lebensraum“",
        "Handlungsfeld „Lebenswerte Orte“",
    ]
    assert "Gallin-Businesspark A 24" in soup.main.get_text()

    soup = soup_of(client.get("/"))
    assert [normalise(a.get_text()) for a in soup.select(".kek-house__field a")] == [
        "Starker Wirtschaftsstandort",
        "Nachhaltiger Lebensraum",
        "Lebenswerte Orte",
    ]
    assert len(soup.select(".kek-house__foundation a")) == 5
    assert "12. Oktober 2017" in soup.main.get_text()

    text = normalise(soup_of(client.get(PAGE_TYPES["about"])).main.get_text(" "))
    assert "vom Kreistag des Landkreises Ludwigslust-Parchim am 12. Oktober 2017 beschlossen" in text
    assert "Fachdienst Regionalmanagement und Europa" in text
    assert "Georg Consulting" in text

    sitemap = client.get("/sitemap.xml").content.decode()
    home = HomePage.objects.get()
    assert sitemap.count("<url>") == Page.objects.live().descendant_of(home, inclusive=True).count() >= 99
    assert "/starker-wirtschaftsstandort/wirtschaftsstruktur/standortbedingungen/infrastruktur/</loc>" in sitemap


# Exactly what each page type needs with warm per-process caches (site, routing by path,
# view restrictions, ancestors, the site's content version, then the page's own content), as
# (cold, warm): the first request after a publication also reads what is kept per content version
# (the site's appearance, legal settings and menu pages; the page's ancestors, decision dates and
# previous/next; monitoring's status lines: kek/core/content_cache.py), the next one only the
# version. A change in either direction is a decision: lower the number when a query goes, justify
# a rise.
# (cold, warm). Warm, every concept page is kept whole (KekPage.keep_content): the site, its start
# page, the content version and Wagtail's view restrictions (two), as for a bare Wagtail page
# (whose start page is its only page) plus the version.
QUERY_BUDGET = {
    PAGE_TYPES["start"]: (15, 5),  # the downloads offered on the start page (the concept as PDF)
    PAGE_TYPES["field"]: (17, 5),  # the level cards count the measures per approach (one query)
    PAGE_TYPES["goal"]: (16, 5),  # the same
    PAGE_TYPES["sub_goal"]: (15, 5),
    # status lines (monitoring: 4, and 3 to find its pages); citizens' proposals and the public
    # priority rounds that ask about the approach (participation, 3)
    PAGE_TYPES["approach"]: (24, 5),
    PAGE_TYPES["themes"]: (14, 5),
    PAGE_TYPES["theme"]: (18, 5),  # which measures are tagged, to keep tagged examples with their measure
    PAGE_TYPES["regions"]: (14, 5),
    PAGE_TYPES["region"]: (15, 5),
    PAGE_TYPES["about"]: (15, 5),
}


def _queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def cold_and_warm(client, url: str) -> tuple[int, int]:
    """The queries of the first request after a publication (the parts of pages kept per content
    version built, kek/core/content_cache.py) and of the next one (they are reused)."""
    client.get(url)  # warm the site-root cache, as on a running server
    forget_kept()
    return _queries(client, url), _queries(client, url)


@pytest.mark.parametrize("url", PAGE_TYPES.values(), ids=PAGE_TYPES.keys())
def test_query_count_per_page_is_exactly_what_it_needs(client, url):
    assert cold_and_warm(client, url) == QUERY_BUDGET[url]


def test_query_count_does_not_grow_with_content(client):
    """40 more measures with links and 80 more examples cost no extra query, with the kept parts
    of pages built (cold) or reused (warm)."""
    approach = ApproachPage.objects.get(slug="branchennetzwerke")
    target = SubGoalPage.objects.first()
    link = f'<p>Mehr dazu: <a linktype="page" id="{target.pk}">Teilziel</a></p>'

    def add_measures(count: int) -> None:
        for i in range(count):
            measure = Measure.objects.create(approach=approach, text=link, sort_order=100 + i)
            for kind in Project.Kind.values:
                Project.objects.create(approach=approach, measure=measure, kind=kind, title=f"Beispiel {i}")

    add_measures(1)
    before = cold_and_warm(client, approach.url)
    add_measures(40)
    assert cold_and_warm(client, approach.url) == before

    field = FieldOfActionPage.objects.get(slug="starker-wirtschaftsstandort")
    other = FieldOfActionPage.objects.get(slug="nachhaltiger-lebensraum")
    assert _queries(client, field.url) == _queries(client, other.url)
