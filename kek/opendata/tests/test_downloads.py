"""Downloads: CSV as a spreadsheet program reads it, the content file, the data dictionary, the
DCAT-AP.de catalogue, and the page "Offene Daten" listing them with licence, date and size."""

import csv
import io
import json
import re

import pytest
import yaml
from bs4 import BeautifulSoup

from kek.monitoring.services import ensure_pages as ensure_monitoring_pages
from kek.opendata.csv_files import cell
from kek.opendata.datasets import CSV_DATASETS
from kek.places.models import Place
from kek.plan.models import Measure, Project
from kek.publications.models import StoredFile
from kek.publications.wagtail_hooks import add_report_index

pytestmark = pytest.mark.django_db
FILES = "/daten/"


def spreadsheet_rows(data: bytes) -> list[list[str]]:
    """Read CSV as LibreOffice or Excel do with their German defaults: the BOM names UTF-8,
    ";" separates, quoted fields may hold line breaks."""
    assert data.startswith(b"\xef\xbb\xbf")
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""), delimiter=";"))


def test_measures_csv_opens_with_umlauts_and_one_row_per_measure(concept, client):
    response = client.get(FILES + "massnahmen.csv")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv"
    assert 'filename="massnahmen.csv"' in response["Content-Disposition"]
    assert response["Link"].startswith("<https://www.govdata.de/dl-de/by-2-0>")
    rows = spreadsheet_rows(response.content)
    header, body = rows[0], rows[1:]
    assert header[:3] == ["id", "text", "position"]
    assert [r[0] for r in body] == [m.key for m in concept.measures]
    themes = dict(zip(header, body[1], strict=True))["themes"]
    assert themes == "digitalisierung"


def test_csv_keeps_line_breaks_separators_and_quotes_inside_fields(concept, client):
    Project.objects.filter(key="azubi-ticket").update(
        description='Zeile eins; mit Semikolon\nZeile zwei mit "Anführungszeichen" und Ümläuten'
    )
    rows = spreadsheet_rows(client.get(FILES + "ideen.csv").content)
    header = rows[0]
    record = dict(zip(header, next(r for r in rows if r[0] == "azubi-ticket"), strict=True))
    assert record["description"] == 'Zeile eins; mit Semikolon\nZeile zwei mit "Anführungszeichen" und Ümläuten'
    assert all(len(r) == len(header) for r in rows)


def test_cells_that_a_spreadsheet_would_run_as_formula_are_defused(concept, client):
    for start in ("=", "+", "-", "@"):
        assert cell(f'{start}HYPERLINK("http://x")') == f'\'{start}HYPERLINK("http://x")'
    assert cell(-5.5) == "-5,5" and cell(2030) == "2030"
    Project.objects.filter(key="azubi-ticket").update(title="=1+2")
    rows = spreadsheet_rows(client.get(FILES + "ideen.csv").content)
    assert "'=1+2" in [r[1] for r in rows]


def test_content_file_download_is_the_complete_concept_with_keys(concept, client):
    data = yaml.safe_load(client.get(FILES + "konzept.yaml").content.decode("utf-8"))
    keys = {
        m["key"]
        for f in data["fields"]
        for g in f["goals"]
        for s in g["sub_goals"]
        for a in s["approaches"]
        for m in a["measures"]
    }
    assert keys == set(Measure.objects.values_list("key", flat=True))


def test_datapackage_names_every_column_with_type_and_meaning(concept, client):
    package = json.loads(client.get(FILES + "datapackage.json").content)
    assert package["licenses"][0]["name"] == "dl-de-by-2.0"
    resources = {r["name"]: r for r in package["resources"]}
    assert set(resources) == {d.name for d in CSV_DATASETS}
    for dataset in CSV_DATASETS:
        resource = resources[dataset.name]
        assert resource["dialect"]["delimiter"] == ";" and resource["encoding"] == "utf-8-sig"
        fields = resource["schema"]["fields"]
        assert [f["name"] for f in fields] == [c.name for c in dataset.columns]
        assert all(f["type"] and f["title"] for f in fields)
        csv_file = client.get(FILES + dataset.csv).content
        assert resource["bytes"] == len(csv_file)
        assert spreadsheet_rows(csv_file)[0] == [f["name"] for f in fields]


def test_dcat_catalogue_describes_every_file_with_licence(concept, client):
    catalogue = json.loads(client.get(FILES + "dcat-katalog.jsonld").content)
    assert catalogue["@type"] == "dcat:Catalog"
    assert catalogue["dct:license"]["@id"] == "http://dcat-ap.de/def/licenses/dl-by-de/2.0"
    distributions = [d for ds in catalogue["dcat:dataset"] for d in ds["dcat:distribution"]]
    urls = {d["dcat:accessURL"]["@id"] for d in distributions}
    for name in ("massnahmen.csv", "projekte.csv", "ideen.csv", "indikatorwerte.csv", "konzept.yaml"):
        assert f"http://testserver{FILES}{name}" in urls
    assert all(d["dct:license"]["@id"].startswith("http://dcat-ap.de/def/licenses/") for d in distributions)
    assert all(d["dcatde:licenseAttributionByText"] == concept.home.county for d in distributions)


