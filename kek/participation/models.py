"""Citizens' proposals ("Vorschläge aus der Bürgerschaft"), their supports and the "Mitmachen" page.

The model is called `Proposal`, never "idea": the concept has ideas of its own (`plan.Project` of
kind idea), decided by the Kreistag or added by the Redaktion. A proposal comes from a visitor,
waits for the visitor's e-mail confirmation, then for the Moderation, and is public only after
that. Every row belongs to a site (the concept it was made for).
"""

import uuid
from http import HTTPMethod

from django.conf import settings
from django.db import models
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page

from kek.core.pages import KekPage, home_path
from kek.core.richtext import TEXT_FEATURES
from kek.core.sites import SiteScopedQuerySet
from kek.plan.models import FieldOfActionPage


class ProposalQuerySet(SiteScopedQuerySet):
    def public(self) -> "ProposalQuerySet":
        """What anyone may read: published and every later step."""
        return self.filter(status__in=Proposal.PUBLIC_STATUSES)

    def queue(self) -> "ProposalQuerySet":
        """Confirmed by their author, waiting for the Moderation."""
        return self.filter(status=Proposal.Status.SUBMITTED)


class Proposal(models.Model):
    """A visitor's proposal for one Handlungsansatz."""

    class Status(models.TextChoices):
        # Participles agree with "proposal" in many languages: the context tells translators.
        UNCONFIRMED = "unconfirmed", pgettext_lazy("status of a proposal", "noch nicht bestätigt")
        SUBMITTED = "submitted", pgettext_lazy("status of a proposal", "eingereicht")
        PUBLISHED = "published", pgettext_lazy("status of a proposal", "veröffentlicht")
        IN_REVIEW = "in_review", pgettext_lazy("status of a proposal", "in Prüfung")
        ACCEPTED = "accepted", pgettext_lazy("status of a proposal", "aufgenommen")
        NOT_FEASIBLE = "not_feasible", pgettext_lazy("status of a proposal", "nicht umsetzbar")
        REJECTED = "rejected", pgettext_lazy("status of a proposal", "nicht veröffentlicht")

    PUBLIC_STATUSES = (Status.PUBLISHED, Status.IN_REVIEW, Status.ACCEPTED, Status.NOT_FEASIBLE)
    CLOSED_STATUSES = (Status.ACCEPTED, Status.NOT_FEASIBLE, Status.REJECTED)
    # Which step may follow which; a reason is required for the two that say no.
    NEXT = {
        Status.SUBMITTED: (Status.PUBLISHED, Status.REJECTED),
        Status.PUBLISHED: (Status.IN_REVIEW, Status.ACCEPTED, Status.NOT_FEASIBLE),
        Status.IN_REVIEW: (Status.ACCEPTED, Status.NOT_FEASIBLE),
    }
    NEEDS_REASON = (Status.REJECTED, Status.NOT_FEASIBLE)
    TITLE_MAX = 150
    DESCRIPTION_MAX = 4000

    site = models.ForeignKey("wagtailcore.Site", on_delete=models.CASCADE, related_name="+", editable=False)
    token = models.UUIDField(unique=True, default=uuid.uuid4, editable=False)  # one per displayed form
    created = models.DateTimeField(_("Eingegangen am"), default=timezone.now, editable=False)
    approach = models.ForeignKey(
        "plan.ApproachPage",
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("Handlungsansatz"),
    )
    title = models.CharField(_("Titel"), max_length=TITLE_MAX)
    description = models.TextField(_("Beschreibung"))
    sub_region = models.ForeignKey(
        "places.SubRegionPage",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("Teilraum"),
    )
    place = models.ForeignKey(
        "places.Place", on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("Ort")
    )
    author_name = models.CharField(_("Name oder Pseudonym"), max_length=100, blank=True)
    email = models.EmailField(_("E-Mail"), blank=True)  # erased when the proposal is withdrawn or after retention
    status = models.CharField(_("Status"), max_length=20, choices=Status.choices, default=Status.UNCONFIRMED)
    status_reason = models.TextField(_("Begründung"), blank=True)
    correction_note = models.CharField(_("Hinweis auf Korrekturen"), max_length=300, blank=True)
    confirmed_at = models.DateTimeField(_("Bestätigt am"), null=True, editable=False)
    decided_at = models.DateTimeField(_("Moderiert am"), null=True, editable=False)
    closed_at = models.DateTimeField(_("Abgeschlossen am"), null=True, editable=False)
    support_count = models.PositiveIntegerField(_("Unterstützungen"), default=0, editable=False)
    project = models.ForeignKey(
        "plan.Project",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("Aufgenommen als Projekt oder Idee"),
    )

    objects = ProposalQuerySet.as_manager()

    class Meta:
        ordering = ["-created"]
        verbose_name = _("Vorschlag aus der Bürgerschaft")
        verbose_name_plural = _("Vorschläge aus der Bürgerschaft")
        indexes = [models.Index(fields=["site", "status"])]

    def __str__(self) -> str:
        return self.title

    @property
    def is_public(self) -> bool:
        return self.status in self.PUBLIC_STATUSES


