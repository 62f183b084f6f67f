"""Reading mailboxes: an mbox file (Google Takeout included), one .eml, a Maildir, or a
folder of .eml files, streamed one message at a time.

Memory stays flat however large the mailbox: an mbox is read in 1 MiB chunks and
split on its "From " separator lines with ``bytes.find``, so only the message
being read is held. A single message larger than ``MAX_MESSAGE_BYTES`` is passed
over (and reported) without being held at all.

``iter_messages`` never raises for one bad message: it yields a ``ParseProblem``
for it and goes on with the rest.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from bounceback.errors import UserError
from bounceback.lib.files import check_regular_file
from bounceback.lib.hygiene import clip
from bounceback.lib.mail.mime import NotAnEmail, Parsed, parse

CHUNK = 1 << 20
MAX_MESSAGE_BYTES = 64 << 20  # a message with a 50 MB attachment is read; a 64 MB+ one is not
_FROM_LINE = re.compile(rb"From \S*[^\n]*\d\d:\d\d")  # "From sender Mon Jan  2 15:04:05 2006"
_QUOTED_FROM = re.compile(rb"^>(>*From )", re.M)
_HEADER_START = re.compile(rb"^[!-9;-~]+[ \t]*:")


class MailboxError(UserError):
    """The path cannot be read as a mailbox; the message says what to do."""


@dataclass(frozen=True, slots=True)
class RawMessage:
    position: int  # 1-based, in mailbox order
    location: str  # "message 12" in an mbox, the file name otherwise
    data: bytes | None  # None when the message was too large to hold
    done: int  # progress so far, in the unit of ``mailbox_size`` (bytes or files)


@dataclass(frozen=True, slots=True)
class ParseProblem:
    """A message that could not be read, and why, in words for the person."""

    position: int
    reason: str
    location: str = ""

    def line(self) -> str:
        return f"{self.location or f'message {self.position}'}: {self.reason}"


# --- which kind of mailbox -----------------------------------------------------


def detect(path: Path) -> str:
    """'mbox', 'eml', 'maildir' or 'eml-folder'; a MailboxError saying what to do otherwise."""
    try:
        exists, is_dir = path.exists(), path.is_dir()
    except (OSError, ValueError):  # a name too long for the system, or a NUL in it
        exists = is_dir = False
    if not exists:
        raise MailboxError(f"There is nothing at {clip(path, 120)}. Check the path and try again.")
    if is_dir:
        if (path / "cur").is_dir() or (path / "new").is_dir():
            return "maildir"
        if any(_eml_files(path)):
            return "eml-folder"
        raise MailboxError(
            f"{path} is a folder with no e-mails bounceback can read. "
            "Give an mbox file, a Maildir (with cur/ and new/), or a folder of .eml files."
        )
    try:
        # A FIFO would block here and /dev/zero would never end: regular files only.
        check_regular_file(path, "mailbox")
        with path.open("rb") as handle:
            start = handle.read(4096)
    except UserError as error:
        raise MailboxError(str(error)) from None
    except OSError as error:
        raise MailboxError(f"Could not read {clip(path, 120)}: {error.strerror}.") from None
    if start.startswith(b"From "):
        return "mbox"
    if _HEADER_START.match(start.lstrip(b"\r\n")):
        return "eml"
    if not start:
        raise MailboxError(f"{path} is empty.")
    raise MailboxError(
        f"{path} does not look like an e-mail or a mailbox. "
        "Give an mbox file (e.g. a Google Takeout export), a .eml file, a Maildir, "
        "or a folder of .eml files."
    )


def _eml_files(folder: Path) -> Iterator[Path]:
    return (p for p in sorted(folder.iterdir()) if p.is_file() and p.suffix.lower() == ".eml")


def _maildir_files(folder: Path) -> list[Path]:
    # Maildir names start with the delivery time, so sorting them gives arrival order.
    files = [
        p for sub in ("cur", "new") if (folder / sub).is_dir() for p in (folder / sub).iterdir()
    ]
    return sorted((p for p in files if p.is_file()), key=lambda p: p.name)


def mailbox_size(path: Path) -> int:
    """The total for a progress bar: bytes for an mbox, files otherwise."""
    kind = detect(path)
    if kind == "mbox":
        return path.stat().st_size
    if kind == "maildir":
        return len(_maildir_files(path))
    if kind == "eml-folder":
        return sum(1 for _ in _eml_files(path))
    return 1


# --- raw messages --------------------------------------------------------------


def iter_raw(path: Path | str) -> Iterator[RawMessage]:
    """The raw bytes of each message, in mailbox order, streaming."""
    path = Path(path)
    kind = detect(path)
    if kind == "mbox":
        yield from _iter_mbox(path)
        return
    files = (
        [path]
        if kind == "eml"
        else _maildir_files(path)
        if kind == "maildir"
        else list(_eml_files(path))
    )
    for index, file in enumerate(files, start=1):
        name = file.name if kind != "maildir" else f"{file.parent.name}/{file.name}"
        try:
            size = file.stat().st_size
            data = None if size > MAX_MESSAGE_BYTES else file.read_bytes()
        except OSError as error:
            yield RawMessage(index, f"{name} (unreadable: {error.strerror})", None, index)
            continue
        yield RawMessage(index, name, data, index)


def _is_separator(buf: bytes | bytearray, at: int) -> bool:
    """Whether the "From " line starting at ``at`` separates messages.

    Writers quote body lines that start with "From " (as ">From "), but not all
    do; a blank line before it, or a From_ line with a time in it, tells a
    separator from a sentence.
    """
    if at == 0 or buf[at - 2 : at] == b"\n\n" or buf[at - 3 : at] == b"\n\r\n":
        return True
    end = buf.find(b"\n", at)
    return bool(_FROM_LINE.match(buf, at, end if end != -1 else len(buf)))


def _iter_mbox(path: Path) -> Iterator[RawMessage]:
    position = 0
    consumed = 0  # bytes of the file dropped from the front of ``buf``
    skipping = False  # inside an oversized message: drop data until the next separator
    with path.open("rb") as handle:
        buf = bytearray(handle.read(CHUNK))  # bytearray: appending a chunk is amortised O(1)
        eof = not buf
        scanned = 1  # where to look for the next separator (never rescan a long message)
        while True:
            nxt = -1
            while True:
                hit = buf.find(b"\nFrom ", scanned)
                if hit == -1:
                    break
                scanned = hit + 1
                if _is_separator(buf, hit + 1):
                    nxt = hit + 1
                    break
            if nxt == -1 and not eof:
                if len(buf) > MAX_MESSAGE_BYTES:
                    # Too large to hold: keep a short tail, in case a separator straddles chunks.
                    skipping = True
                    keep = 64
                    consumed += len(buf) - keep
                    del buf[:-keep]
                scanned = max(1, len(buf) - 8)
                more = handle.read(CHUNK)
                if more:
                    buf += more
                else:
                    eof = True
                continue
            end = nxt if nxt != -1 else len(buf)
            done = consumed + end
            if skipping:
                position += 1
                yield RawMessage(position, f"message {position}", None, done)
                skipping = False
            elif buf[:end].strip():
                position += 1
                yield RawMessage(position, f"message {position}", _unmbox(bytes(buf[:end])), done)
            if nxt == -1:
                return
            consumed += nxt
            del buf[:nxt]
            scanned = 1


def _unmbox(chunk: bytes) -> bytes:
    """A message as stored in an mbox -> the message: no From_ line, ">From " unquoted."""
    newline = chunk.find(b"\n")
    data = chunk[newline + 1 :] if chunk.startswith(b"From ") else chunk
    if data.endswith(b"\r\n\r\n"):
        data = data[:-2]
    elif data.endswith(b"\n\n"):
        data = data[:-1]  # the blank line before the next separator belongs to the mbox
    if b">From " in data:
        data = _QUOTED_FROM.sub(rb"\1", data)
    return data


# --- parsed messages -----------------------------------------------------------


def iter_messages(path: Path | str, *, prefilter: bool = True) -> Iterator[Parsed | ParseProblem]:
    """Each message parsed, or a ParseProblem for one that could not be; never stops early."""
    for raw in iter_raw(path):
        yield read_one(raw, prefilter=prefilter)


def read_one(
    raw: RawMessage, *, prefilter: bool = True, lazy_html: bool = False
) -> Parsed | ParseProblem:
    """Parse one raw message; any failure becomes a ParseProblem with a readable reason."""
    if raw.data is None:
        reason = (
            "could not be read"
            if "unreadable" in raw.location
            else f"larger than {MAX_MESSAGE_BYTES >> 20} MB, skipped"
        )
        return ParseProblem(raw.position, reason, raw.location)
    if not raw.data.strip():
        return ParseProblem(raw.position, "empty message, skipped", raw.location)
    try:
        return parse(
            raw.data,
            prefilter=prefilter,
            position=raw.position,
            location=raw.location,
            lazy_html=lazy_html,
        )
    except NotAnEmail as error:
        return ParseProblem(raw.position, f"not an e-mail ({error}), skipped", raw.location)
    except (RecursionError, MemoryError):
        return ParseProblem(raw.position, "too deeply nested to read, skipped", raw.location)
    except Exception as error:  # one bad message must never stop the rest
        return ParseProblem(
            raw.position,
            f"could not be read ({type(error).__name__}), skipped",
            raw.location,
        )
