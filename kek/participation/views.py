"""The public side of the dialogue: read, check, answer. Every write is a function in services.py.

Whatever goes wrong, the visitor gets a German message, a fitting status and the form as typed:
400 for bad input, 410 for a used or expired link, 429 when a budget is spent, 503 when the
database refuses a write for a moment.
"""

import logging
from collections.abc import Callable

from django.core.paginator import Paginator
from django.db import DatabaseError
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.views.decorators.csrf import csrf_exempt

from kek.core.errors import RETRY_AFTER_SECONDS, is_transient_db_fault
from kek.core.pages import home_path
from kek.places.models import SubRegionPage
from kek.plan.models import ApproachPage, FieldOfActionPage

from . import links, services
from .forms import CommentForm, ProposalForm, SubscriptionForm, SupportForm
from .models import ParticipationPage, PriorityRound, Proposal, Subscription

logger = logging.getLogger(__name__)
SORTS = {"neu": "-created", "unterstuetzt": "-support_count"}


def _render(
    request: HttpRequest, page: ParticipationPage, template: str, *, status: int = 200, **context
) -> HttpResponse:
    response = page.render(request, template=f"participation/{template}.html", context_overrides=context)
    response.status_code = status
    return response


def _guarded_write(
    request: HttpRequest, write: Callable[[], services.Outcome], answer: Callable[..., HttpResponse]
) -> HttpResponse | services.Outcome:
    """Run `write`; a passing database fault becomes a 503 page with the form kept, a spent budget a 429."""
    try:
        outcome = write()
    except DatabaseError as exc:
        if not is_transient_db_fault(exc):
            raise
        logger.exception("Beitrag nicht gespeichert: die Datenbank nimmt gerade nichts an")
        response = answer(status=503, storage_failed=True)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response
    if outcome is services.Outcome.RATE_LIMITED:
        response = answer(status=429, rate_limited=True)
        response["Retry-After"] = "600"
        return response
    return outcome


def overview(request: HttpRequest, page: ParticipationPage) -> HttpResponse:
    """The public proposals, filtered by field, approach, Teilraum and status, sorted."""
    home = home_path(page.path)
    proposals = Proposal.objects.of_site_at(page.path).public()
    proposals = proposals.select_related("approach", "sub_region", "project__approach")
    fields = list(FieldOfActionPage.objects.live().filter(path__startswith=home).order_by("path").only("title", "path"))
    approaches = list(ApproachPage.objects.live().filter(path__startswith=home).order_by("path").only("title", "path"))
    sub_regions = list(SubRegionPage.objects.live().filter(path__startswith=home).order_by("path").only("title"))
    chosen = {name: request.GET.get(name, "") for name in ("feld", "ansatz", "teilraum", "status", "sortierung")}
    field = next((f for f in fields if str(f.pk) == chosen["feld"]), None)
    if field is not None:
        proposals = proposals.filter(approach__path__startswith=field.path)
    if chosen["ansatz"].isdigit():
        proposals = proposals.filter(approach_id=int(chosen["ansatz"]))
    if chosen["teilraum"].isdigit():
        proposals = proposals.filter(sub_region_id=int(chosen["teilraum"]))
    if chosen["status"] in {s.value for s in Proposal.PUBLIC_STATUSES}:
        proposals = proposals.filter(status=chosen["status"])
    proposals = proposals.order_by(SORTS.get(chosen["sortierung"], "-created"), "-pk")
    pager = Paginator(proposals, 20)
    number = request.GET.get("seite", "1")
    current = pager.get_page(number)
    return _render(
        request,
        page,
        "overview",
        proposals=current,
        fields=fields,
        approaches=approaches,
        sub_regions=sub_regions,
        statuses=[(s.value, s.label) for s in Proposal.PUBLIC_STATUSES],
        chosen=chosen,
        rounds=PriorityRound.objects.of_site_at(page.path).public_listed(),
    )


