"""The Redaktion's admin for priority rounds: open a round (snippet), invite a list of addresses,
print one-time codes, close the round (which freezes its result). Each view names its round and is
guarded: the Redaktion of the round's site only (kek/core/admin_urls.guarded)."""

from django import forms
from django.contrib import messages
from django.core.validators import validate_email
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.widgets import ListingButton
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet

from kek.core.admin_urls import guarded
from kek.core.hooks import public_activity
from kek.core.pages import home_path
from kek.core.sites import of_own_sites, sites_for_user, works_on
from kek.plan.models import ApproachPage

from . import rounds
from .models import ParticipationPage, PriorityRound

INVITE_MAX = 2000


def may_run_round(user, round_: PriorityRound, url_name: str) -> bool:
    return user.has_perm("participation.change_priorityround") and works_on(user, round_.site_id)


class RoundForm(WagtailAdminModelForm):
    """Only the user's sites; only approaches of the chosen site; a closed round cannot be changed."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        sites = sites_for_user(self.for_user) if self.for_user else None
        if sites is not None:
            self.fields["site"].queryset = sites
        self.fields["approaches"].queryset = ApproachPage.objects.live().order_by("path")

    def clean(self) -> dict:
        cleaned = super().clean()
        site, approaches = cleaned.get("site"), cleaned.get("approaches")
        if site is not None and approaches is not None:
            home = site.root_page.path
            if any(not a.path.startswith(home) for a in approaches):
                self.add_error("approaches", _("Bitte wählen Sie nur Handlungsansätze des Konzepts dieser Website."))
        if self.instance.pk and not self.instance.is_open:
            raise forms.ValidationError(_("Eine beendete Runde kann nicht mehr geändert werden."))
        return cleaned

    def save(self, commit: bool = True) -> PriorityRound:
        """Save the round. The pages of the approaches a public round asks about link it: those it
        asked about before the edit stop linking it, those it asks about now start (or show its new
        title), so the apps that keep pages hear of both (kek.core.hooks.public_activity)."""
        before = PriorityRound.objects.filter(pk=self.instance.pk).first() if self.instance.pk else None
        asked_before = list(before.approaches.values_list("pk", flat=True)) if before else []
        round_ = super().save(commit=commit)
        public = PriorityRound.Audience.PUBLIC
        if commit and public in {round_.audience, before.audience if before else None}:
            if before is not None and before.site_id != round_.site_id:
                public_activity(before.site_id, asked_before)
                asked_before = []
            public_activity(round_.site_id, [*asked_before, *round_.approaches.values_list("pk", flat=True)])
        return round_


class RoundIndexView(IndexView):
    def get_list_more_buttons(self, instance: PriorityRound) -> list:
        buttons = super().get_list_more_buttons(instance)
        if instance.is_open:
            for name, label, icon in (
                ("invite", _("Einladungen senden"), "mail"),
                ("codes", _("Codes drucken"), "key"),
                ("close", _("Runde beenden"), "lock"),
            ):
                url = reverse(f"wagtailsnippets_participation_priorityround:{name}", args=[instance.pk])
                buttons.append(ListingButton(label, url=url, icon_name=icon, priority=30))
        return buttons


class InviteForm(forms.Form):
    addresses = forms.CharField(
        label=_("E-Mail-Adressen"),
        help_text=_(
            "Eine Adresse je Zeile (oder durch Komma/Semikolon getrennt). Die Adressen werden nicht gespeichert."
        ),
        widget=forms.Textarea(attrs={"rows": 10}),
    )

    def clean_addresses(self) -> list[str]:
        text = self.cleaned_data["addresses"].replace(";", "\n").replace(",", "\n")
        addresses = sorted({line.strip().lower() for line in text.splitlines() if line.strip()})
        wrong = []
        for address in addresses:
            try:
                validate_email(address)
            except forms.ValidationError:
                wrong.append(address)
        if not addresses:  # only separators: nothing to send, not "0 links sent"
            raise forms.ValidationError(_("Bitte geben Sie mindestens eine E-Mail-Adresse an."))
        if wrong:
            raise forms.ValidationError(
                _("Diese Adressen sind nicht gültig: %(list)s"), params={"list": ", ".join(wrong)}
            )
        if len(addresses) > INVITE_MAX:
            raise forms.ValidationError(_("Bitte höchstens %(max)s Adressen auf einmal."), params={"max": INVITE_MAX})
        return addresses


class CodesForm(forms.Form):
    number = forms.IntegerField(label=_("Anzahl neuer Codes"), min_value=1, max_value=rounds.CODES_MAX, initial=50)


def _participation_page(round_: PriorityRound) -> ParticipationPage | None:
    return ParticipationPage.objects.live().filter(path__startswith=home_path(round_.site.root_page.path)).first()


def _closed_refusal(request: HttpRequest, round_: PriorityRound) -> HttpResponse:
    messages.error(request, _("Die Runde „%(title)s“ ist beendet.") % {"title": round_.title})
    return redirect("wagtailsnippets_participation_priorityround:list")


def invite_view(request: HttpRequest, pk: int) -> HttpResponse:
    round_ = get_object_or_404(PriorityRound, pk=pk)
    if not round_.is_open:
        return _closed_refusal(request, round_)
    page = _participation_page(round_)
    form = InviteForm(request.POST or None)
    if request.method == "POST" and form.is_valid() and page is not None:
        sent = rounds.invite(round_, form.cleaned_data["addresses"], page)
        messages.success(request, _("%(n)s persönliche Links wurden versandt.") % {"n": sent})
        return redirect("wagtailsnippets_participation_priorityround:list")
    status = 400 if request.method == "POST" else 200
    context = {"round": round_, "form": form, "no_page": page is None, "action": _("Einladungen senden")}
    return TemplateResponse(request, "participation/admin/round_form.html", context, status=status)


def codes_view(request: HttpRequest, pk: int) -> HttpResponse:
    """New codes and their printable sheet; the plain codes exist only in this answer."""
    round_ = get_object_or_404(PriorityRound, pk=pk)
    if not round_.is_open:
        return _closed_refusal(request, round_)
    page = _participation_page(round_)
    form = CodesForm(request.POST or None)
    if request.method == "POST" and form.is_valid() and page is not None:
        made = rounds.print_codes(round_, form.cleaned_data["number"])
        url = page.full_url + page.reverse_subpage("round", kwargs={"pk": round_.pk})
        response = TemplateResponse(
            request, "participation/admin/round_codes.html", {"round": round_, "codes": made, "url": url}
        )
        response["Cache-Control"] = "no-store"
        return response
    status = 400 if request.method == "POST" else 200
    context = {"round": round_, "form": form, "no_page": page is None, "action": _("Codes erzeugen und drucken")}
    return TemplateResponse(request, "participation/admin/round_form.html", context, status=status)


def close_view(request: HttpRequest, pk: int) -> HttpResponse:
    round_ = get_object_or_404(PriorityRound, pk=pk)
    if request.method == "POST":
        if rounds.close(round_):
            messages.success(request, _("Die Runde ist beendet; ihr Ergebnis ist festgeschrieben und öffentlich."))
        else:
            messages.warning(request, _("Die Runde war schon beendet."))
        return redirect("wagtailsnippets_participation_priorityround:list")
    context = {"round": round_, "form": None, "no_page": False, "action": _("Runde jetzt beenden")}
    return TemplateResponse(request, "participation/admin/round_form.html", context)


class PriorityRoundViewSet(SnippetViewSet):
    model = PriorityRound
    icon = "list-ol"
    menu_label = _("Priorisierungsrunden")
    list_display = ["title", "audience", "created", "closed_at"]
    index_view_class = RoundIndexView
    edit_handler = ObjectList(
        [
            FieldPanel("site"),
            FieldPanel("title"),
            FieldPanel("question"),
            FieldPanel("audience"),
            FieldPanel("approaches", widget=forms.CheckboxSelectMultiple),
        ],
        base_form_class=RoundForm,
    )

    def get_queryset(self, request):
        return of_own_sites(PriorityRound.objects.all(), request.user)

    def get_urlpatterns(self) -> list:
        extra = [
            path("invite/<str:pk>/", invite_view, name="invite"),
            path("codes/<str:pk>/", codes_view, name="codes"),
            path("close/<str:pk>/", close_view, name="close"),
        ]
        return guarded(super().get_urlpatterns() + extra, PriorityRound, may_run_round)
