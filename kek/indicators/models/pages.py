"""The public section "Indikatoren": a list of a site's indicators and a page per indicator.

The indicators are not pages of their own (they carry no text to revise or moderate): the
section's routes show them, `<key>/` as page with chart, table, targets and rating and
`<key>/csv/` as download (CSV), each with a fixed number of queries however long the series is.
"""

from django.db.models import Prefetch
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.routable_page.models import RoutablePageMixin, path

from kek.core.pages import SectionPage, home_path

from .. import chart, rating
from ..csv_format import export
from .data import Indicator, IndicatorValue

LINKED_PAGE_FIELDS = ("id", "title", "url_path", "path", "depth")


class IndicatorIndexPage(RoutablePageMixin, SectionPage):
    parent_page_types = ["plan.HomePage"]

    class Meta:
        verbose_name = _("Indikatoren")

    def default_description(self) -> str:
        return strip_tags(self.intro) or "Indikatoren des Kreisentwicklungskonzepts: Ziele, Werte und Bewertung."

    def get_cached_paths(self) -> list[str]:
        """The list, each indicator and its CSV, for the page cache (kek/operations/purge.py)."""
        keys = Indicator.objects.filter(site__root_page__path=home_path(self.path)).values_list("key", flat=True)
        return ["/", *(path for key in keys for path in (f"{key}/", f"{key}/csv/"))]

    def indicators(self):
        """This site's indicators with their targets and values (three queries for any number)."""
        return (
            Indicator.objects.filter(site__root_page__path=home_path(self.path))
            .prefetch_related("targets", Prefetch("values", queryset=IndicatorValue.objects.order_by("year")))
            .order_by("sort_order", "name")
        )

    def get_context(self, request: HttpRequest, *args, **kwargs) -> dict:
        context = super().get_context(request, *args, **kwargs)
        context["on_track_ratio"] = round(rating.ON_TRACK_RATIO * 100)  # explained on every page
        return context

    @path("")
    def index(self, request: HttpRequest) -> HttpResponse:
        items = [{"indicator": i, "rating": rate(i), "latest": last(i)} for i in self.indicators()]
        return self.render(request, context_overrides={"items": items})

    @path("<slug:key>/")
    def detail(self, request: HttpRequest, key: str) -> HttpResponse:
        indicator = self._indicator(key)
        result = rate(indicator)
        values = list(indicator.values.all())
        return self.render(
            request,
            template="indicators/indicator_page.html",
            context_overrides={
                "indicator": indicator,
                "values": values,
                "targets": sorted(indicator.targets.all(), key=lambda t: t.year),
                "rating": result,
                "chart": chart.build(baseline_of(indicator), points(values), targets_of(indicator), result.projection),
                "sub_goals": indicator.sub_goals.live().only(*LINKED_PAGE_FIELDS),
                "approaches": indicator.approaches.live().only(*LINKED_PAGE_FIELDS),
            },
        )

    @path("<slug:key>/csv/")
    def download(self, request: HttpRequest, key: str) -> HttpResponse:
        indicator = self._indicator(key)
        response = HttpResponse(export(indicator.key, indicator.values.all()), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="indikator-{indicator.key}.csv"'
        return response

    def _indicator(self, key: str) -> Indicator:
        indicator = self.indicators().filter(key=key).first()
        if indicator is None:
            raise Http404
        return indicator


def points(values: list[IndicatorValue]) -> list[rating.Point]:
    return [rating.Point.of(v.year, v.value) for v in values]


def baseline_of(indicator: Indicator) -> rating.Point | None:
    if indicator.baseline_year is None or indicator.baseline_value is None:
        return None
    return rating.Point.of(indicator.baseline_year, indicator.baseline_value)


def targets_of(indicator: Indicator) -> list[rating.Point]:
    return [rating.Point.of(t.year, t.value) for t in indicator.targets.all()]


def rate(indicator: Indicator) -> rating.Rating:
    """The rating of an indicator whose targets and values are prefetched."""
    return rating.rate(baseline_of(indicator), points(list(indicator.values.all())), targets_of(indicator))


def last(indicator: Indicator) -> IndicatorValue | None:
    values = list(indicator.values.all())
    return values[-1] if values else None
