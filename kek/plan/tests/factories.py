"""Factories for the concept, and `small_concept()`: a whole but tiny concept on a site of its own.

Each level is a factory (pages below the `parent` they are given, with a published revision unless
`publish=False`); measures, projects and ideas carry a key as the importer gives them. The small
concept has everything a page, the search or the history shows once: one field of action with its
situation and regional focus, a goal, a sub-goal, two approaches with measures, running projects
and ideas, a cross-cutting theme, a sub-region and places. Its words are its own, so a test that
passes on it cannot lean on the KEK 2030.
"""

import datetime
from dataclasses import dataclass
from decimal import Decimal

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory
from wagtail.models import Page, Site

from kek.places.models import Place, PlaceIndexPage, SubRegionIndexPage, SubRegionPage
from kek.places.tests.factories import (
    OfficeFactory,
    PlaceFactory,
    PlaceIndexPageFactory,
    PublishedPageFactory,
    SiteFactory,
    SubRegionIndexPageFactory,
    SubRegionPageFactory,
)
from kek.plan.models import (
    AboutPage,
    ApproachPage,
    ConceptContact,
    CrossCuttingThemeIndexPage,
    CrossCuttingThemePage,
    FieldOfActionPage,
    HomePage,
    Measure,
    Project,
    RegionalFocus,
    StrategicGoalPage,
    SubGoalPage,
)


def bullets(*items: str) -> str:
    return "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>"


class HomePageFactory(PublishedPageFactory):
    parent = factory.LazyFunction(Page.get_first_root_node)
    title = "Kreisentwicklungskonzept Musterland 2030"
    slug = "musterland"
    short_title = "KEK Musterland"
    county = "Landkreis Musterland"
    motto = "Gemeinsam für ein starkes Musterland"
    intro = "<p>Das Konzept beschreibt, wie sich der Landkreis Musterland bis 2030 entwickeln soll.</p>"
    decided_on = datetime.date(2023, 5, 17)
    decided_by = "Kreistag des Landkreises Musterland"

    class Meta:
        model = HomePage
        skip_postgeneration_save = True


class ConceptContactFactory(DjangoModelFactory):
    role = "Ansprechpartner"
    organisation = "Landkreis Musterland"
    unit = "Stabsstelle Kreisentwicklung"
    people = "Mia Muster\nTom Beispiel"
    email = "kreisentwicklung@musterland.example"

    class Meta:
        model = ConceptContact
        skip_postgeneration_save = True


class FieldOfActionPageFactory(PublishedPageFactory):
    title = factory.Sequence(lambda n: f"Handlungsfeld {n}")
    show_in_menus = True
    topics = "Arbeit\nAusbildung"
    strengths = bullets("Gute Anbindung an die Autobahn", "Vielfältiges Handwerk")
    weaknesses = bullets("Wenige Hochschulabsolventen")
    opportunities = bullets("Fachkräfte aus den Großstädten gewinnen")
    risks = bullets("Betriebe finden keine Nachfolger")

    class Meta:
        model = FieldOfActionPage
        skip_postgeneration_save = True


class RegionalFocusFactory(DjangoModelFactory):
    text = "<p>Handwerksbetriebe im Teilraum stärken.</p>"

    class Meta:
        model = RegionalFocus
        skip_postgeneration_save = True


class StrategicGoalPageFactory(PublishedPageFactory):
    title = factory.Sequence(lambda n: f"Ziel {n} ist im Jahr 2030 erreicht.")

    class Meta:
        model = StrategicGoalPage
        skip_postgeneration_save = True


class SubGoalPageFactory(PublishedPageFactory):
    title = factory.Sequence(lambda n: f"Teilziel {n} ist erreicht.")

    class Meta:
        model = SubGoalPage
        skip_postgeneration_save = True


class ApproachPageFactory(PublishedPageFactory):
    title = factory.Sequence(lambda n: f"Handlungsansatz {n}")

    class Meta:
        model = ApproachPage
        skip_postgeneration_save = True


