"""One-time codes for priority rounds, for residents without e-mail.

A code is ten characters from an alphabet without look-alikes (no 0/O, 1/I/L), printed as
XXXXX-XXXXX. The database keeps a random salt and the PBKDF2 hash of salt and code, plus a
short keyed lookup prefix so that a typed code is checked against a few rows, not all.
"""

import hashlib
import hmac
import secrets

from django.conf import settings

ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
LENGTH = 10
ITERATIONS = 20_000  # a code has ~50 bits; the salt and the rounds make a stolen table useless


def new_code() -> str:
    return "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))


def normalise(typed: str) -> str:
    """What a person types: spaces, dashes and lower case do not matter."""
    return "".join(c for c in typed.upper() if c.isalnum())


def printable(code: str) -> str:
    return f"{code[:5]}-{code[5:]}"


def lookup(code: str) -> str:
    return hmac.new(settings.SECRET_KEY.encode(), b"code " + code.encode(), hashlib.sha256).hexdigest()[:8]


def digest(code: str, salt: str) -> str:
    return hashlib.pbkdf2_hmac("sha256", code.encode(), salt.encode(), ITERATIONS).hex()


def matches(code: str, salt: str, stored: str) -> bool:
    return hmac.compare_digest(digest(code, salt), stored)
