"""Raw e-mail bytes -> MailMessage: headers first, bodies only when they may matter.

Why not ``email.message_from_bytes``: the standard parser decodes every part,
attachments included, line by line. A mailbox is mostly newsletters and
receipts, and the few job e-mails need only their text. So this module reads
the header block by hand, asks the analyser's header prefilter whether the
body is worth decoding at all, and then walks the MIME tree with
``bytes.find`` (C speed), decoding text parts only and never touching
attachments. Everything here is forgiving: a broken part yields less text, not
an exception (``parse`` itself can still raise on input that is not an e-mail
at all; ``reader.iter_messages`` turns that into a ParseProblem).
"""

from __future__ import annotations

import base64
import binascii
import codecs
import hashlib
import re
from dataclasses import dataclass
from datetime import datetime
from email.header import decode_header, make_header
from email.message import Message
from email.utils import getaddresses, parsedate_to_datetime

from bounceback.lib.mail.extract import clean_text
from bounceback.lib.mail.message import MailMessage

MAX_DEPTH = 8  # nested multiparts deeper than this are malformed or hostile
MAX_PARTS = 200
MAX_TEXT_CHARS = 200_000  # enough for any real letter; stops a 40 MB "text" part
# Headers kept on MailMessage.headers: what the analyser and the review queue use.
KEPT_HEADERS = (
    "list-id",
    "list-post",
    "list-unsubscribe",
    "precedence",
    "auto-submitted",
    "reply-to",
    "x-mailer",
)

_HEADER_END = re.compile(rb"\r?\n\r?\n")
_FIELD = re.compile(r"^([!-9;-~]+)[ \t]*:[ \t]*(.*)$")  # a header name is printable, no colon
_MSGID = re.compile(r"<([^<>]*)>")


class NotAnEmail(ValueError):
    """The bytes have no header block: nothing to read."""


@dataclass(frozen=True, slots=True)
class Parsed:
    """One message read from a mailbox.

    ``unrelated`` means the header prefilter ruled it out, so its body was not
    decoded (``message.text`` is empty) and it needs no analysis: it is not job mail.
    """

    position: int  # 1-based, in mailbox order
    location: str  # where to find it: "message 12" or a file name
    message: MailMessage
    unrelated: bool = False


# --- headers -------------------------------------------------------------------


def _text(data: bytes) -> str:
    """Bytes of unknown encoding as text: UTF-8 when it is, Latin-1 (never fails) otherwise."""
    try:
        return data.decode("ascii")
    except UnicodeDecodeError:
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError:
            return data.decode("latin-1")


def split_head(raw: bytes) -> tuple[bytes, bytes]:
    """The header block and the body, split at the first blank line."""
    match = _HEADER_END.search(raw)
    if match is None:
        return raw, b""
    return raw[: match.start()], raw[match.end() :]


def parse_headers(block: bytes) -> dict[str, str]:
    """Lower-case name -> unfolded value; the first occurrence wins (Received: etc. repeat)."""
    headers: dict[str, str] = {}
    name = ""
    value = ""
    for line in _text(block).replace("\r", "").split("\n"):
        if line[:1] in (" ", "\t"):
            if name:
                value += " " + line.strip()
            continue
        if name and name not in headers:
            headers[name] = value
        match = _FIELD.match(line)
        if match:
            name, value = match.group(1).lower(), match.group(2).strip()
        else:
            name = ""  # a junk line in the header block: ignore it, keep reading
    if name and name not in headers:
        headers[name] = value
    return headers


def _codec(charset: str | None) -> str:
    """A codec Python knows for a declared charset; UTF-8 for unknown or missing ones."""
    if not charset:
        return "utf-8"
    charset = charset.strip().strip('"').lower()
    try:
        name = codecs.lookup(charset).name
    except (LookupError, ValueError):
        return "utf-8"
    # us-ascii is often a lie (8-bit text sent anyway); utf-8 is a superset.
    return "utf-8" if name == "ascii" else name


def decode_words(value: str) -> str:
    """RFC 2047 encoded words ("=?utf-8?q?...?=") decoded; broken ones kept as they are."""
    if "=?" not in value:
        return value
    try:
        pieces = decode_header(value)
    except Exception:  # the stdlib raises several kinds on malformed words
        return value
    try:
        # make_header puts back the spaces between encoded words and plain text.
        return str(make_header(pieces))
    except Exception:  # an unknown charset: decode each piece forgivingly instead
        return " ".join(
            chunk if isinstance(chunk, str) else chunk.decode(_codec(charset), errors="replace")
            for chunk, charset in pieces
        )


def normalise_message_id(value: str | None) -> str | None:
    """'<ABC@host>' -> 'ABC@host'; None when there is nothing usable."""
    if not value:
        return None
    match = _MSGID.search(value)
    text = (match.group(1) if match else value).strip()
    text = "".join(text.split())  # folded ids sometimes carry a space
    return text[:500] or None


