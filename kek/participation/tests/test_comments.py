"""Pre-moderated comments on public proposals: the author confirms by the mailed link (real SMTP),
the Moderation publishes or rejects in the admin, only published comments show. Bad input of every
kind gives a German message with the comment kept; the role matrix says who may moderate."""

import datetime

import pytest
from django.contrib.auth.models import Group, User
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from kek.participation import links, services
from kek.participation.models import Comment, Proposal

from .factories import ProposalFactory, published
from .helpers import browser, hidden_fields, post, soup
from .test_rounds import site_redaktion

pytestmark = pytest.mark.django_db
ADMIN = "/admin/snippets/participation/comment/"
AUTHOR = "kommentar@example.org"


def url_of(proposal: Proposal) -> str:
    return f"/mitmachen/vorschlag/{proposal.pk}/"


def comment_values(**changes) -> dict:
    values = {
        "kommentar-text": "Gute Idee, die Bank am Markt wäre ein guter Anfang.",
        "kommentar-author_name": "Jo",
        "kommentar-email": AUTHOR,
        "kommentar-consent": "on",
        "kommentar-website": "",
    }
    return {**values, **changes}


def send_comment(proposal: Proposal, visitor: Client | None = None, **changes):
    """Open the proposal's page (cookie, token, time stamp), then send the comment form."""
    visitor = visitor or browser()
    hidden = hidden_fields(visitor.get(url_of(proposal)).content.decode())
    hidden = {name: value for name, value in hidden.items() if name.startswith("kommentar-") or name.startswith("csrf")}
    return post(visitor, url_of(proposal) + "kommentar/", {**hidden, **comment_values(**changes)})


@pytest.fixture
def moderation(db) -> Client:
    user = User.objects.create_user("moderatorin", "moderation@example.org")
    user.groups.add(Group.objects.get(name="Moderation"))
    client = Client()
    client.force_login(user)
    return client


def decide(client: Client, comment: Comment, status: str):
    return post(client, f"{ADMIN}edit/{comment.pk}/", {"status": status})


def shown(client: Client, proposal: Proposal) -> list[str]:
    return [c.get_text(" ", strip=True) for c in soup(client.get(url_of(proposal))).select(".kek-comment")]


def test_comment_is_confirmed_by_mail_moderated_and_only_then_shown(concept, smtp, moderation, client):
    proposal = published(concept.approach, title="Mitfahrbank am Markt")
    answer = send_comment(proposal)
    assert answer.status_code == 200
    assert "Wir haben Ihnen eine E-Mail geschickt" in soup(answer).get_text()
    assert shown(client, proposal) == []

    link = smtp.link(AUTHOR)
    visitor = browser()
    assert "Ja, Kommentar bestätigen" in visitor.get(link).content.decode()  # a button, not a confirmation
    assert Comment.objects.get().status == Comment.Status.UNCONFIRMED
    post(visitor, link, {"csrfmiddlewaretoken": visitor.cookies["csrftoken"].value})
    comment = Comment.objects.get()
    assert comment.status == Comment.Status.SUBMITTED and comment.confirmed_at is not None
    notice = smtp.wait_for("moderation@example.org")[0]
    assert notice["Subject"] == "Ein Kommentar wartet auf die Moderation"
    assert f"/admin/snippets/participation/comment/edit/{comment.pk}/" in notice.get_content()
    assert shown(client, proposal) == []  # waits for the Moderation
    assert "Gute Idee" in moderation.get(ADMIN + "?status=submitted").content.decode()

    assert decide(moderation, comment, "published").status_code == 302
    (text,) = shown(client, proposal)
    assert "von Jo" in text and "Gute Idee, die Bank am Markt wäre ein guter Anfang." in text

    again = browser()
    assert again.get(link).status_code == 410  # the link works once


def test_a_rejected_or_unconfirmed_comment_never_shows(concept, moderation, client):
    proposal = published(concept.approach)
    send_comment(proposal, **{"kommentar-text": "Werbung für meinen Laden, bitte kaufen."})
    send_comment(proposal, **{"kommentar-text": "Noch nicht bestätigt, also unsichtbar."})
    rejected, unconfirmed = Comment.objects.order_by("pk")
    Comment.objects.filter(pk=rejected.pk).update(status=Comment.Status.SUBMITTED)
    rejected.refresh_from_db()
    assert decide(moderation, rejected, "rejected").status_code == 302
    assert Comment.objects.get(pk=rejected.pk).status == Comment.Status.REJECTED
    assert shown(client, proposal) == []
    # A decided comment cannot be decided again, and an unconfirmed one is not in the queue at all.
    assert decide(moderation, Comment.objects.get(pk=rejected.pk), "published").status_code == 200
    assert Comment.objects.get(pk=rejected.pk).status == Comment.Status.REJECTED
    assert moderation.get(f"{ADMIN}edit/{unconfirmed.pk}/").status_code in (302, 403)
    assert "Noch nicht bestätigt" not in moderation.get(ADMIN).content.decode()


