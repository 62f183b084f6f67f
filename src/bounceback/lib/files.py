"""Reading a file a person named: a regular file only, with a size cap, never a hang.

Every command that takes a path to read (an e-mail, a reply, a mailbox, a certificate)
goes through here first. A FIFO would block the command forever, /dev/zero would fill the
memory, a folder or a missing file would end in a traceback: each becomes one plain message.
"""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

from bounceback.errors import UserError
from bounceback.lib.hygiene import clip, without_controls

# Far above any e-mail or reply a person would paste, far below what would hurt the machine.
MAX_TEXT_BYTES = 5 * 1024 * 1024


def check_regular_file(path: Path | str, what: str = "file") -> Path:
    """``path`` if it names a regular file that can be opened; a UserError saying why not."""
    shown = clip(path, 120)
    try:
        info = Path(path).stat()
    except FileNotFoundError:
        raise UserError(f"There is no {what} at {shown}. Check the path and try again.") from None
    except (OSError, ValueError) as error:
        reason = getattr(error, "strerror", None) or "the path is not valid"
        raise UserError(f"Could not read {shown}: {reason}.") from None
    if stat.S_ISDIR(info.st_mode):
        raise UserError(f"{shown} is a folder. Give the path of a {what}.")
    if not stat.S_ISREG(info.st_mode):
        raise UserError(
            f"{shown} is not an ordinary file (it is a device, a pipe or a socket). "
            f"Save the {what} to a file first, then give its path."
        )
    return Path(path)


def read_named_bytes(path: Path | str, what: str = "file", limit: int = MAX_TEXT_BYTES) -> bytes:
    """The bytes of a regular file, refused with a message when special, missing or too big."""
    check_regular_file(path, what)
    shown = clip(path, 120)
    try:
        # O_NONBLOCK: should the path have become a FIFO since the check, opening cannot block.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(fd, "rb") as handle:
            if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
                raise UserError(f"{shown} is not an ordinary file. Give the path of a {what}.")
            data = handle.read(limit + 1)
    except OSError as error:
        raise UserError(f"Could not read {shown}: {error.strerror}.") from None
    return _within(data, shown, what, limit)


def read_named_text(path: str, what: str = "file", limit: int = MAX_TEXT_BYTES) -> str:
    """Text from a file path, or standard input for '-': UTF-8 (bad bytes replaced), no controls."""
    if path == "-":
        data = _within(sys.stdin.buffer.read(limit + 1), "standard input", what, limit)
    else:
        data = read_named_bytes(path, what, limit)
    # What a person names is mail or a reply: control characters and terminal escapes never
    # reach the database or a terminal (tabs and line ends kept).
    return without_controls(data.decode("utf-8", errors="replace"))


def _within(data: bytes, shown: str, what: str, limit: int) -> bytes:
    if len(data) > limit:
        raise UserError(
            f"{shown} is larger than {limit // (1024 * 1024)} MB, far more than a {what} "
            "bounceback can read. Check it is the right file."
        )
    return data
