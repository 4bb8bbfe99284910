"""Impressum, Datenschutz, Erklärung zur Barrierefreiheit, Leichte Sprache, Gebärdensprache.

The facts (provider, data-protection officer, supervisory bodies) are kept once, in the CMS
settings; the pages render them, so a county edits them in one place.
"""

import datetime
import uuid
from http import HTTPMethod

from django.conf import settings
from django.db import models
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.contrib.settings.models import register_setting
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page

from kek.core.hooks import PRIVACY_SECTIONS_HOOK
from kek.core.models import OwnSitesSetting
from kek.core.pages import KekPage, home_path
from kek.core.richtext import TEXT_FEATURES

LFDI_MV = (
    "Der Landesbeauftragte für Datenschutz und Informationsfreiheit Mecklenburg-Vorpommern\n"
    "Schloss Schwerin, Lennéstraße 1, 19053 Schwerin\n"
    "Dienststelle: Werderstraße 74a, 19055 Schwerin\n"
    "Telefon: +49 385 59494 0, E-Mail: info@datenschutz-mv.de, www.datenschutz-mv.de"
)
MONITORING_BODY_MV = (
    "Anlauf- und Überwachungsstelle „Digitale Barrierefreiheit“ des Landes Mecklenburg-Vorpommern, "
    "eingerichtet beim für Soziales zuständigen Ministerium in Schwerin. Sie ist zuständig für das "
    "Beschwerde- und Durchsetzungsverfahren nach § 2 Absatz 1 BITVO M-V."
)


@register_setting(icon="doc-full")
class LegalSettings(OwnSitesSetting):
    """Who runs the site and whom to ask: the facts behind Impressum and Datenschutzerklärung.
    One per site: each county states its own."""

    provider = models.CharField(_("Anbieter"), max_length=200, default="Landkreis Ludwigslust-Parchim")
    legal_form = models.CharField(_("Rechtsform"), max_length=200, default="Körperschaft des öffentlichen Rechts")
    represented_by = models.CharField(_("Vertreten durch"), max_length=200, default="den Landrat")
    address = models.TextField(_("Anschrift"), default="Garnisonsstraße 1\n19288 Ludwigslust")
    phone = models.CharField(_("Telefon"), max_length=60, default="03871 7226006")
    email = models.EmailField(_("E-Mail"), default="alev.samur@kreis-lup.de")
    vat_id = models.CharField(_("Umsatzsteuer-Identifikationsnummer"), max_length=40, blank=True)
    supervisory_authority = models.TextField(
        _("Aufsichtsbehörde"), default="Ministerium für Inneres, Bau und Digitalisierung Mecklenburg-Vorpommern"
    )
    content_responsible = models.TextField(
        _("Inhaltlich verantwortlich (§ 18 Abs. 2 MStV)"),
        default="Fachdienst Regionalmanagement und Europa\nGarnisonsstraße 1\n19288 Ludwigslust",
    )
    data_protection_officer = models.TextField(
        _("Datenschutzbeauftragte oder Datenschutzbeauftragter"),
        default="Behördlicher Datenschutzbeauftragter des Landkreises Ludwigslust-Parchim\nGarnisonsstraße 1\n19288 Ludwigslust",
    )
    data_protection_authority = models.TextField(_("Datenschutz-Aufsichtsbehörde"), default=LFDI_MV)
    log_retention_days = models.PositiveSmallIntegerField(_("Aufbewahrung der Server-Protokolle (Tage)"), default=7)
    accessibility_contact = models.TextField(
        _("Kontakt für Barrieren"),
        default="Fachdienst Regionalmanagement und Europa\nTelefon: 03871 7226006\nE-Mail: alev.samur@kreis-lup.de",
    )
    monitoring_body = models.TextField(_("Überwachungsstelle (Durchsetzungsverfahren)"), default=MONITORING_BODY_MV)

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("provider"),
                FieldPanel("legal_form"),
                FieldPanel("represented_by"),
                FieldPanel("address"),
                FieldPanel("phone"),
                FieldPanel("email"),
                FieldPanel("vat_id"),
                FieldPanel("supervisory_authority"),
                FieldPanel("content_responsible"),
            ],
            heading=_("Impressum"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("data_protection_officer"),
                FieldPanel("data_protection_authority"),
                FieldPanel("log_retention_days"),
            ],
            heading=_("Datenschutz"),
        ),
        MultiFieldPanel(
            [FieldPanel("accessibility_contact"), FieldPanel("monitoring_body")], heading=_("Barrierefreiheit")
        ),
    ]

    class Meta:
        verbose_name = _("Pflichtangaben")