@pytest.mark.parametrize(
    "changes, message",
    [
        ({"kommentar-text": ""}, "Bitte schreiben Sie Ihren Kommentar."),
        ({"kommentar-text": "x" * 2001}, "Bitte kürzen Sie den Kommentar auf höchstens 2000 Zeichen (jetzt 2001)."),
        ({"kommentar-text": "Sehr <b>gut</b>, klick <a href=x>hier</a>"}, "als einfachen Text"),
        ({"kommentar-email": "kein-at-zeichen"}, "in der Form name@beispiel.de"),
        ({"kommentar-consent": ""}, "Datenschutzhinweise gelesen haben"),
        ({"kommentar-website": "http://spam.example"}, "Bitte leer lassen"),
        ({"kommentar-started": "kaputt"}, "Ihre Angaben sind noch da"),
    ],
)
def test_bad_input_gives_a_german_message_and_keeps_the_comment(concept, changes, message):
    proposal = published(concept.approach)
    answer = send_comment(proposal, **{"kommentar-author_name": "Jo Beispiel", **changes})
    assert answer.status_code == 400
    page = soup(answer)
    assert message in page.get_text(), page.select_one(".kern-alert, .kern-error")
    assert page.find("input", attrs={"name": "kommentar-author_name"})["value"] == "Jo Beispiel"
    typed = changes.get("kommentar-text", comment_values()["kommentar-text"])
    assert page.find("textarea", attrs={"name": "kommentar-text"}).get_text().strip() == typed.strip()
    assert not Comment.objects.exists()


def test_the_same_form_twice_is_stored_once_and_the_sixth_comment_waits(concept, smtp):
    proposal = published(concept.approach)
    visitor = browser()
    hidden = hidden_fields(visitor.get(url_of(proposal)).content.decode())
    values = {**hidden, **comment_values()}
    assert post(visitor, url_of(proposal) + "kommentar/", values).status_code == 200
    assert post(visitor, url_of(proposal) + "kommentar/", values).status_code == 200
    assert Comment.objects.count() == 1
    for number in range(4):
        assert send_comment(proposal, visitor, **{"kommentar-text": f"Kommentar Nummer {number}"}).status_code == 200
    answer = send_comment(proposal, visitor, **{"kommentar-text": "Der sechste Kommentar"})
    assert answer.status_code == 429
    assert "Bitte warten Sie einige Minuten" in soup(answer).get_text()
    assert soup(answer).find("textarea", attrs={"name": "kommentar-text"}).get_text().strip() == "Der sechste Kommentar"
    assert Comment.objects.count() == 5


def test_links_and_proposals_that_do_not_fit_are_refused_politely(concept, client):
    waiting = ProposalFactory(approach=concept.approach)  # not public
    assert client.post(url_of(waiting) + "kommentar/", comment_values()).status_code in (403, 404)
    assert client.get(url_of(published(concept.approach)) + "kommentar/").status_code == 302  # GET: to the form
    assert client.get("/mitmachen/kommentar/bestaetigen/kaputt/").status_code == 410
    gone = links.make(links.COMMENT, c=999999, t="00000000-0000-0000-0000-000000000000")
    assert client.get(f"/mitmachen/kommentar/bestaetigen/{gone}/").status_code == 410


def test_purge_deletes_unconfirmed_comments_and_erases_decided_authors(concept):
    proposal = published(concept.approach)
    old = timezone.now() - datetime.timedelta(days=400)
    Comment.objects.create(proposal=proposal, text="Nie bestätigt", email="a@example.org", created=old)
    decided = Comment.objects.create(
        proposal=proposal,
        text="Längst entschieden",
        email="b@example.org",
        author_name="Bea",
        status=Comment.Status.PUBLISHED,
        decided_at=old,
    )
    fresh = Comment.objects.create(proposal=proposal, text="Gerade eben", email="c@example.org")
    services.purge()
    assert set(Comment.objects.values_list("pk", flat=True)) == {decided.pk, fresh.pk}
    decided.refresh_from_db()
    assert (decided.email, decided.author_name, decided.text) == ("", "", "Längst entschieden")
    assert Comment.objects.get(pk=fresh.pk).email == "c@example.org"


def test_the_proposal_page_costs_the_same_queries_for_many_comments(client, concept):
    proposal = published(concept.approach)

    def queries() -> int:
        client.get(url_of(proposal))
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url_of(proposal)).status_code == 200
        return len(captured.captured_queries)

    Comment.objects.create(proposal=proposal, text="Eins", email="x@example.org", status="published")
    few = queries()
    for number in range(15):
        Comment.objects.create(proposal=proposal, text=f"Mehr {number}", email="x@example.org", status="published")
    assert queries() == few
    assert len(shown(client, proposal)) == 16


ROLE_MATRIX = {
    # role: may it list, open, publish and delete comments?
    "Moderation": True,
    "Redaktion Regionalmanagement": False,
    "Administration": False,
}


@pytest.mark.parametrize("role, allowed", ROLE_MATRIX.items(), ids=ROLE_MATRIX.keys())
def test_role_matrix_of_comments(concept, role, allowed):
    proposal = published(concept.approach)
    comment = Comment.objects.create(proposal=proposal, text="Wartet", email="x@example.org", status="submitted")
    group = site_redaktion(concept) if role.startswith("Redaktion") else Group.objects.get(name=role)
    user = User.objects.create_user("person", "person@example.org")
    user.groups.add(group)
    client = Client()
    client.force_login(user)
    if role == "Administration":  # its members log in with a second factor: mark this session verified
        session = client.session
        session[DEVICE_ID_SESSION_KEY] = TOTPDevice.objects.create(user=user, name="T", confirmed=True).persistent_id
        session.save()
    answers = [client.get(ADMIN), client.get(f"{ADMIN}edit/{comment.pk}/"), client.get(f"{ADMIN}delete/{comment.pk}/")]
    assert [a.status_code == 200 for a in answers] == [allowed] * 3
    assert all(a.status_code in (200, 302, 403) for a in answers)
    assert client.get(ADMIN + "add/").status_code in (302, 403)  # comments come from visitors only
    decide(client, comment, "published")
    assert (Comment.objects.get().status == Comment.Status.PUBLISHED) is allowed