class MeasureFactory(DjangoModelFactory):
    """A measure of `approach`; publish the approach afterwards for its revision to hold it."""

    key = factory.Sequence(lambda n: f"massnahme-{n}")
    text = factory.Sequence(lambda n: f"<p>Maßnahme Nummer {n}</p>")
    sort_order = factory.Sequence(int)

    class Meta:
        model = Measure
        skip_postgeneration_save = True

    @factory.post_generation
    def themes(measure, create, extracted, **kwargs):
        if create and extracted:
            measure.themes.set(extracted)
            measure.save()  # parental relations are written on save


class ProjectFactory(DjangoModelFactory):
    """A published example; give `measure=` and the approach follows from it."""

    kind = Project.Kind.RUNNING
    key = factory.Sequence(lambda n: f"beispiel-{n}")
    title = factory.Sequence(lambda n: f"Beispielprojekt {n}")
    approach = factory.LazyAttribute(lambda project: project.measure.approach)
    sort_order = factory.Sequence(int)

    class Meta:
        model = Project
        skip_postgeneration_save = True

    @factory.post_generation
    def relations(project, create, extracted, **kwargs):
        """`relations__themes=[...]`, `relations__places=[...]`, `relations__sub_regions=[...]`."""
        if create and kwargs:
            for name, objects in kwargs.items():
                getattr(project, name).set(objects)
            project.save()

    @factory.post_generation
    def publish(project, create, extracted, **kwargs):
        if create and extracted is not False:
            project.save_revision().publish()


class IdeaFactory(ProjectFactory):
    kind = Project.Kind.IDEA
    key = factory.Sequence(lambda n: f"idee-{n}")
    title = factory.Sequence(lambda n: f"Projektidee {n}")


class CrossCuttingThemeIndexPageFactory(PublishedPageFactory):
    title = "Querschnittsthemen"
    show_in_menus = True
    intro = "<p>Querschnittsthemen werden in allen Handlungsfeldern mitgedacht.</p>"

    class Meta:
        model = CrossCuttingThemeIndexPage
        skip_postgeneration_save = True


class CrossCuttingThemePageFactory(PublishedPageFactory):
    title = factory.Sequence(lambda n: f"Querschnittsthema {n}")
    text = "<p>Ein Thema, das jedes Handlungsfeld angeht.</p>"

    class Meta:
        model = CrossCuttingThemePage
        skip_postgeneration_save = True


class AboutPageFactory(PublishedPageFactory):
    title = "Über das KEK"
    show_in_menus = True
    body = "<p>Das Konzept ist der Handlungsrahmen des Landkreises für die Kreisentwicklung.</p>"

    class Meta:
        model = AboutPage
        skip_postgeneration_save = True


def publish(*pages: Page) -> None:
    for page in pages:
        page.save_revision().publish()


def branch(home: HomePage, field_title: str, approach_title: str = "Ein weiterer Handlungsansatz") -> ApproachPage:
    """Another field of action below `home`, with a goal, a sub-goal and an approach (no measures yet)."""
    field_page = FieldOfActionPageFactory(parent=home, title=field_title)
    goal = StrategicGoalPageFactory(parent=field_page)
    sub_goal = SubGoalPageFactory(parent=goal)
    return ApproachPageFactory(parent=sub_goal, title=approach_title)


def new_home(**values) -> tuple[HomePage, Site]:
    """A start page below the tree root and the default site (answering the test client) pointing at it."""
    home = HomePageFactory(**values)
    return home, SiteFactory(root_page=home)


@dataclass
class SmallConcept:
    site: Site
    home: HomePage
    field: FieldOfActionPage
    goal: StrategicGoalPage
    sub_goal: SubGoalPage
    approaches: list[ApproachPage]
    measures: list[Measure]
    running: list[Project]
    ideas: list[Project]
    theme_index: CrossCuttingThemeIndexPage
    theme: CrossCuttingThemePage
    region_index: SubRegionIndexPage
    region: SubRegionPage
    place_index: PlaceIndexPage
    office: Place
    places: list[Place]
    about: AboutPage

    @property
    def approach(self) -> ApproachPage:
        return self.approaches[0]

    def fresh(self) -> "SmallConcept":
        """The same objects read anew from the database, so no test sees another's unsaved changes."""

        def again(obj):
            return type(obj).objects.get(pk=obj.pk)

        return SmallConcept(**{name: _each(value, again) for name, value in vars(self).items()})


