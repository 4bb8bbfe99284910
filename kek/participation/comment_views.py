"""Comments on a public proposal: the form's submission and the mailed confirmation link.

As in views.py: bad input gives the proposal's page with a German message and the comment kept
(400), a spent budget 429, a damaged, expired or used link 410. Writes are in comments.py.
"""

from django.http import HttpRequest, HttpResponse, HttpResponseRedirect

from . import comments, links
from .forms import CommentForm
from .models import Comment, ParticipationPage
from .views import _guarded_write, _link_problem, _render, proposal_page, public_proposal


def comment(request: HttpRequest, page: ParticipationPage, pk: int) -> HttpResponse:
    """POST a comment on a public proposal (GET leads to the proposal's form)."""
    item = public_proposal(page, pk)
    if request.method != "POST":
        return HttpResponseRedirect(page.url + page.reverse_subpage("proposal", kwargs={"pk": pk}) + "#kommentieren")
    form = CommentForm(request.POST)

    def answer(status: int, rate_limited: bool = False, storage_failed: bool = False, **flags) -> HttpResponse:
        flags = {"comment_rate_limited": rate_limited, "comment_storage_failed": storage_failed, **flags}
        return proposal_page(request, page, item, status=status, comment_form=form, **flags)

    if not form.is_valid():
        return answer(400)
    outcome = _guarded_write(request, lambda: comments.submit(request, item, form.cleaned_data, page), answer)
    if isinstance(outcome, HttpResponse):
        return outcome
    return answer(200, comment_sent=True)


def confirm(request: HttpRequest, page: ParticipationPage, signed: str) -> HttpResponse:
    """The comment's confirmation link: a button (GET, so that mail scanners confirm nothing), then the step (POST)."""
    values = links.read(links.COMMENT, signed)
    if isinstance(values, links.LinkProblem):
        return _link_problem(request, page, values.value)
    found = Comment.objects.select_related("proposal").filter(
        pk=values.get("c"), token=values.get("t"), proposal__site=page.get_site()
    )
    item = found.first()
    if item is None:
        return _link_problem(request, page, "gone")
    if item.status != Comment.Status.UNCONFIRMED:
        return _link_problem(request, page, "used")
    if request.method != "POST":
        return _render(request, page, "confirm_comment", comment=item)
    if not comments.confirm(item):
        return _link_problem(request, page, "used")
    return _render(request, page, "confirm_comment", comment=item, confirmed=True)