def test_open_data_page_lists_every_download_with_licence_date_and_size(concept, client):
    page = client.get("/offene-daten/")
    assert page.status_code == 200
    soup = BeautifulSoup(page.content, "html.parser")
    rows = soup.select("tbody tr")
    links = [row.find("a")["href"].removeprefix("http://testserver") for row in rows]
    for name in (
        "massnahmen.csv",
        "projekte.csv",
        "ideen.csv",
        "indikatorwerte.csv",
        "konzept.yaml",
        "datapackage.json",
    ):
        assert FILES + name in links
    for row in rows:
        cells = [c.get_text(strip=True) for c in row.find_all("td")]
        assert re.search(r"\d\s(Bytes|KB|MB)$", cells[1]) and cells[2] and cells[3] == "dl-de-by-2.0"
    assert "Datenlizenz Deutschland – Namensnennung – Version 2.0" in soup.get_text()
    assert "120 Anfragen je Minute und Adresse" in soup.get_text()


def test_footer_links_the_open_data_page(concept, client):
    soup = BeautifulSoup(client.get("/").content, "html.parser")
    assert "/offene-daten/" in [a["href"] for a in soup.select("footer a")]


def test_api_page_explains_every_endpoint(concept, client):
    soup = BeautifulSoup(client.get("/offene-daten/api/").content, "html.parser")
    text = soup.get_text()
    for name in ("measures", "projects", "ideas", "indicators", "changes"):
        assert f"GET /api/v1/{name}" in text
    assert "Ratenbegrenzung" in text and "openapi.json" in text


def test_a_download_is_rebuilt_after_a_change(concept, client, django_capture_on_commit_callbacks):
    client.get(FILES + "massnahmen.csv")
    measure = concept.approach.measures.first()
    measure.text = "<p>Ausbau der Berufsschulen in Neustadt und Altdorf</p>"
    with django_capture_on_commit_callbacks(execute=True):
        measure.save()
        concept.approach.save_revision().publish()
    assert "Neustadt und Altdorf" in client.get(FILES + "massnahmen.csv").content.decode("utf-8-sig")


def test_unknown_file_is_404(concept, client):
    assert client.get(FILES + "geheim.txt").status_code == 404


def test_start_page_links_the_concept_pdf_with_size_and_date(concept, client):
    link = BeautifulSoup(client.get("/").content, "html.parser").find("a", string="Konzept als PDF herunterladen")
    assert link["href"] == FILES + "konzept.pdf"
    pdf = client.get(link["href"])  # built on this request: the worker had not run
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")
    paragraph = (
        BeautifulSoup(client.get("/").content, "html.parser").find("a", string="Konzept als PDF herunterladen").parent
    )
    assert re.search(r"\(PDF, [\d,]+\s(KB|MB), Stand: \d", paragraph.get_text()), paragraph.get_text()


def test_printed_pages_name_their_address_and_date(concept, client):
    soup = BeautifulSoup(client.get("/offene-daten/").content, "html.parser")
    source = soup.select_one(".kek-print-source").get_text()
    assert source.startswith("Ausdruck von http://testserver/offene-daten/, Stand ")
    assert re.search(r"Stand \d{1,2}\. \w+ \d{4}$", source)


def _catalogue_datasets(client, site) -> list[dict]:
    StoredFile.objects.filter(site=site).delete()  # built anew from the places as they are now
    return json.loads(client.get(FILES + "dcat-katalog.jsonld").content)["dcat:dataset"]


def test_dcat_catalogue_names_the_county_its_places_lie_in(concept, client):
    """The Kreisschlüssel is the part every municipality key of the site shares; an Amt has no key."""
    concept.office.ags = ""
    concept.office.save()
    for number, place in enumerate(concept.places, start=1):
        place.ags = f"13076{number:03d}"
        place.save()
    for dataset in _catalogue_datasets(client, concept.site):
        assert (
            dataset["dcatde:politicalGeocodingURI"]["@id"]
            == "http://dcat-ap.de/def/politicalGeocoding/districtKey/13076"
        )
        assert dataset["dcatde:politicalGeocodingLevelURI"]["@id"].endswith("/Level/administrativeDistrict")


def test_dcat_catalogue_claims_no_county_the_places_do_not_give(concept, client):
    assert len(concept.places) >= 2
    for place, county in zip(concept.places, ("13076", "12345"), strict=False):  # two counties: no single key
        place.ags = county + "001"
        place.save()
    assert not any("dcatde:politicalGeocodingURI" in d for d in _catalogue_datasets(client, concept.site))
    Place.objects.filter(site=concept.site).exclude(kind=Place.Kind.OFFICE).delete()  # only an Amt: no key
    assert not any("dcatde:politicalGeocodingURI" in d for d in _catalogue_datasets(client, concept.site))


def test_open_data_page_links_the_implementation_reports(concept, client):
    assert "Umsetzungsberichte" not in client.get("/offene-daten/").content.decode()  # no list on this site yet
    ensure_monitoring_pages(concept.home)
    add_report_index(concept.home)
    soup = BeautifulSoup(client.get("/offene-daten/").content, "html.parser")
    assert soup.find("a", string="Alle Umsetzungsberichte")["href"] == "/umsetzung/berichte/"
