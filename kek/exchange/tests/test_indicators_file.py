"""The indicators file: the KEK 2030's own quantified targets are seeded with their sources; a file
with a problem changes nothing; a second run keeps what was entered since."""

import datetime
from decimal import Decimal
from io import StringIO
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from django.conf import settings
from django.core.management import CommandError, call_command
from wagtail.models import Site

from kek.indicators.models import Indicator, IndicatorValue
from kek.indicators.tests.conftest import HOST, Concept, build_concept

pytestmark = pytest.mark.django_db

SEED = Path(settings.BASE_DIR) / "content" / "indicators.yaml"


@pytest.fixture(name="concept")
def small_concept(settings) -> Concept:
    """A small concept on a site of its own (as in the indicator app's tests)."""
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, HOST]
    return build_concept(HOST, "musterland")


def run(*args, **options) -> str:
    out = StringIO()
    call_command("import_indicators", *args, stdout=out, **options)
    return out.getvalue()


@pytest.mark.kek2030
def test_the_concepts_own_targets_are_seeded_with_quoted_sources_and_no_values(client, content):
    run(only_new=True)  # what setup_site does; nothing happens if the session already did it
    site = Site.objects.get(is_default_site=True)
    co2 = Indicator.objects.get(site=site, key="co2-emissionen-westmecklenburg")
    assert [(t.year, t.value) for t in co2.targets.order_by("year")] == [(2030, Decimal(45)), (2050, Decimal(15))]
    assert (co2.baseline_year, co2.baseline_value) == (1990, Decimal(100))
    assert [p.url_path.split("/", 2)[2] for p in co2.sub_goals.all()] == [
        "nachhaltiger-lebensraum/energie-klima/klimaschutz/"
    ]
    assert [p.title for p in co2.approaches.all()] == ["Umsetzung von Zielvorgaben für den Klimaschutz"]
    renewables = Indicator.objects.get(site=site, key="erneuerbare-energien-anteil")
    assert [(t.year, t.value) for t in renewables.targets.all()] == [(2050, Decimal(100))]
    assert [p.title for p in renewables.approaches.all()] == ["Umsetzung Regionales Energiekonzept Westmecklenburg"]
    assert not IndicatorValue.objects.filter(indicator__site=site).exists()  # never an invented value

    # Each target quotes the measure of the decided concept word for word.
    measures = [
        m.text for f in content.fields for g in f.goals for s in g.sub_goals for a in s.approaches for m in a.measures
    ]
    for indicator in (co2, renewables):
        origin = " ".join(indicator.targets.first().origin.split())
        quote = origin.split("“: „", 1)[1].removesuffix("“")
        assert quote in measures, indicator.key

    for key in ("co2-emissionen-westmecklenburg", "erneuerbare-energien-anteil"):
        soup = BeautifulSoup(client.get(f"/indikatoren/{key}/").content.decode(), "html.parser")
        assert soup.select_one(".kek-empty").get_text(strip=True) == "noch keine Werte"
        assert "keine Bewertung möglich" in soup.select_one(".kek-indicator-rating").get_text()
    listing = BeautifulSoup(client.get("/indikatoren/").content.decode(), "html.parser")
    assert ["noch keine Werte" in card.get_text() for card in listing.select(".kek-indicator-card")] == [True, True]


