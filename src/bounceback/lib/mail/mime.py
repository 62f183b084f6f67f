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
from datetime import datetime, timedelta, timezone
from email.header import decode_header, make_header
from email.message import Message
from email.utils import getaddresses, parsedate_to_datetime

from bounceback.lib.hygiene import without_controls
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

# A header name is printable ASCII without a colon; folded lines start with a space or tab.
_FIELDS = re.compile(r"^([!-9;-~]+)[ \t]*:[ \t]*(.*(?:\n[ \t].*)*)", re.M)
_MSGID = re.compile(r"<([^<>]*)>")
_FORWARD_MARK = "---------- Forwarded message ---------"


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
    # The raw bytes, kept only when the HTML part was left undecoded (``lazy_html``): a
    # job e-mail is read again in full (``with_html``) before it is stored.
    raw: bytes | None = None
    # The message as it arrived, for the importer to keep with job mail. Not kept for mail
    # the prefilter ruled out (it is never stored); holding it costs no copy.
    original: bytes | None = None

    def with_html(self) -> Parsed:
        """This message with its HTML part decoded too (itself when nothing was left out)."""
        if self.raw is None:
            return self
        return parse(self.raw, prefilter=False, position=self.position, location=self.location)


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
    lf = raw.find(b"\n\n")
    crlf = raw.find(b"\r\n\r\n", 0, lf if lf != -1 else len(raw))
    if crlf != -1:
        return raw[:crlf], raw[crlf + 4 :]
    if lf != -1:
        return raw[:lf], raw[lf + 2 :]
    return raw, b""


def parse_headers(block: bytes) -> dict[str, str]:
    """Lower-case name -> unfolded value; the first occurrence wins (Received: etc. repeat).

    Lines that are neither a header nor a continuation are ignored.
    """
    headers: dict[str, str] = {}
    text = _text(block)
    if "\r" in text:
        text = text.replace("\r", "")
    for name, value in _FIELDS.findall(text):
        key = name.lower()
        if key not in headers:
            headers[key] = " ".join(value.split()) if "\n" in value else value.strip()
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


_MONTHS = {
    m: i
    for i, m in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1
    )
}
_DATE = re.compile(
    r"^\s*(?:[A-Za-z]{3},?\s*)?(\d{1,2})\s+([A-Za-z]{3})\s+(\d{4})\s+(\d\d):(\d\d)(?::(\d\d))?\s+([+-])(\d\d)(\d\d)\b"
)


def parse_date(value: str | None) -> datetime | None:
    """A Date: header as a datetime (aware when it had a zone); None when unreadable."""
    if not value:
        return None
    # The usual RFC 5322 shape, read directly: the stdlib path costs several times more.
    fast = _DATE.match(value)
    if fast and fast.group(2).lower() in _MONTHS and fast.group(7, 8, 9) != ("-", "00", "00"):
        day, month, year, hour, minute, second, sign, zh, zm = fast.groups()
        offset = timedelta(hours=int(zh), minutes=int(zm)) * (-1 if sign == "-" else 1)
        try:
            return datetime(
                int(year),
                _MONTHS[month.lower()],
                int(day),
                int(hour),
                int(minute),
                int(second or 0),
                tzinfo=timezone(offset),
            )
        except ValueError:
            pass
    try:
        return parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None


# The shapes nearly every From: header takes; anything else goes to the stdlib parser.
_SIMPLE_FROM = re.compile(
    r'^\s*(?:"([^"\\]*)"|([^"<>,;:@\\()]*?))\s*<([^<>\s"(),;:@]+@[^<>\s"(),;:@]+)>\s*$'
    r'|^\s*<?([^<>\s"(),;:@]+@[^<>\s"(),;:@]+)>?\s*$'
)


def parse_from(value: str) -> tuple[str, str]:
    """(display name, lower-cased address) from a From: header, forgiving."""
    if not value:
        return "", ""
    simple = _SIMPLE_FROM.match(value)
    if simple:
        quoted, bare, addr, lone = simple.groups()
        name = quoted if quoted is not None else (bare or "")
        return decode_words(name).strip(), (addr or lone).lower()
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
    lazy_html: bool = False  # leave HTML undecoded once a plain text part is read
    html_skipped: bool = False


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
    if subtype == "html" and out.lazy_html and any(_is_text(p) for p in out.plain):
        # The plain part says what the mail says; its HTML twin is decoded later, and
        # only for job mail (to show in Mail review).
        out.html_skipped = True
        return
    data = _decode_payload(body, headers.get("content-transfer-encoding", ""))
    charset = ctype.get_param("charset")
    text = data.decode(_codec(charset if isinstance(charset, str) else None), errors="replace")
    (out.html if subtype == "html" else out.plain).append(text[:MAX_TEXT_CHARS])


def _is_text(part: str) -> bool:
    """A plain part with words in it (a forwarded message's header block is not one)."""
    return bool(part.strip()) and not part.startswith(_FORWARD_MARK)


def _forward_header(headers: dict[str, str]) -> str:
    """The header lines of a forwarded message, written the way mail clients quote them,
    so the analyser can find the original sender."""
    lines = [_FORWARD_MARK]
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


def _no_nul(text: str) -> str:
    """Without NUL and other control characters: broken mail carries NUL (which PostgreSQL
    refuses in text), and a hostile one terminal escapes that `bounceback show` would print."""
    return without_controls(text)


def _one_line(text: str) -> str:
    return without_controls(text, multiline=False)


def parse(
    raw: bytes,
    *,
    prefilter: bool = True,
    position: int = 1,
    location: str = "",
    lazy_html: bool = False,
) -> Parsed:
    """Read one raw message. With ``prefilter``, bodies of plainly unrelated mail are skipped;
    with ``lazy_html``, an HTML part beside a plain text one is left undecoded."""
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
    text, html, skipped = ("", None, False) if unrelated else _bodies(headers, body, lazy_html)
    message_id = normalise_message_id(headers.get("message-id"))
    message = MailMessage(
        message_id=_one_line(message_id) if message_id else message_id,
        date=parse_date(headers.get("date")),
        from_name=_one_line(from_name),
        from_addr=_one_line(from_addr),
        subject=_one_line(subject),
        text=_no_nul(text),
        html=_no_nul(html) if html else html,
        to=_one_line(decode_words(headers.get("to", ""))[:1000]),
        headers={key: _one_line(value) for key, value in kept.items()},
        raw_hash=hashlib.sha256(raw).hexdigest(),
    )
    return Parsed(
        position,
        location or f"message {position}",
        message,
        unrelated,
        raw if skipped else None,
        None if unrelated else raw,
    )


def _bodies(
    headers: dict[str, str], body: bytes, lazy_html: bool = False
) -> tuple[str, str | None, bool]:
    """The best plain text (text/plain preferred, else HTML turned into text), the raw HTML,
    and whether an HTML part was left undecoded."""
    out = _Bodies([], [], lazy_html=lazy_html)
    if "content-type" not in headers:
        headers = {**headers, "content-type": "text/plain"}
    _walk(headers, body, 0, out)
    html = "\n".join(out.html)[:MAX_TEXT_CHARS] if out.html else None
    plain = [p for p in out.plain if p.strip()]
    if plain and any(not p.startswith(_FORWARD_MARK) for p in plain):
        text = "\n\n".join(plain)
    elif html:
        text = "\n\n".join([*plain, clean_text(html)])
    else:
        text = "\n\n".join(plain)
    return text[:MAX_TEXT_CHARS], html, out.html_skipped