class StatusChange(models.Model):
    """Each step of a proposal, shown on its page: the history cannot be edited afterwards."""

    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="changes")
    status = models.CharField(_("Status"), max_length=20, choices=Proposal.Status.choices)
    reason = models.TextField(_("Begründung"), blank=True)
    created = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created", "pk"]

    def __str__(self) -> str:
        return f"{self.created:%d.%m.%Y}: {self.get_status_display()}"


class Support(models.Model):
    """One person's support of one proposal, counted once it is confirmed by e-mail.

    The person is stored as a keyed hash of the e-mail address only: enough to count each
    person once, useless for writing to them."""

    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="supports")
    person = models.CharField(max_length=64)
    created = models.DateTimeField(default=timezone.now)
    confirmed_at = models.DateTimeField(null=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["proposal", "person"], name="support_once_per_person")]

    def __str__(self) -> str:
        return f"{self.proposal_id}: {self.person[:8]}"


class ReasonTemplate(models.Model):
    """Reusable wording for the Moderation's reasons (e.g. "betrifft keinen Handlungsansatz")."""

    title = models.CharField(_("Bezeichnung"), max_length=100, unique=True)
    text = models.TextField(_("Text der Begründung"))

    panels = [FieldPanel("title"), FieldPanel("text")]

    class Meta:
        ordering = ["title"]
        verbose_name = _("Textbaustein für Begründungen")
        verbose_name_plural = _("Textbausteine für Begründungen")

    def __str__(self) -> str:
        return self.title


class ParticipationPage(RoutablePageMixin, KekPage):
    """ "Mitmachen": the public proposals, the form, the links from the mails and the moderation rules."""

    intro = RichTextField(_("Einleitung"), features=TEXT_FEATURES, blank=True)
    rules = RichTextField(_("Moderationsregeln"), features=TEXT_FEATURES, blank=True)
    in_change_history = False

    allowed_http_methods = [HTTPMethod.GET, HTTPMethod.HEAD, HTTPMethod.OPTIONS, HTTPMethod.POST]
    content_panels = Page.content_panels + [FieldPanel("intro"), MultiFieldPanel([FieldPanel("rules")])]
    parent_page_types = ["plan.HomePage"]
    subpage_types: list[str] = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("Mitmachen")

    def default_description(self) -> str:
        return "Vorschläge aus der Bürgerschaft zum Kreisentwicklungskonzept: einreichen, lesen, unterstützen."

    def get_context(self, request: HttpRequest, *args, **kwargs) -> dict:
        context = super().get_context(request, *args, **kwargs)
        context["confirm_hours"] = settings.KEK_CONFIRM_HOURS
        context["retention_days"] = settings.KEK_PARTICIPATION_RETENTION_DAYS
        # By its type's name: kek/legal sits beside this app, not below it.
        context["privacy_page"] = (
            Page.objects.live()
            .filter(
                path__startswith=home_path(self.path),
                content_type__app_label="legal",
                content_type__model="privacypage",
            )
            .first()
        )
        return context

    # The views live in views.py (they bring the forms; models import no forms).
    @path("")
    def overview(self, request: HttpRequest) -> HttpResponse:
        from . import views

        return views.overview(request, self)

    @path("idee-einreichen/", name="submit")
    def submit(self, request: HttpRequest) -> HttpResponse:
        from . import views

        return views.submit(request, self)

    @path("eingereicht/", name="submitted")
    def submitted(self, request: HttpRequest) -> HttpResponse:
        return self.render(request, template="participation/submitted.html")

    @path("bestaetigen/<str:signed>/", name="confirm")
    def confirm(self, request: HttpRequest, signed: str) -> HttpResponse:
        from . import views

        return views.confirm(request, self, signed)

    @path("vorschlag/<int:pk>/", name="proposal")
    def proposal(self, request: HttpRequest, pk: int) -> HttpResponse:
        from . import views

        return views.proposal(request, self, pk)

    @path("unterstuetzung/<str:signed>/", name="confirm-support")
    def confirm_support(self, request: HttpRequest, signed: str) -> HttpResponse:
        from . import views

        return views.confirm_support(request, self, signed)

    @path("zurueckziehen/<str:signed>/", name="withdraw")
    def withdraw(self, request: HttpRequest, signed: str) -> HttpResponse:
        from . import views

        return views.withdraw(request, self, signed)

    @path("folgen/", name="subscribe")
    def subscribe(self, request: HttpRequest) -> HttpResponse:
        from . import views

        return views.subscribe(request, self)

    @path("folgen/bestaetigen/<str:signed>/", name="confirm-subscription")
    def confirm_subscription(self, request: HttpRequest, signed: str) -> HttpResponse:
        from . import views

        return views.confirm_subscription(request, self, signed)

    @path("runde/<int:pk>/", name="round")
    def round_view(self, request: HttpRequest, pk: int) -> HttpResponse:
        from . import round_views

        return round_views.round_page(request, self, pk)

    @path("runde/teilnehmen/<str:signed>/", name="round-join")
    def round_join(self, request: HttpRequest, signed: str) -> HttpResponse:
        from . import round_views

        return round_views.join(request, self, signed)

    @path("runde/bewerten/<str:signed>/", name="round-rate")
    def round_rate(self, request: HttpRequest, signed: str) -> HttpResponse:
        from . import round_views

        return round_views.rate(request, self, signed)

    @path("runde/<int:pk>/ergebnis/", name="round-result")
    def round_result(self, request: HttpRequest, pk: int) -> HttpResponse:
        from . import round_views

        return round_views.result(request, self, pk)

    @path("runde/<int:pk>/ergebnis/csv/", name="round-result-csv")
    def round_result_csv(self, request: HttpRequest, pk: int) -> HttpResponse:
        from . import round_views

        return round_views.result_csv(request, self, pk)

    @path("vorschlag/<int:pk>/kommentar/", name="comment")
    def comment(self, request: HttpRequest, pk: int) -> HttpResponse:
        from . import comment_views

        return comment_views.comment(request, self, pk)

    @path("kommentar/bestaetigen/<str:signed>/", name="confirm-comment")
    def confirm_comment(self, request: HttpRequest, signed: str) -> HttpResponse:
        from . import comment_views

        return comment_views.confirm(request, self, signed)

    @path("regeln/", name="rules")
    def rules_view(self, request: HttpRequest) -> HttpResponse:
        from . import views

        return views.rules(request, self)


