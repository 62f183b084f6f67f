"""Text from outside made safe to keep and to show: control characters, links, long values.

Mail, files and arguments can carry bytes no person typed: NUL (which PostgreSQL refuses in
text), terminal escape sequences (which would recolour, retitle or rewrite a terminal when
`bounceback show` prints a subject), and links with schemes that run code when clicked.
These helpers need no Django, so the mail reader, the services and the CLI share them.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

# ESC-led sequences first (CSI "ESC [ ... final", OSC "ESC ] ... BEL/ST", and two-byte
# ones), so that their printable tails ("[31m") go with them rather than staying behind.
_ESCAPES = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"  # CSI: colours, cursor moves, clearing the screen
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?"  # OSC: window titles, hyperlinks
    r"|\x1b[@-Z\\-_]"  # other two-byte escapes
    r"|\x9b[0-?]*[ -/]*[@-~]"  # the one-byte CSI of the C1 set
)
# Every other C0 and C1 control and DEL; tab and line ends are kept in multi-line text.
_CONTROLS_KEEP_LINES = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_SAFE_CONTROLS = frozenset("\t\n\r")
_CONTROLS = re.compile(r"[\x00-\x1f\x7f-\x9f]")

SAFE_SCHEMES = ("http", "https")


def without_controls(text: str, *, multiline: bool = True) -> str:
    """``text`` without terminal escapes and control characters.

    Multi-line text keeps its tabs and line breaks (a carriage return becomes nothing, so
    Windows line ends read as Unix ones); a one-line value (a subject, a name) has every
    control character removed and its line breaks turned into spaces.
    """
    if multiline:
        text = without_escapes(text)
        return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text
    if text.isprintable() or not text:
        return text
    return _CONTROLS.sub("", re.sub(r"[\t\r\n]+", " ", _ESCAPES.sub("", text)))


def without_escapes(text: str) -> str:
    """``text`` without terminal escapes and control characters; tabs and line ends kept as
    they are (what is checked before anything is saved)."""
    if not text or text.isprintable() or not _has_controls(text):
        return text
    return _CONTROLS_KEEP_LINES.sub("", _ESCAPES.sub("", text))


def _has_controls(text: str) -> bool:
    # Most text fails isprintable() only for its line ends: a cheap test before the regexes.
    return bool(_CONTROLS_KEEP_LINES.search(text))


def is_safe_link(url: str) -> bool:
    """Whether a link may be kept and shown as a link: http or https, with a host."""
    url = url.strip()
    if not url:
        return False
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    return parts.scheme.lower() in SAFE_SCHEMES and bool(parts.netloc)


def clip(value: object, limit: int = 60) -> str:
    """A value as it may appear inside a message: short, on one line, its length said if cut.

    Messages quote what the person typed so they can spot the mistake; a 100,000-character
    value quoted whole would bury the message (and makes a terminal crawl).
    """
    text = without_controls(str(value), multiline=False)
    if len(text) <= limit:
        return text
    return f"{text[: limit - 1]}… ({len(text):,} characters)"
