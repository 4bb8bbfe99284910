"""The public page "Änderungen am KEK": every change since the decision, the decided version,
the comparison with today, and an Atom feed."""

from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page

from kek.core.pages import KekPage, SectionPage, home_path
from kek.plan.models import FieldOfActionPage, HomePage

from ..baseline import sections
from ..diff import compare
from ..feeds import ChangeFeed
from ..records import BaselineSnapshot, ChangeRecord


class ChangeLogPage(RoutablePageMixin, SectionPage):
    parent_page_types = ["plan.HomePage"]

    class Meta:
        verbose_name = _("Änderungen am KEK")

    def default_description(self) -> str:
        return "Alle Änderungen am Kreisentwicklungskonzept seit dem Beschluss des Kreistags, mit der beschlossenen Fassung zum Vergleich."

    def get_cached_paths(self) -> list[str]:
        """The sub-pages a publication changes, for the page cache (kek/operations/purge.py); the
        comparisons follow from the page published."""
        return ["/", "feed/", "beschluss-2017/"]

    @path("")
    def changes(self, request: HttpRequest) -> HttpResponse:
        fields = list(FieldOfActionPage.objects.sibling_of(self).live().only("id", "title", "slug"))
        chosen = next((f for f in fields if f.slug == request.GET.get("feld")), None)
        records = self.records().in_field(chosen.slug if chosen else None)
        records = records.select_related("page")
        page_number = request.GET.get("seite", "1")
        paginated = Paginator(records, 20).get_page(page_number)
        return self.render(
            request,
            context_overrides={"records": paginated, "fields": fields, "chosen_field": chosen, "home": self._home()},
        )

    @path("feed/")
    def feed(self, request: HttpRequest) -> HttpResponse:
        return ChangeFeed(self)(request)

    @path("beschluss-2017/")
    def decided_version(self, request: HttpRequest) -> HttpResponse:
        return self.render(
            request,
            template="history/decided_version.html",
            context_overrides={
                "snapshots": self.snapshots().only("page_id", "title", "path"),
                "home": self._home(),
            },
        )

    @path("vergleich/<int:page_id>/")
    def comparison(self, request: HttpRequest, page_id: int) -> HttpResponse:
        snapshot = self.snapshots().filter(page_id=page_id).first()
        current = Page.objects.live().filter(pk=page_id, path__startswith=home_path(self.path)).specific().first()
        if snapshot is None:
            raise Http404
        now = sections(current) if isinstance(current, KekPage) else {}
        return self.render(
            request,
            template="history/comparison.html",
            context_overrides={
                "snapshot": snapshot,
                "current": current,
                "changes": compare(snapshot.sections, now),
                "home": self._home(),
            },
        )

    def snapshots(self):
        """The decided version of this site's concept."""
        return BaselineSnapshot.objects.of_site_at(self.path)

    def records(self):
        """This site's changes, newest first."""
        return ChangeRecord.objects.of_site_at(self.path)

    def _home(self) -> HomePage | None:
        fields = ("title", "decided_on", "decided_by", "baseline_at")
        return HomePage.objects.filter(path=home_path(self.path)).only(*fields).first()