def file_for(tmp_path, concept: Concept, **changes) -> Path:
    data = {
        "concept": concept.home.title,
        "indicators": [
            {
                "key": "co2",
                "name": "CO₂-Emissionen",
                "definition": "Index, 1990 = 100.",
                "unit": "Index",
                "source": "Klimaschutzkonzept",
                "spatial_level": "region",
                "baseline": {"year": 1990, "value": 100, "source": "Definition"},
                "sub_goals": ["lebensraum/klima/klimaschutz"],
                "approaches": ["lebensraum/klima/klimaschutz/zielvorgaben"],
                "targets": [{"year": 2030, "value": 45, "origin": "Beschluss"}],
                "values": [{"year": 2020, "value": 60, "source": "Bericht 2021", "as_of": "2021-06-30"}],
                **changes,
            }
        ],
    }
    path = tmp_path / "indikatoren.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def test_a_file_is_loaded_and_a_second_run_keeps_values_entered_since(tmp_path, concept):
    path = file_for(tmp_path, concept)
    assert "neu: 1" in run(str(path), site="indikatoren.example")
    indicator = Indicator.objects.get(site=concept.site, key="co2")
    assert list(indicator.values.values_list("year", "value")) == [(2020, Decimal(60))]
    IndicatorValue.objects.create(
        indicator=indicator, year=2022, value=55, source="Amt", as_of=datetime.date(2023, 1, 5)
    )
    Indicator.objects.filter(pk=indicator.pk).update(name="In der Verwaltung umbenannt")
    assert "unverändert gelassen: 1" in run(str(path), site="indikatoren.example", only_new=True)
    assert Indicator.objects.get(pk=indicator.pk).name == "In der Verwaltung umbenannt"
    run(
        str(file_for(tmp_path, concept, targets=[{"year": 2040, "value": 30, "origin": "Neuer Beschluss"}])),
        site="indikatoren.example",
    )
    indicator.refresh_from_db()
    assert indicator.name == "CO₂-Emissionen"
    assert list(indicator.targets.values_list("year", flat=True)) == [2040]
    assert list(indicator.values.order_by("year").values_list("year", flat=True)) == [2020, 2022]


@pytest.mark.parametrize(
    ("changes", "problem"),
    [
        (
            {"sub_goals": ["lebensraum/klima/gibt-es-nicht"]},
            "Das Teilziel „lebensraum/klima/gibt-es-nicht“ gibt es in diesem Konzept nicht.",
        ),
        ({"values": [{"year": 2020, "value": 60, "source": "", "as_of": "2021-06-30"}]}, "values → 0 → source"),
        ({"values": [{"year": 2020, "value": 60, "source": "Bericht", "as_of": "2999-01-01"}]}, "liegt in der Zukunft"),
        ({"targets": [{"year": 2030, "value": 45}]}, "targets → 0 → origin"),
    ],
)
def test_a_file_with_a_problem_changes_nothing(tmp_path, concept, changes, problem):
    with pytest.raises(CommandError) as error:
        run(str(file_for(tmp_path, concept, **changes)), site="indikatoren.example")
    assert problem in str(error.value)
    assert "die Datenbank ist unverändert" in str(error.value)
    assert not Indicator.objects.filter(site=concept.site).exists()


def test_a_file_for_another_concept_is_refused_or_passed_over(tmp_path, concept):
    path = tmp_path / "fremd.yaml"
    path.write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    with pytest.raises(CommandError, match="gehört zum Konzept"):
        run(str(path), site="indikatoren.example")
    assert "anderes Konzept; nichts geladen" in run(str(path), site="indikatoren.example", only_new=True)
    assert not Indicator.objects.filter(site=concept.site).exists()


def test_values_command_loads_a_csv_file_or_nothing(tmp_path, concept):
    run(str(file_for(tmp_path, concept, values=[])), site="indikatoren.example")
    good = tmp_path / "gut.csv"
    good.write_bytes("\ufeffindikator;jahr;wert;quelle;stand\r\nco2;2021;58,5;Bericht;30.06.2022\r\n".encode())
    out = StringIO()
    call_command("import_indicator_values", str(good), site="indikatoren.example", stdout=out)
    assert "1 Werte neu" in out.getvalue()
    bad = tmp_path / "schlecht.csv"
    bad.write_bytes(
        b"indikator;jahr;wert;quelle;stand\nco2;2022;57;Bericht;30.06.2023\nco2;2023;1234.5;Bericht;30.06.2024\n"
    )
    with pytest.raises(CommandError) as error:
        call_command("import_indicator_values", str(bad), site="indikatoren.example", stdout=StringIO())
    assert "Zeile 3: „1234.5“ ist keine Zahl in deutscher Schreibweise" in str(error.value)
    assert list(IndicatorValue.objects.filter(indicator__site=concept.site).values_list("year", flat=True)) == [2021]
