from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from kek.background.health import HealthView
from kek.core.views import editorial_notes, robots_txt
from kek.opendata.api import api
from kek.opendata.views import download

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("dokumente/", include(wagtaildocs_urls)),
    path("sitemap.xml", sitemap, name="sitemap"),
    path("robots.txt", robots_txt, name="robots"),
    path("healthz", HealthView.as_view(), name="healthz"),
    path("api/v1/", api.urls),
    path("daten/<str:name>", download, name="opendata-file"),
]
# German at /, the English interface at /en/ (the concept's content itself stays German).
urlpatterns += i18n_patterns(
    path("redaktionelle-ergaenzungen/", editorial_notes, name="editorial-notes"),
    path("", include("kek.search.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)

# Error pages that cannot fail in turn (a Host header that is not ours, a refused form, a
# broken database): see kek/core/errors.py.
handler400 = "kek.core.errors.bad_request"
handler403 = "kek.core.errors.permission_denied"
handler404 = "kek.core.errors.page_not_found"
handler500 = "kek.core.errors.server_error"