def submit(request: HttpRequest, page: ParticipationPage) -> HttpResponse:
    """ "Idee einreichen": the form (GET, preselecting the approach of ?ansatz=) and its submission (POST)."""
    home = home_path(page.path)
    if request.method != "POST":
        initial = {"approach": request.GET.get("ansatz")} if request.GET.get("ansatz", "").isdigit() else {}
        form = ProposalForm(initial=initial, home_path=home)
        return _render(request, page, "submit", form=form)

    form = ProposalForm(request.POST, home_path=home)

    def answer(status: int, **flags) -> HttpResponse:
        return _render(request, page, "submit", status=status, form=form, **flags)

    if not form.is_valid():
        return answer(400)
    outcome = _guarded_write(request, lambda: services.submit_proposal(request, form.cleaned_data, page), answer)
    if isinstance(outcome, HttpResponse):
        return outcome
    return HttpResponseRedirect(page.url + page.reverse_subpage("submitted"))


def _link_problem(request: HttpRequest, page: ParticipationPage, problem: str) -> HttpResponse:
    return _render(request, page, "link_problem", status=410, problem=problem)


def confirm(request: HttpRequest, page: ParticipationPage, signed: str) -> HttpResponse:
    """The confirmation link of a proposal: a button (GET, so that mail scanners confirm nothing), then the step (POST)."""
    values = links.read(links.CONFIRM, signed)
    if isinstance(values, links.LinkProblem):
        return _link_problem(request, page, values.value)
    proposal = Proposal.objects.of_site_at(page.path).filter(pk=values.get("p"), token=values.get("t")).first()
    if proposal is None:
        return _link_problem(request, page, "gone")
    if proposal.status != Proposal.Status.UNCONFIRMED:
        return _link_problem(request, page, "used")
    if request.method != "POST":
        return _render(request, page, "confirm", proposal=proposal)
    if not services.confirm_proposal(request, proposal, page):
        return _link_problem(request, page, "used")
    return _render(request, page, "confirmed", proposal=proposal)


def public_proposal(page: ParticipationPage, pk: int) -> Proposal:
    """The public proposal `pk` of this site, with what its page shows; else 404."""
    found = Proposal.objects.of_site_at(page.path).public().select_related("approach", "sub_region", "place", "project")
    item = found.filter(pk=pk).first()
    if item is None:
        raise Http404
    return item


def proposal(request: HttpRequest, page: ParticipationPage, pk: int) -> HttpResponse:
    """A public proposal with its history and the support form (POST sends the confirmation mail)."""
    item = public_proposal(page, pk)
    if request.method != "POST":
        return proposal_page(request, page, item)

    form = SupportForm(request.POST)

    def answer(status: int, **flags) -> HttpResponse:
        return proposal_page(request, page, item, status=status, form=form, **flags)

    if not form.is_valid():
        return answer(400)
    outcome = _guarded_write(
        request, lambda: services.request_support(request, item, form.cleaned_data["email"], page), answer
    )
    if isinstance(outcome, HttpResponse):
        return outcome
    return proposal_page(request, page, item, support_sent=True)


def proposal_page(
    request: HttpRequest, page: ParticipationPage, item: Proposal, *, status: int = 200, **context
) -> HttpResponse:
    """A proposal's page: its history, its published comments, the support and comment forms."""
    context = {"form": SupportForm(), "comment_form": CommentForm(), **context}
    changes, comments = list(item.changes.all()), list(item.comments.published())
    return _render(
        request, page, "proposal", status=status, proposal=item, changes=changes, comments=comments, **context
    )


def confirm_support(request: HttpRequest, page: ParticipationPage, signed: str) -> HttpResponse:
    values = links.read(links.SUPPORT, signed)
    if isinstance(values, links.LinkProblem):
        return _link_problem(request, page, values.value)
    item = Proposal.objects.of_site_at(page.path).public().filter(pk=values.get("p")).first()
    if item is None:
        return _link_problem(request, page, "gone")
    if request.method != "POST":
        return _render(request, page, "confirm_support", proposal=item)
    if not services.confirm_support(item, str(values.get("h", ""))):
        return _link_problem(request, page, "used")
    return HttpResponseRedirect(page.url + page.reverse_subpage("proposal", kwargs={"pk": item.pk}) + "?unterstuetzt=1")


