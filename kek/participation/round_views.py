"""The public side of priority rounds: the round's page (join by e-mail or with a code), the
personal rating page, the result after close (page and CSV). Writes are in rounds.py.

As in views.py: bad input gives a German message with the input kept (400), a damaged link or a
used code 410, a closed round 410 with the link to its result, a result asked for too early 404.
"""

import csv
import io

from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect

from . import links, rounds
from .forms import RatingForm, RoundCodeForm, RoundJoinForm
from .models import ParticipationPage, PriorityRound, RoundParticipant
from .views import _guarded_write, _link_problem, _render


def _round(page: ParticipationPage, pk: int) -> PriorityRound:
    found = PriorityRound.objects.of_site_at(page.path).filter(pk=pk).first()
    if found is None:
        raise Http404
    return found


def round_page(request: HttpRequest, page: ParticipationPage, pk: int) -> HttpResponse:
    """What the round asks; for a public round the e-mail form, for every open round the code form."""
    round_ = _round(page, pk)
    join_form, code_form = RoundJoinForm(), RoundCodeForm()
    form_name = request.POST.get("formular", "") if request.method == "POST" else ""

    def answer(status: int = 200, **flags) -> HttpResponse:
        context = {"round": round_, "join_form": join_form, "code_form": code_form, **flags}
        return _render(request, page, "round", status=status, **context)

    if request.method != "POST":
        return answer()
    if not round_.is_open:
        return answer(410, closed=True)
    if form_name == "email" and round_.audience == PriorityRound.Audience.PUBLIC:
        join_form = RoundJoinForm(request.POST)
        if not join_form.is_valid():
            return answer(400)
        outcome = _guarded_write(
            request, lambda: rounds.request_join(request, round_, join_form.cleaned_data["email"], page), answer
        )
        return outcome if isinstance(outcome, HttpResponse) else answer(200, join_sent=True)
    code_form = RoundCodeForm(request.POST)
    if not code_form.is_valid():
        return answer(400)
    outcome = _guarded_write(request, lambda: rounds.redeem(request, round_, code_form.cleaned_data["code"]), answer)
    if isinstance(outcome, HttpResponse):
        return outcome
    if outcome is None:
        code_form.add_error(
            "code",
            "Diesen Code kennen wir für diese Runde nicht, oder er wurde schon eingelöst. Bitte prüfen Sie die "
            "Schreibweise; bei Fragen hilft die Redaktion.",
        )
        return answer(410)
    return HttpResponseRedirect(rounds.rating_link(rounds.Links.of(page, request), outcome))


def join(request: HttpRequest, page: ParticipationPage, signed: str) -> HttpResponse:
    """The confirmation link of a public participant: a button (GET), then the participant (POST)."""
    values = links.read(links.ROUND_JOIN, signed)
    if isinstance(values, links.LinkProblem):
        return _link_problem(request, page, values.value)
    round_ = PriorityRound.objects.of_site_at(page.path).filter(pk=values.get("r")).first()
    if round_ is None:
        return _link_problem(request, page, "gone")
    if not round_.is_open:
        return _render(request, page, "round", status=410, round=round_, closed=True)
    if request.method != "POST":
        return _render(request, page, "round_join", round=round_)
    participant = rounds.join(round_, str(values.get("h", "")))
    return HttpResponseRedirect(rounds.rating_link(rounds.Links.of(page, request), participant))


def rate(request: HttpRequest, page: ParticipationPage, signed: str) -> HttpResponse:
    """The personal rating page: the current ratings (GET); store or change them (POST)."""
    values = links.read(links.ROUND, signed, expires=False)
    if isinstance(values, links.LinkProblem):
        return _link_problem(request, page, values.value)
    participant = (
        RoundParticipant.objects.select_related("round")
        .filter(round__site=page.get_site(), round_id=values.get("r"), token=values.get("t"))
        .first()
    )
    if participant is None:
        return _link_problem(request, page, "gone")
    round_ = participant.round
    if not round_.is_open:
        return _render(request, page, "round", status=410, round=round_, closed=True)
    approaches = list(round_.approaches.order_by("path").only("title", "path"))
    current = dict(participant.ratings.values_list("approach_id", "value"))
    if request.method != "POST":
        form = RatingForm(approaches=approaches, initial={f"ansatz_{pk}": v for pk, v in current.items()})
        return _render(request, page, "round_rate", round=round_, form=form, rated=bool(current))
    form = RatingForm(request.POST, approaches=approaches)

    def answer(status: int, **flags) -> HttpResponse:
        return _render(request, page, "round_rate", status=status, round=round_, form=form, **flags)

    if not form.is_valid():
        return answer(400)

    def write():
        try:
            rounds.rate(participant, form.ratings())
        except rounds.RoundClosed:
            return None
        return rounds.Outcome.STORED

    outcome = _guarded_write(request, write, answer)
    if isinstance(outcome, HttpResponse):
        return outcome
    if outcome is None:
        return _render(request, page, "round", status=410, round=round_, closed=True)
    return answer(200, saved=True, rated=True)


def _closed_round(page: ParticipationPage, pk: int) -> PriorityRound:
    round_ = _round(page, pk)
    if round_.result is None:
        raise Http404  # no result before the round ends
    return round_


def result(request: HttpRequest, page: ParticipationPage, pk: int) -> HttpResponse:
    round_ = _closed_round(page, pk)
    return _render(request, page, "round_result", round=round_, result=round_.result)


def result_csv(request: HttpRequest, page: ParticipationPage, pk: int) -> HttpResponse:
    """The frozen result as CSV for spreadsheets: UTF-8 with BOM, ";" between columns."""
    round_ = _closed_round(page, pk)
    scale = round_.result["scale"]
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(["Handlungsfeld", "Rang", "Handlungsansatz", "Mittelwert", "Bewertungen", *scale])
    for field in round_.result["fields"]:
        for item in field["approaches"]:
            average = "" if item["mean"] is None else f"{item['mean']:.2f}".replace(".", ",")
            writer.writerow(
                [field["title"], item["rank"], item["title"], average, item["count"], *item["distribution"]]
            )
    response = HttpResponse("\ufeff" + out.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="priorisierung-{round_.pk}.csv"'
    return response