class Subscription(models.Model):
    """Someone who follows changes by e-mail: the whole concept, a field, an approach or a proposal.

    Kept only while it runs: unsubscribing deletes the row. Until confirmed it sends nothing."""

    class Frequency(models.TextChoices):
        DAILY = "daily", _("täglich")
        WEEKLY = "weekly", _("wöchentlich")

    site = models.ForeignKey("wagtailcore.Site", on_delete=models.CASCADE, related_name="+")
    email = models.EmailField()
    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, null=True, related_name="+")
    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, null=True, related_name="subscriptions")
    frequency = models.CharField(max_length=10, choices=Frequency.choices, default=Frequency.WEEKLY)
    token = models.UUIDField(unique=True, default=uuid.uuid4, editable=False)
    created = models.DateTimeField(default=timezone.now)
    confirmed_at = models.DateTimeField(null=True)
    last_sent_at = models.DateTimeField(null=True)

    def __str__(self) -> str:
        return f"{self.email}: {self.digest_heading}"

    @property
    def scope(self) -> str:
        """What is followed: "proposal", "field", "approach" or "concept" (the keys of SCOPE_SENTENCES)."""
        if self.proposal_id:
            return "proposal"
        if self.page_id:
            return "field" if issubclass(self.page.specific_class, FieldOfActionPage) else "approach"
        return "concept"

    def _sentence(self, purpose: str) -> str:
        title = self.proposal.title if self.proposal_id else self.page.title if self.page_id else ""
        return SCOPE_SENTENCES[purpose][self.scope] % {"title": title, "frequency": self.get_frequency_display()}

    @property
    def intro_sentence(self) -> str:
        return self._sentence("intro")

    @property
    def request_sentence(self) -> str:
        return self._sentence("request")

    @property
    def confirmed_sentence(self) -> str:
        return self._sentence("confirmed")

    @property
    def digest_heading(self) -> str:
        return self._sentence("digest")