def _each(value, fn):
    return [fn(v) for v in value] if isinstance(value, list) else fn(value)


def small_concept() -> SmallConcept:
    """Build the small concept as the importer would leave it: every page published once, then the
    decided version marked as loaded (HomePage.baseline_at), so later publications are changes."""
    home, site = new_home(publish=False)
    ConceptContactFactory(home=home)
    publish(home)
    region_index = SubRegionIndexPageFactory(parent=home)
    region = SubRegionPageFactory(parent=region_index, title="Elbtal", slug="elbtal")
    place_index = PlaceIndexPageFactory(parent=home)
    office = OfficeFactory(site=site, name="Amt Elbtal-Land", slug="amt-elbtal-land", sub_region_slug="elbtal")
    places = [
        PlaceFactory(site=site, name="Neustadt an der Elbe", kind=Place.Kind.TOWN, sub_region_slug="elbtal"),
        PlaceFactory(site=site, name="Altdorf", office=office, sub_region_slug="elbtal", latitude=Decimal("53.2")),
    ]
    theme_index = CrossCuttingThemeIndexPageFactory(parent=home)
    theme = CrossCuttingThemePageFactory(parent=theme_index, title="Digitalisierung", slug="digitalisierung")

    field_page = FieldOfActionPageFactory(
        parent=home,
        title="Starke Wirtschaft",
        easy_language_summary="<p>Alle Menschen in Musterland sollen gute Arbeit finden.</p>",
        publish=False,
    )
    RegionalFocusFactory(field=field_page, sub_region=region, text="<p>Das Handwerk in Altdorf stärken.</p>")
    publish(field_page)
    goal = StrategicGoalPageFactory(parent=field_page, title="Die Wirtschaft ist vielfältig und wächst.")
    sub_goal = SubGoalPageFactory(
        parent=goal,
        title="Die Betriebe finden Fachkräfte.",
        slug="fachkraefte",
        legal_framework=bullets("Berufsbildungsgesetz (BBiG)"),
        footnotes="<p>Zahlen der Agentur für Arbeit von 2022.</p>",
    )
    training = ApproachPageFactory(parent=sub_goal, title="Ausbildung in der Region stärken", publish=False)
    founding = ApproachPageFactory(parent=sub_goal, title="Gründungen erleichtern", publish=False)
    measures = [
        MeasureFactory(approach=training, key="berufsschulen", text="<p>Ausbau der Berufsschulen in Neustadt</p>"),
        MeasureFactory(
            approach=training,
            key="breitband-gewerbegebiete",
            text=f'<p>Breitbandversorgung der Gewerbegebiete, siehe <a linktype="page" id="{goal.pk}">Ziel '
            "„Vielfältige Wirtschaft“</a></p>",
            themes=[theme],
        ),
        MeasureFactory(approach=founding, key="gruenderzentrum", text="<p>Einrichtung eines Gründerzentrums</p>"),
    ]
    publish(training, founding)
    running = [
        ProjectFactory(
            measure=measures[0],
            key="ausbildungsmesse",
            title="Ausbildungsmesse Musterland",
            url="https://messe.musterland.example/",
            relations__places=[places[1]],
        ),
        ProjectFactory(measure=measures[2], key="gruendungswettbewerb", title="Gründungswettbewerb Musterland"),
    ]
    ideas = [
        IdeaFactory(measure=measures[0], key="azubi-ticket", title="Azubi-Ticket für Bus und Bahn"),
        IdeaFactory(
            measure=measures[1],
            key="wlan-ortszentren",
            title="Kostenloses WLAN in den Ortszentren",
            relations__themes=[theme],
        ),
    ]
    about = AboutPageFactory(parent=home)
    HomePage.objects.filter(pk=home.pk).update(baseline_at=timezone.now())
    home.refresh_from_db()
    return SmallConcept(
        site=site,
        home=home,
        field=field_page,
        goal=goal,
        sub_goal=sub_goal,
        approaches=[training, founding],
        measures=measures,
        running=running,
        ideas=ideas,
        theme_index=theme_index,
        theme=theme,
        region_index=region_index,
        region=region,
        place_index=place_index,
        office=office,
        places=places,
        about=about,
    )
