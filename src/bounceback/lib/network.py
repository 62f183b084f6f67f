"""Ports and host names a person typed, checked before anything listens or connects."""

from __future__ import annotations

from bounceback.errors import UserError
from bounceback.lib.hygiene import clip

MAX_HOST_CHARS = 253  # the longest name DNS allows


def check_port(port: int, usual: str = "") -> int:
    """``port`` if a server can use it; a message naming the range otherwise."""
    if not 1 <= port <= 65535:
        hint = f" ({usual})" if usual else ""
        raise UserError(f"{clip(port)} is not a port number: use one from 1 to 65535{hint}.")
    return port


def check_host(host: str) -> str:
    """``host`` if it can be a host name or address: short enough, one word, printable."""
    if not host.strip() or len(host) > MAX_HOST_CHARS or not host.isprintable() or " " in host:
        raise UserError(
            f"“{clip(host)}” is not a host name or address. Give one such as 127.0.0.1, "
            "localhost or imap.example.org."
        )
    return host