# One whole sentence per purpose and scope: German (and every other language) declines the scope
# differently after each verb and preposition, so no sentence is put together from pieces.
SCOPE_SENTENCES = {
    "intro": {
        "concept": _(
            "Sie bekommen eine Zusammenfassung der veröffentlichten Änderungen am ganzen Kreisentwicklungskonzept "
            "und der neuen Stände von Vorschlägen aus der Bürgerschaft – nur wenn es Neues gibt."
        ),
        "field": _(
            "Sie bekommen eine Zusammenfassung der veröffentlichten Änderungen im Handlungsfeld „%(title)s“ "
            "und der neuen Stände von Vorschlägen aus der Bürgerschaft dazu – nur wenn es Neues gibt."
        ),
        "approach": _(
            "Sie bekommen eine Zusammenfassung der veröffentlichten Änderungen am Handlungsansatz „%(title)s“ "
            "und der neuen Stände von Vorschlägen aus der Bürgerschaft dazu – nur wenn es Neues gibt."
        ),
        "proposal": _(
            "Sie bekommen eine Nachricht, wenn der Vorschlag aus der Bürgerschaft „%(title)s“ einen neuen Stand "
            "erreicht – nur wenn es Neues gibt."
        ),
    },
    "request": {
        "concept": _("Sie möchten Änderungen am ganzen Kreisentwicklungskonzept %(frequency)s per E-Mail folgen."),
        "field": _("Sie möchten Änderungen im Handlungsfeld „%(title)s“ %(frequency)s per E-Mail folgen."),
        "approach": _("Sie möchten Änderungen am Handlungsansatz „%(title)s“ %(frequency)s per E-Mail folgen."),
        "proposal": _("Sie möchten dem Vorschlag „%(title)s“ %(frequency)s per E-Mail folgen."),
    },
    "confirmed": {
        "concept": _(
            "Danke! Sie bekommen ab jetzt %(frequency)s eine E-Mail, wenn es Neues zum ganzen "
            "Kreisentwicklungskonzept gibt."
        ),
        "field": _(
            "Danke! Sie bekommen ab jetzt %(frequency)s eine E-Mail, wenn es Neues im Handlungsfeld „%(title)s“ gibt."
        ),
        "approach": _(
            "Danke! Sie bekommen ab jetzt %(frequency)s eine E-Mail, wenn es Neues zum Handlungsansatz "
            "„%(title)s“ gibt."
        ),
        "proposal": _(
            "Danke! Sie bekommen ab jetzt %(frequency)s eine E-Mail, wenn es Neues zum Vorschlag „%(title)s“ gibt."
        ),
    },
    "digest": {
        "concept": _("Neues zum Kreisentwicklungskonzept"),
        "field": _("Neues im Handlungsfeld „%(title)s“"),
        "approach": _("Neues zum Handlungsansatz „%(title)s“"),
        "proposal": _("Neues zum Vorschlag „%(title)s“"),
    },
}


class PriorityRoundQuerySet(SiteScopedQuerySet):
    def public_listed(self) -> "PriorityRoundQuerySet":
        """The public rounds as the public pages link them: open ones first (to take part), then the
        ended ones (to their result); only what a link needs is loaded."""
        rounds = self.filter(audience=PriorityRound.Audience.PUBLIC).only("pk", "title", "closed_at")
        return rounds.order_by(models.F("closed_at").desc(nulls_first=True), "-created")


class PriorityRound(models.Model):
    """A round in which people rate a set of Handlungsansätze on a fixed scale (issue 12 §7).

    The Redaktion opens it for invited people (personal links mailed from a list of addresses,
    plus printed one-time codes for residents without e-mail) or for the public (e-mail confirmed).
    Each person rates each approach once and may change the rating while the round is open. When the
    round closes, its result is computed once and stored in `result`: later changes to approaches
    or ratings do not alter it, as with a published report."""

    class Audience(models.TextChoices):
        INVITED = "invited", _("Eingeladene (persönliche Links und Codes)")
        PUBLIC = "public", _("Öffentlichkeit (mit E-Mail-Bestätigung)")

    SCALE = (
        (1, _("1 – nicht wichtig")),
        (2, _("2 – weniger wichtig")),
        (3, _("3 – wichtig")),
        (4, _("4 – sehr wichtig")),
        (5, _("5 – vordringlich")),
    )

    site = models.ForeignKey("wagtailcore.Site", on_delete=models.CASCADE, related_name="+", verbose_name=_("Website"))
    title = models.CharField(_("Titel"), max_length=150)
    question = models.TextField(_("Frage an die Teilnehmenden"), max_length=1000)
    audience = models.CharField(_("Wer nimmt teil"), max_length=10, choices=Audience.choices)
    approaches = models.ManyToManyField("plan.ApproachPage", related_name="+", verbose_name=_("Handlungsansätze"))
    created = models.DateTimeField(default=timezone.now, editable=False)
    closed_at = models.DateTimeField(_("Beendet am"), null=True, editable=False)
    result = models.JSONField(null=True, editable=False)  # frozen at close

    objects = PriorityRoundQuerySet.as_manager()

    class Meta:
        ordering = ["-created"]
        verbose_name = _("Priorisierungsrunde")
        verbose_name_plural = _("Priorisierungsrunden")

    def __str__(self) -> str:
        return self.title

    @property
    def is_open(self) -> bool:
        return self.closed_at is None


