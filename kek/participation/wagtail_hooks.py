"""The Moderation's admin (queue, steps, reason templates) and the sections this app adds to
pages of lower apps: the proposals on each approach's page, the privacy notice's paragraph."""

from django.conf import settings
from django.template.loader import render_to_string
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from kek.core.admin_urls import guarded
from kek.core.hooks import PRIVACY_SECTIONS_HOOK
from kek.core.pages import home_path
from kek.core.sites import of_own_sites, sites_for_user, works_on
from kek.plan.models import APPROACH_SECTIONS_HOOK

from .admin_forms import CommentModerationForm, ModerationForm
from .models import Comment, ParticipationPage, PriorityRound, Proposal, ReasonTemplate
from .round_admin import PriorityRoundViewSet


def may_moderate(user, proposal: Proposal, url_name: str) -> bool:
    """Proposals of one's own sites; installation-wide roles (Moderation) moderate all."""
    return proposal.status != Proposal.Status.UNCONFIRMED and works_on(user, proposal.site_id)


class ProposalViewSet(SnippetViewSet):
    model = Proposal
    icon = "group"
    menu_label = _("Vorschläge")
    list_display = ["title", "status", Column("approach", label=_("Handlungsansatz")), "created", "support_count"]
    list_filter = ["status"]
    search_fields = ["title", "description"]
    search_backend_name = None
    ordering = ["-created"]
    edit_handler = ObjectList(
        [
            MultiFieldPanel(
                [
                    FieldPanel("status"),
                    FieldPanel("reason_template"),
                    FieldPanel("status_reason"),
                    FieldPanel("project"),
                ],
                heading=_("Entscheidung"),
            ),
            FieldPanel("approach"),
            MultiFieldPanel(
                [FieldPanel("title"), FieldPanel("description"), FieldPanel("correction_note")],
                heading=_("Text (nur offensichtliche Schreibfehler korrigieren)"),
            ),
            FieldPanel("author_name", read_only=True),
            FieldPanel("email", read_only=True),
        ],
        base_form_class=ModerationForm,
    )

    def get_queryset(self, request):
        """Confirmed proposals of the user's sites; the queue first."""
        proposals = Proposal.objects.exclude(status=Proposal.Status.UNCONFIRMED).select_related("approach")
        return of_own_sites(proposals, request.user)

    def get_urlpatterns(self) -> list:
        return guarded(super().get_urlpatterns(), Proposal, may_moderate)


def may_moderate_comment(user, comment: Comment, url_name: str) -> bool:
    """Comments on proposals of one's own sites; installation-wide roles (Moderation) moderate all."""
    return comment.status != Comment.Status.UNCONFIRMED and works_on(user, comment.proposal.site_id)


class CommentViewSet(SnippetViewSet):
    """The comments' queue: confirmed comments, the waiting ones first; publish or reject."""

    model = Comment
    icon = "openquote"
    menu_label = _("Kommentare")
    list_display = ["text", Column("proposal", label=_("Vorschlag")), "status", "created"]
    list_filter = ["status"]
    search_fields = ["text"]
    search_backend_name = None
    ordering = ["-created"]
    edit_handler = ObjectList(
        [
            FieldPanel("status"),
            FieldPanel("text", read_only=True),
            FieldPanel("author_name", read_only=True),
            FieldPanel("email", read_only=True),
        ],
        base_form_class=CommentModerationForm,
    )

    def get_queryset(self, request):
        sites = sites_for_user(request.user)  # comments have no site of their own: their proposal's
        rows = Comment.objects.exclude(status=Comment.Status.UNCONFIRMED).select_related("proposal")
        return rows if sites is None else rows.filter(proposal__site__in=sites)

    def get_urlpatterns(self) -> list:
        return guarded(super().get_urlpatterns(), Comment, may_moderate_comment)


class ReasonTemplateViewSet(SnippetViewSet):
    model = ReasonTemplate
    icon = "doc-full"
    menu_label = _("Textbausteine")


class ParticipationGroup(SnippetViewSetGroup):
    items = (ProposalViewSet, CommentViewSet, ReasonTemplateViewSet, PriorityRoundViewSet)
    menu_icon = "group"
    menu_label = _("Beteiligung")
    menu_order = 250


register_snippet(ParticipationGroup)


def approach_proposals(request, approach) -> str:
    """The public proposals of one approach, the link to propose one, and the public priority rounds
    that ask about it (three queries)."""
    participation = ParticipationPage.objects.live().filter(path__startswith=home_path(approach.path)).first()
    if participation is None:
        return ""
    proposals = Proposal.objects.public().filter(approach=approach).select_related("project__approach")
    rounds = PriorityRound.objects.public_listed().filter(approaches=approach)
    context = {"participation": participation, "approach": approach, "proposals": proposals, "rounds": rounds}
    return render_to_string("participation/approach_section.html", context, request=request)


hooks.register(APPROACH_SECTIONS_HOOK, approach_proposals)


def privacy_section(request, page) -> str:
    """What the Datenschutzerklärung says about proposals and supports."""
    return render_to_string(
        "participation/privacy_section.html",
        {"confirm_hours": settings.KEK_CONFIRM_HOURS, "retention_days": settings.KEK_PARTICIPATION_RETENTION_DAYS},
        request=request,
    )


hooks.register(PRIVACY_SECTIONS_HOOK, privacy_section)
