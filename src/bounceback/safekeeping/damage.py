"""A damaged SQLite file (cut short, overwritten, synced half-way) named plainly, never a traceback.

SQLite reports damage only when it reads a bad page, which may be deep into a command, so
two doors lead here: a cheap look at the file's header when the database opens, and the
CLI's handler for database errors raised anywhere later.
"""

from __future__ import annotations

from pathlib import Path

from bounceback.safekeeping.backup import list_backups

MAGIC = b"SQLite format 3\x00"
# The words SQLite uses for a file it cannot trust (SQLITE_CORRUPT, SQLITE_NOTADB).
DAMAGE_WORDS = ("not a database", "malformed", "corrupt")


def header_problem(path: Path) -> str | None:
    """What is visibly wrong with the database file, from its first 100 bytes and size."""
    try:
        size = path.stat().st_size
        if size == 0:
            return None  # SQLite's own empty database: a first run
        with path.open("rb") as handle:
            header = handle.read(100)
    except FileNotFoundError:
        return None
    except OSError as error:
        return f"it cannot be read ({error.strerror})"
    if len(header) < 100 or not header.startswith(MAGIC):
        return "it does not contain a SQLite database any more"
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(header[28:32], "big")
    # SQLite trusts the page count only when the change counter matches "version valid for".
    count_is_valid = header[24:28] == header[92:96]
    if count_is_valid and pages and size < pages * page_size:
        return f"it has been cut short ({size:,} of {pages * page_size:,} bytes)"
    return None


def is_damage(error: BaseException) -> bool:
    return any(word in str(error).lower() for word in DAMAGE_WORDS)


def damaged_message(path: Path, reason: str) -> str:
    """One plain paragraph: which file, what is wrong, and how to get the data back."""
    backups = list_backups(path.parent / "backups")
    if backups:
        listed = "; ".join(f"{b.path} ({b.taken_at:%Y-%m-%d %H:%M})" for b in backups[:5])
        what_to_do = (
            f"Your backups, newest first: {listed}. To put the newest back, run "
            f'`bounceback backup --restore "{backups[0].path}"`: the damaged file is kept '
            "beside it, renamed, in case you need it."
        )
    else:
        what_to_do = (
            "No backups were found in "
            f"{path.parent / 'backups'}. If you keep a copy elsewhere (a backup of your computer), "
            "run `bounceback backup --restore FILE` with it; or move the damaged file away to "
            "start afresh."
        )
    return (
        f"bounceback cannot read its database file {path}: {reason}. The file may have been "
        f"damaged (a full disk, a copy cut short, a sync tool). {what_to_do}"
    )