class RoundParticipant(models.Model):
    """One person in a round: an invited address's keyed hash, a confirmed public address's
    keyed hash, or a redeemed one-time code. The personal link carries the token."""

    round = models.ForeignKey(PriorityRound, on_delete=models.CASCADE, related_name="participants")
    person = models.CharField(max_length=64)  # keyed hash; never the address
    token = models.UUIDField(unique=True, default=uuid.uuid4, editable=False)
    created = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["round", "person"], name="round_participant_once")]

    def __str__(self) -> str:
        return f"{self.round_id}: {self.person[:8]}"


class Rating(models.Model):
    """A participant's rating of one approach; changed in place until the round closes."""

    participant = models.ForeignKey(RoundParticipant, on_delete=models.CASCADE, related_name="ratings")
    approach = models.ForeignKey("plan.ApproachPage", on_delete=models.CASCADE, related_name="+")
    value = models.PositiveSmallIntegerField(choices=PriorityRound.SCALE)
    updated = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["participant", "approach"], name="rating_once")]

    def __str__(self) -> str:
        return f"{self.participant_id}/{self.approach_id}: {self.value}"


class AccessCode(models.Model):
    """A printed one-time code for a resident without e-mail: only a salted hash is stored, so
    the database never holds a usable code. Redeeming it makes a participant and marks it used."""

    round = models.ForeignKey(PriorityRound, on_delete=models.CASCADE, related_name="codes")
    salt = models.CharField(max_length=32)
    digest = models.CharField(max_length=64)
    lookup = models.CharField(max_length=8, db_index=True)  # a short keyed prefix to find the row
    used_at = models.DateTimeField(null=True)

    def __str__(self) -> str:
        return f"{self.round_id}: {'eingelöst' if self.used_at else 'offen'}"


class CommentQuerySet(models.QuerySet):
    def published(self) -> "CommentQuerySet":
        return self.filter(status=Comment.Status.PUBLISHED)


class Comment(models.Model):
    """A visitor's comment on a public proposal, shown only after the Moderation published it.

    Like a proposal it waits for its author's e-mail confirmation first (double opt-in), so the
    queue holds only comments someone stands behind. Deleted with its proposal."""

    class Status(models.TextChoices):
        UNCONFIRMED = "unconfirmed", pgettext_lazy("status of a comment", "noch nicht bestätigt")
        SUBMITTED = "submitted", pgettext_lazy("status of a comment", "wartet auf die Moderation")
        PUBLISHED = "published", pgettext_lazy("status of a comment", "veröffentlicht")
        REJECTED = "rejected", pgettext_lazy("status of a comment", "nicht veröffentlicht")

    NEXT = {Status.SUBMITTED: (Status.PUBLISHED, Status.REJECTED)}
    TEXT_MAX = 2000

    proposal = models.ForeignKey(
        Proposal, on_delete=models.CASCADE, related_name="comments", verbose_name=_("Vorschlag"), editable=False
    )
    token = models.UUIDField(unique=True, default=uuid.uuid4, editable=False)  # one per displayed form
    created = models.DateTimeField(_("Eingegangen am"), default=timezone.now, editable=False)
    text = models.TextField(_("Kommentar"), max_length=TEXT_MAX)
    author_name = models.CharField(_("Name oder Pseudonym"), max_length=100, blank=True)
    email = models.EmailField(_("E-Mail"), blank=True)  # erased after the retention time
    status = models.CharField(_("Status"), max_length=20, choices=Status.choices, default=Status.UNCONFIRMED)
    confirmed_at = models.DateTimeField(_("Bestätigt am"), null=True, editable=False)
    decided_at = models.DateTimeField(_("Moderiert am"), null=True, editable=False)

    objects = CommentQuerySet.as_manager()

    class Meta:
        ordering = ["created", "pk"]
        verbose_name = _("Kommentar zu einem Vorschlag")
        verbose_name_plural = _("Kommentare zu Vorschlägen")
        indexes = [models.Index(fields=["proposal", "status"])]

    def __str__(self) -> str:
        return self.text[:60]
