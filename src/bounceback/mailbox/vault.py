"""Locking mailbox app passwords with the centre's key, so the database never holds one.

Fernet (from ``cryptography``): AES in CBC mode with an HMAC, each token stamped with
the time it was made. ``BOUNCEBACK_MAIL_KEY`` lists the keys, newest first: the first
locks, any of them opens (``MultiFernet``), and ``relock`` moves a token to the first
key, so a centre rotates by putting a new key first, running ``bounceback mail-key
--rotate``, then dropping the old one. Without a key, mailbox connections are off.
"""

from __future__ import annotations

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings

from bounceback.errors import UserError

NOT_SWITCHED_ON = (
    "Your career centre has not switched on connecting a mailbox here yet. Until they do, "
    "you can paste a rejection e-mail, or ask them about it."
)
KEY_GONE = (
    "bounceback can no longer open the app password you saved (the centre changed its key). "
    "Save your app password here again and checks start again."
)


def switched_on() -> bool:
    """Whether the centre has set a key to lock mailbox passwords with."""
    return bool(settings.BOUNCEBACK_MAIL_KEYS)


def _keys() -> MultiFernet:
    if not switched_on():
        raise UserError(NOT_SWITCHED_ON)
    return MultiFernet([Fernet(key) for key in settings.BOUNCEBACK_MAIL_KEYS])


def lock(password: str) -> str:
    """The password locked with the newest key, as text for the database."""
    return _keys().encrypt(password.encode("utf-8")).decode("ascii")


def unlock(token: str) -> str:
    """The password again; a warm UserError when no key listed opens it."""
    try:
        return _keys().decrypt(token.encode("ascii")).decode("utf-8")
    except (InvalidToken, UnicodeError):
        raise UserError(KEY_GONE) from None


def relock(token: str) -> str:
    """The same password locked with the newest key (for rotation)."""
    try:
        return _keys().rotate(token.encode("ascii")).decode("ascii")
    except (InvalidToken, UnicodeError):
        raise UserError(KEY_GONE) from None


def new_key() -> str:
    """A fresh random key, for BOUNCEBACK_MAIL_KEY."""
    return Fernet.generate_key().decode("ascii")
