"""What a zip may be before `restore` unpacks anything from it: no zip bomb, no name outside it.

An export is small (the demo's JSON is 0.2 MB, a search of 5,000 applications 16 MB, each
e-mail at most 5 MB) and its files are named ``bounceback-export.json``, ``csv/…``,
``mail/…`` and ``README.txt``. A zip far bigger than that, or holding more files, or a
name that leads out of the folder it is unpacked into, is refused before it is read.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from bounceback.errors import UserError
from bounceback.lib.hygiene import clip

# The whole zip, unpacked (and the zip file itself): an export of 5,000 applications is
# 16 MB of JSON, and each e-mail in it is at most 5 MB. The rest are limits on a zip bomb's
# other shapes: more files than any export holds (one per e-mail, one spreadsheet per
# kind), and a list of them (the central directory) too long to read into memory.
MAX_TOTAL_BYTES = 1024 * 1024 * 1024
MAX_MEMBERS = 100_000
MAX_DIRECTORY_BYTES = 32 * 1024 * 1024

TOO_BIG = (
    "{name} is bigger than any bounceback export ({why}), so it was not unpacked. Choose the "
    ".zip that `bounceback export` made. Nothing was changed."
)
NOT_AN_EXPORT = (
    "{name} is not a bounceback export{why}. Choose the .zip that `bounceback export` or "
    "Settings → Download everything made. Nothing was changed."
)
DAMAGED = (
    "{name} looks damaged ({why}). Export again from where the data is, or try another "
    "copy. Nothing was changed."
)


def check_outside(path: Path, name: str) -> None:
    """Refuse a zip too big to be an export before its list of files is read.

    ``zipfile`` reads the whole central directory into memory on opening, however long it
    says it is, so its length is read first from the zip's last record (where ``zipfile``
    finds it too); a zip without that record is left for ``zipfile`` to call damaged."""
    size = path.stat().st_size
    if size > MAX_TOTAL_BYTES:
        raise UserError(TOO_BIG.format(name=name, why=f"the zip is {megabytes(size)}"))
    directory = _directory_size(path, size)
    if directory is not None and directory > MAX_DIRECTORY_BYTES:
        raise UserError(
            TOO_BIG.format(name=name, why=f"its list of files alone is {megabytes(directory)}")
        )


def _directory_size(path: Path, size: int) -> int | None:
    """The central directory's length in bytes, from the end of central directory record
    (or its ZIP64 form), or None when there is no such record."""
    with path.open("rb") as handle:
        tail_start = max(0, size - (22 + 0xFFFF))  # the record, and a comment of up to 64 KB
        handle.seek(tail_start)
        tail = handle.read()
        at = tail.rfind(b"PK\x05\x06")
        if at < 0 or len(tail) - at < 22:
            return None
        directory = int.from_bytes(tail[at + 12 : at + 16], "little")
        locator = tail[at - 20 : at] if at >= 20 else b""
        if directory == 0xFFFFFFFF and locator[:4] == b"PK\x06\x07":
            handle.seek(int.from_bytes(locator[8:16], "little"))
            record = handle.read(56)
            if record[:4] == b"PK\x06\x06" and len(record) == 56:
                directory = int.from_bytes(record[40:48], "little")
    return directory


def check_inside(archive: zipfile.ZipFile, name: str) -> None:
    """Refuse a zip bomb, or a zip no export looks like, before anything in it is unpacked.

    Restore never writes a member to disk (it reads the ones the document names into
    memory), so a name like ``../../.bashrc`` could do no harm here; it is refused all the
    same, as no export has one and another tool might unpack the zip."""
    members = archive.infolist()
    if len(members) > MAX_MEMBERS:
        raise UserError(TOO_BIG.format(name=name, why=f"it holds {len(members):,} files"))
    total = sum(info.file_size for info in members)
    if total > MAX_TOTAL_BYTES:
        raise UserError(TOO_BIG.format(name=name, why=f"it unpacks to {megabytes(total)}"))
    seen: set[str] = set()
    for info in members:
        if not _is_safe_member(info.filename):
            raise UserError(
                NOT_AN_EXPORT.format(
                    name=name,
                    why=f" (it holds a file named {clip(info.filename, 80)!r}, outside the zip)",
                )
            )
        if info.filename in seen:
            raise UserError(
                DAMAGED.format(name=name, why=f"it holds {clip(info.filename, 80)} twice")
            )
        seen.add(info.filename)


def _is_safe_member(member: str) -> bool:
    """A name that stays inside the folder a zip is unpacked into, on any system."""
    parts = member.split("/")
    return not (
        member.startswith("/")
        or "\\" in member
        or "\x00" in member
        or ":" in parts[0]  # C:, or an NTFS stream
        or ".." in parts
    )


def megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):,.1f} MB"
