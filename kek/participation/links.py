"""Signed links in the mails: confirm a proposal, confirm a support, withdraw a proposal.

Django's signing (HMAC with the SECRET_KEY, a salt per purpose) makes them unguessable and lets
them expire; each is made single-use by the state it changes (a confirmed proposal cannot be
confirmed again, a person's support exists once, a withdrawn proposal is gone).
"""

import base64
import enum
import hashlib
import hmac

from django.conf import settings
from django.core import signing

CONFIRM = "kek.participation.confirm"
SUPPORT = "kek.participation.support"
WITHDRAW = "kek.participation.withdraw"
SUBSCRIBE = "kek.participation.subscribe"
UNSUBSCRIBE = "kek.participation.unsubscribe"
ROUND = "kek.participation.round"  # a participant's personal rating link (valid while the round is open)
ROUND_JOIN = "kek.participation.round-join"  # a public participant's e-mail confirmation
COMMENT = "kek.participation.comment"  # a comment's e-mail confirmation


class LinkProblem(enum.Enum):
    INVALID = "invalid"
    EXPIRED = "expired"


def make(purpose: str, **values) -> str:
    """A signed, time-stamped link part; base64 once more, because Wagtail's URLs take only
    letters, digits, "-" and "_" in a path segment (the signature's ":" would not route)."""
    signed = signing.dumps(values, salt=purpose, compress=True)
    return base64.urlsafe_b64encode(signed.encode()).decode().rstrip("=")


def read(purpose: str, signed: str, *, expires: bool = True) -> dict | LinkProblem:
    """The values of a link, or what is wrong with it (damaged, or older than KEK_CONFIRM_HOURS)."""
    max_age = settings.KEK_CONFIRM_HOURS * 3600 if expires else None
    try:
        text = base64.urlsafe_b64decode(signed + "=" * (-len(signed) % 4)).decode()
        values = signing.loads(text, salt=purpose, max_age=max_age)
    except signing.SignatureExpired:
        return LinkProblem.EXPIRED
    except (signing.BadSignature, ValueError):
        return LinkProblem.INVALID
    return values if isinstance(values, dict) else LinkProblem.INVALID


def person_key(email: str) -> str:
    """A keyed hash of an e-mail address: one person, one support, no address stored."""
    normal = email.strip().lower()
    return hmac.new(settings.SECRET_KEY.encode(), b"support " + normal.encode(), hashlib.sha256).hexdigest()