def withdraw(request: HttpRequest, page: ParticipationPage, signed: str) -> HttpResponse:
    """The author's link to withdraw a proposal and have its data deleted (no expiry)."""
    values = links.read(links.WITHDRAW, signed, expires=False)
    if isinstance(values, links.LinkProblem):
        return _link_problem(request, page, values.value)
    item = Proposal.objects.of_site_at(page.path).filter(pk=values.get("p"), token=values.get("t")).first()
    if item is None:
        return _link_problem(request, page, "withdrawn")
    if request.method != "POST":
        return _render(request, page, "withdraw", proposal=item)
    services.withdraw(item)
    return _render(request, page, "withdrawn")


def _scope(request: HttpRequest, page: ParticipationPage) -> dict:
    """What to follow, from ?vorschlag=, ?ansatz= or ?feld= (pages of this site only); else the whole concept."""
    home = home_path(page.path)
    number = request.GET.get("vorschlag", "")
    if number.isdigit():
        proposal = Proposal.objects.of_site_at(page.path).public().filter(pk=int(number)).first()
        if proposal is not None:
            return {"proposal": proposal}
    for name, model in (("ansatz", ApproachPage), ("feld", FieldOfActionPage)):
        number = request.GET.get(name, "")
        if number.isdigit():
            target = model.objects.live().filter(path__startswith=home, pk=int(number)).first()
            if target is not None:
                return {"page": target.page_ptr}
    return {}


def subscribe(request: HttpRequest, page: ParticipationPage) -> HttpResponse:
    """Follow changes by e-mail (double opt-in): GET the form, POST it."""
    scope = _scope(request, page)
    form = SubscriptionForm(request.POST) if request.method == "POST" else SubscriptionForm()

    def answer(status: int, **flags) -> HttpResponse:
        return _render(request, page, "subscribe", status=status, form=form, scope=Subscription(**scope), **flags)

    if request.method != "POST":
        return answer(200)
    if not form.is_valid():
        return answer(400)
    data = form.cleaned_data
    outcome = _guarded_write(
        request, lambda: services.subscribe(request, page, data["email"], data["frequency"], scope), answer
    )
    if isinstance(outcome, HttpResponse):
        return outcome
    return answer(200, subscribed=True)


def confirm_subscription(request: HttpRequest, page: ParticipationPage, signed: str) -> HttpResponse:
    values = links.read(links.SUBSCRIBE, signed)
    if isinstance(values, links.LinkProblem):
        return _link_problem(request, page, values.value)
    subscription = Subscription.objects.filter(token=values.get("s"), site=page.get_site()).first()
    if subscription is None:
        return _link_problem(request, page, "gone")
    if subscription.confirmed_at is not None:
        return _link_problem(request, page, "used")
    if request.method != "POST":
        return _render(request, page, "confirm_subscription", subscription=subscription)
    if services.confirm_subscription(values["s"]) is None:
        return _link_problem(request, page, "used")
    return _render(request, page, "confirm_subscription", subscription=subscription, confirmed=True)


@csrf_exempt  # one click from the mail program (RFC 8058): the signed link is the proof
def unsubscribe(request: HttpRequest, signed: str) -> HttpResponse:
    """End a subscription: GET shows a button, POST (the button, or the mail program) ends it."""
    values = links.read(links.UNSUBSCRIBE, signed, expires=False)
    valid = not isinstance(values, links.LinkProblem)
    if request.method == "POST" and valid:
        services.unsubscribe(values.get("s", ""))
        return render(request, "participation/unsubscribe.html", {"done": True})
    exists = valid and Subscription.objects.filter(token=values.get("s")).exists()
    status = 200 if exists else 410
    return render(request, "participation/unsubscribe.html", {"exists": exists}, status=status)


def rules(request: HttpRequest, page: ParticipationPage) -> HttpResponse:
    return _render(request, page, "rules", figures=services.figures(page.get_site()))