class LegalPage(KekPage):
    """A page that renders the legal settings, with optional text of its own."""

    body = RichTextField(_("Zusätzlicher Text"), features=TEXT_FEATURES, blank=True)
    in_change_history = False  # service pages, not part of the concept

    content_panels = Page.content_panels + [FieldPanel("body")]
    parent_page_types = ["plan.HomePage"]
    subpage_types: list[str] = []
    max_count_per_parent = 1  # one per site

    class Meta:
        abstract = True


class ImprintPage(LegalPage):
    class Meta:
        verbose_name = _("Impressum")

    def default_description(self) -> str:
        return "Impressum: Anbieter dieser Website nach § 5 DDG und inhaltlich Verantwortliche nach § 18 MStV."


class PrivacyPage(LegalPage):
    class Meta:
        verbose_name = _("Datenschutzerklärung")

    def get_context(self, request: HttpRequest, *args, **kwargs) -> dict:
        context = super().get_context(request, *args, **kwargs)
        context["map_provider"] = settings.KEK_MAP_TILES["provider"]
        context["sections"] = [
            html for section in hooks.get_hooks(PRIVACY_SECTIONS_HOOK) if (html := section(request, self))
        ]
        return context

    def default_description(self) -> str:
        return "Datenschutzerklärung nach Art. 13 DSGVO: welche Daten diese Website verarbeitet und welche Rechte Sie haben."


class AccessibilityStatementPage(RoutablePageMixin, LegalPage):
    """Erklärung zur Barrierefreiheit after the Mecklenburg-Vorpommern template, with the feedback form."""

    class Compliance(models.TextChoices):
        FULL = "full", _("vollständig vereinbar")
        PARTIAL = "partial", _("teilweise vereinbar")
        NONE = "none", _("nicht vereinbar")

    compliance = models.CharField(
        _("Stand der Vereinbarkeit"), max_length=10, choices=Compliance.choices, default=Compliance.PARTIAL
    )
    usage_notes = RichTextField(_("Bedienhinweise"), features=TEXT_FEATURES, blank=True)
    non_accessible = RichTextField(_("Nicht barrierefreie Inhalte"), features=TEXT_FEATURES, blank=True)
    prepared_on = models.DateField(_("Erklärung erstellt am"), default=datetime.date.today)
    reviewed_on = models.DateField(_("Zuletzt überprüft am"), default=datetime.date.today)
    method = RichTextField(_("Grundlage der Erklärung"), features=TEXT_FEATURES, blank=True)

    # Wagtail answers OPTIONS with these and other methods with 405.
    allowed_http_methods = [HTTPMethod.GET, HTTPMethod.HEAD, HTTPMethod.OPTIONS, HTTPMethod.POST]

    content_panels = Page.content_panels + [
        FieldPanel("compliance"),
        FieldPanel("usage_notes"),
        FieldPanel("non_accessible"),
        MultiFieldPanel(
            [FieldPanel("prepared_on"), FieldPanel("reviewed_on"), FieldPanel("method")], heading=_("Erstellung")
        ),
        FieldPanel("body"),
    ]

    class Meta:
        verbose_name = _("Erklärung zur Barrierefreiheit")

    def default_description(self) -> str:
        return "Erklärung zur Barrierefreiheit dieser Website nach LBGG M-V und BITVO M-V, mit Formular für Hinweise auf Barrieren."

    def get_context(self, request: HttpRequest, *args, **kwargs) -> dict:
        context = super().get_context(request, *args, **kwargs)
        context["privacy_page"] = PrivacyPage.objects.live().filter(path__startswith=home_path(self.path)).first()
        return context

    @path("")
    def statement(self, request: HttpRequest) -> HttpResponse:
        from .views import barrier_report  # the view brings the form; models import no forms

        return barrier_report(request, self)

    @path("danke/")
    @path("danke/<uuid:token>/")
    def thanks(self, request: HttpRequest, token: uuid.UUID | None = None) -> HttpResponse:
        """The confirmation; with the form's token (known only to whoever sent it) it names the
        report's reference number, for questions about it later."""
        report = BarrierReport.objects.filter(token=token, site=self.get_site()).first() if token else None
        return self.render(request, template="legal/barrier_report_thanks.html", context_overrides={"report": report})