def parse_date(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        return parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None


def parse_from(value: str) -> tuple[str, str]:
    """(display name, lower-cased address) from a From: header, forgiving."""
    if not value:
        return "", ""
    try:
        pairs = getaddresses([value])
    except Exception:  # malformed address lists can trip the stdlib parser
        pairs = []
    name, addr = pairs[0] if pairs else ("", "")
    if not addr and "@" in value:
        addr = value.strip().strip("<>")
    return decode_words(name).strip().strip('"'), addr.strip().lower()


# --- bodies --------------------------------------------------------------------


def _content_type(value: str | None) -> Message:
    """A throw-away Message holding one Content-Type, for the stdlib's parameter parsing."""
    holder = Message()
    if value:
        holder["content-type"] = value
    return holder


def _decode_payload(body: bytes, encoding: str) -> bytes:
    encoding = encoding.strip().lower()
    try:
        if encoding == "base64":
            cleaned = re.sub(rb"[^A-Za-z0-9+/]", b"", body)
            cleaned = cleaned[: len(cleaned) - len(cleaned) % 4]
            return base64.b64decode(cleaned)
        if encoding == "quoted-printable":
            return binascii.a2b_qp(body)
    except (binascii.Error, ValueError):
        return b""
    return body


@dataclass(slots=True)
class _Bodies:
    plain: list[str]
    html: list[str]
    parts: int = 0


def _walk(headers: dict[str, str], body: bytes, depth: int, out: _Bodies) -> None:
    """Collect the text parts of one MIME entity (recursively), skipping attachments."""
    out.parts += 1
    if depth > MAX_DEPTH or out.parts > MAX_PARTS:
        return
    ctype = _content_type(headers.get("content-type"))
    main = ctype.get_content_maintype()
    disposition = headers.get("content-disposition", "").lower()
    if main == "multipart":
        boundary = ctype.get_param("boundary")
        if isinstance(boundary, str) and boundary:
            for part in _split_multipart(body, boundary.encode("latin-1", "replace")):
                head, rest = split_head(part)
                _walk(parse_headers(head), rest, depth + 1, out)
        return
    if main == "message" and ctype.get_content_subtype() == "rfc822":
        head, rest = split_head(_decode_payload(body, headers.get("content-transfer-encoding", "")))
        inner = parse_headers(head)
        out.plain.append(_forward_header(inner))
        _walk(inner, rest, depth + 1, out)
        return
    if main != "text" or disposition.startswith("attachment"):
        return
    subtype = ctype.get_content_subtype()
    if subtype not in ("plain", "html"):
        return
    data = _decode_payload(body, headers.get("content-transfer-encoding", ""))
    charset = ctype.get_param("charset")
    text = data.decode(_codec(charset if isinstance(charset, str) else None), errors="replace")
    (out.html if subtype == "html" else out.plain).append(text[:MAX_TEXT_CHARS])


def _forward_header(headers: dict[str, str]) -> str:
    """The header lines of a forwarded message, written the way mail clients quote them,
    so the analyser can find the original sender."""
    lines = ["---------- Forwarded message ---------"]
    for key, label in (("from", "From"), ("date", "Date"), ("subject", "Subject"), ("to", "To")):
        if headers.get(key):
            lines.append(f"{label}: {decode_words(headers[key])}")
    return "\n".join(lines) + "\n"


def _split_multipart(body: bytes, boundary: bytes) -> list[bytes]:
    """The parts between '--boundary' lines (the preamble and epilogue dropped)."""
    marker = b"--" + boundary
    parts: list[bytes] = []
    start = body.find(marker)
    while start != -1 and len(parts) < MAX_PARTS:
        line_end = body.find(b"\n", start)
        if line_end == -1 or body[start + len(marker) : start + len(marker) + 2] == b"--":
            break
        nxt = body.find(b"\n" + marker, line_end)
        end = nxt if nxt != -1 else len(body)
        parts.append(body[line_end + 1 : end].rstrip(b"\r"))
        start = nxt + 1 if nxt != -1 else -1
    return parts


# --- the message ---------------------------------------------------------------


def parse(raw: bytes, *, prefilter: bool = True, position: int = 1, location: str = "") -> Parsed:
    """Read one raw message. With ``prefilter``, bodies of plainly unrelated mail are skipped."""
    head, body = split_head(raw)
    headers = parse_headers(head)
    if not headers:
        raise NotAnEmail("no e-mail headers at the top")
    from_name, from_addr = parse_from(headers.get("from", ""))
    subject = " ".join(decode_words(headers.get("subject", "")).split())
    kept = {key: headers[key] for key in KEPT_HEADERS if key in headers}
    unrelated = False
    if prefilter:
        from bounceback.lib.mail.analysis import is_clearly_unrelated

        unrelated = is_clearly_unrelated(from_addr, from_name, subject, kept)
    text, html = ("", None) if unrelated else _bodies(headers, body)
    message = MailMessage(
        message_id=normalise_message_id(headers.get("message-id")),
        date=parse_date(headers.get("date")),
        from_name=from_name,
        from_addr=from_addr,
        subject=subject,
        text=text,
        html=html,
        to=decode_words(headers.get("to", ""))[:1000],
        headers=kept,
        raw_hash=hashlib.sha256(raw).hexdigest(),
    )
    return Parsed(position, location or f"message {position}", message, unrelated)


def _bodies(headers: dict[str, str], body: bytes) -> tuple[str, str | None]:
    """The best plain text (text/plain preferred, else HTML turned into text) and the raw HTML."""
    out = _Bodies([], [])
    if "content-type" not in headers:
        headers = {**headers, "content-type": "text/plain"}
    _walk(headers, body, 0, out)
    html = "\n".join(out.html)[:MAX_TEXT_CHARS] if out.html else None
    plain = [p for p in out.plain if p.strip()]
    if plain and any(not p.startswith("---------- Forwarded") for p in plain):
        text = "\n\n".join(plain)
    elif html:
        text = "\n\n".join([*plain, clean_text(html)])
    else:
        text = "\n\n".join(plain)
    return text[:MAX_TEXT_CHARS], html
