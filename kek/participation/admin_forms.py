"""The Moderation's form: one step of the status at a time, with its reason; corrections are noted."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from kek.core.hooks import public_activity
from kek.plan.models import ApproachPage, Project

from . import comments, services
from .models import Comment, ParticipationPage, Proposal, ReasonTemplate


class ModerationForm(WagtailAdminModelForm):
    reason_template = forms.ModelChoiceField(
        label=_("Textbaustein für die Begründung"),
        queryset=ReasonTemplate.objects.all(),
        required=False,
        help_text=_("Wird verwendet, wenn das Feld „Begründung“ leer ist."),
    )

    merge_into = forms.ModelChoiceField(
        label=_("Als Doppelung zusammenführen mit"),
        queryset=Proposal.objects.none(),
        required=False,
        help_text=_(
            "Schließt diesen Vorschlag und verweist auf den gewählten; seine Unterstützungen zählen dort "
            "(jede Person einmal). Die Einsenderin oder der Einsender bekommt eine E-Mail."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        proposal = self.instance
        current = Proposal.Status(proposal.status)
        steps = [current, *Proposal.NEXT.get(current, ())]
        self.fields["status"].choices = [(s.value, s.label) for s in steps]
        if proposal.site_id:
            root = proposal.site.root_page
            self.fields["approach"].queryset = ApproachPage.objects.filter(path__startswith=root.path).order_by("path")
            self.fields["project"].queryset = Project.objects.filter(approach__path__startswith=root.path)
            others = Proposal.objects.filter(site_id=proposal.site_id).public().exclude(pk=proposal.pk)
            self.fields["merge_into"].queryset = others

    def clean(self) -> dict:
        cleaned = super().clean()
        template = cleaned.get("reason_template")
        if template and not cleaned.get("status_reason", "").strip():
            cleaned["status_reason"] = template.text
        status = cleaned.get("status")
        if cleaned.get("merge_into") is not None:
            if status != self.instance.status:
                self.add_error(None, _("Bitte entweder zusammenführen oder den Status ändern, nicht beides."))
            elif self.instance.status in Proposal.CLOSED_STATUSES:
                self.add_error(None, _("Ein abgeschlossener Vorschlag kann nicht mehr zusammengeführt werden."))
        elif status and status != self.instance.status:
            try:
                services.check_step(self.instance.status, status, cleaned.get("status_reason", ""))
            except services.StatusError as exc:
                self.add_error("status_reason" if status in Proposal.NEEDS_REASON else "status", str(exc))
        return cleaned

    def save(self, commit: bool = True) -> Proposal:
        """Save the edits; the status step goes through services.change_status (history and mail)."""
        before = Proposal.objects.get(pk=self.instance.pk)
        proposal = super().save(commit=False)
        status, reason = proposal.status, proposal.status_reason
        proposal.status, proposal.status_reason = before.status, before.status_reason
        corrected = (proposal.title, proposal.description) != (before.title, before.description)
        if corrected and proposal.correction_note == before.correction_note:
            proposal.correction_note = _("Von der Moderation am %(date)s korrigiert (Schreibfehler).") % {
                "date": timezone.localdate().strftime("%d.%m.%Y")
            }
        if commit:
            proposal.save()
            page = ParticipationPage.objects.live().filter(path__startswith=proposal.site.root_page.path).first()
            if self.cleaned_data.get("merge_into") is not None:
                services.merge(proposal, self.cleaned_data["merge_into"], urls=services.Links.of(page))
            elif status != before.status:
                services.change_status(proposal, status, reason, urls=services.Links.of(page))
            if proposal.is_public or before.is_public:  # a corrected text, another approach
                public_activity(proposal.site_id, [before.approach_id, proposal.approach_id])
        return proposal


class CommentModerationForm(WagtailAdminModelForm):
    """Publish or reject a waiting comment; its text stays as its author wrote it."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        current = Comment.Status(self.instance.status)
        steps = [current, *Comment.NEXT.get(current, ())]
        self.fields["status"].choices = [(s.value, s.label) for s in steps]

    def save(self, commit: bool = True) -> Comment:
        """The decision goes through comments.decide (one step, with its date); nothing else changes."""
        status = self.cleaned_data["status"]
        comment = Comment.objects.get(pk=self.instance.pk)
        if commit and status != comment.status:
            comments.decide(comment, status)
            comment.refresh_from_db()
        return comment