class EasyLanguagePage(LegalPage):
    """Information in Leichte Sprache; also lists each field's summary in Leichte Sprache."""

    class Meta:
        verbose_name = _("Leichte Sprache")

    def default_description(self) -> str:
        return "Informationen in Leichter Sprache: Was steht auf dieser Website? Wie finde ich mich zurecht?"

    def get_context(self, request: HttpRequest, *args, **kwargs) -> dict:
        from kek.plan.models import FieldOfActionPage

        context = super().get_context(request, *args, **kwargs)
        fields = FieldOfActionPage.objects.live().filter(path__startswith=home_path(self.path))
        context["fields"] = fields.exclude(easy_language_summary="")
        return context


class SignLanguagePage(LegalPage):
    """Information in Deutscher Gebärdensprache: self-hosted videos with the same points in text."""

    class Meta:
        verbose_name = _("Gebärdensprache")

    content_panels = LegalPage.content_panels + [InlinePanel("videos", label=_("Video"))]

    def default_description(self) -> str:
        return "Informationen in Deutscher Gebärdensprache (DGS): Videos zu den Inhalten dieser Website."

    def get_context(self, request: HttpRequest, *args, **kwargs) -> dict:
        context = super().get_context(request, *args, **kwargs)
        context["videos"] = self.videos.select_related("video")
        context["easy_language"] = EasyLanguagePage.objects.sibling_of(self).live().first()
        return context


class SignLanguageVideo(Orderable):
    page = ParentalKey(SignLanguagePage, on_delete=models.CASCADE, related_name="videos")
    title = models.CharField(_("Titel"), max_length=200)
    video = models.ForeignKey(
        "wagtaildocs.Document",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("Videodatei (MP4 oder WebM)"),
    )
    duration = models.DurationField(_("Laufzeit"), null=True, blank=True, help_text=_("Zum Beispiel 00:02:30"))
    transcript = models.TextField(_("Inhalt in Textform"), blank=True)

    panels = [FieldPanel("title"), FieldPanel("video"), FieldPanel("duration"), FieldPanel("transcript")]

    @property
    def file_size(self) -> int | None:
        return self.video.get_file_size() if self.video else None


class BarrierReport(models.Model):
    """A visitor's note about a barrier: a ticket the Redaktion of its site answers within six weeks."""

    class Status(models.TextChoices):
        NEW = "new", _("Neu")
        IN_PROGRESS = "in_progress", _("In Bearbeitung")
        ANSWERED = "answered", _("Beantwortet")
        CLOSED = "closed", _("Erledigt")

    ANSWER_WITHIN = datetime.timedelta(weeks=6)

    site = models.ForeignKey("wagtailcore.Site", on_delete=models.CASCADE, related_name="+", editable=False)
    token = models.UUIDField(unique=True, default=uuid.uuid4, editable=False)
    created = models.DateTimeField(_("Eingegangen am"), default=timezone.now, editable=False)
    page_url = models.CharField(_("Seite"), max_length=500, blank=True)
    description = models.TextField(_("Beschreibung der Barriere"))
    name = models.CharField(_("Name"), max_length=200, blank=True)
    email = models.EmailField(_("E-Mail"), blank=True)
    status = models.CharField(_("Status"), max_length=20, choices=Status.choices, default=Status.NEW)
    internal_note = models.TextField(_("Interne Notiz"), blank=True)

    panels = [
        FieldPanel("status"),
        FieldPanel("internal_note"),
        FieldPanel("page_url", read_only=True),
        FieldPanel("description", read_only=True),
        FieldPanel("name", read_only=True),
        FieldPanel("email", read_only=True),
    ]

    class Meta:
        ordering = ["-created"]
        verbose_name = _("Hinweis auf eine Barriere")
        verbose_name_plural = _("Hinweise auf Barrieren")

    def __str__(self) -> str:
        return f"{self.created:%d.%m.%Y} – {self.description[:60]}"

    @property
    def reference(self) -> str:
        """The number the confirmation gives the sender, e.g. "BF-2026-00042"."""
        return f"BF-{self.created:%Y}-{self.pk:05d}"

    @property
    def answer_due(self) -> datetime.date:
        return (self.created + self.ANSWER_WITHIN).date()

    @property
    def overdue(self) -> bool:
        return self.status in (self.Status.NEW, self.Status.IN_PROGRESS) and self.answer_due < timezone.localdate()
