"""The data folder is the person's alone: the folder 700, what bounceback writes in it 600.

Needs no Django: settings calls it before anything opens the database. SQLite gives its
-wal and -shm files the database file's own mode, so a private database keeps them private.
"""

from __future__ import annotations

import contextlib
import os
import stat
from pathlib import Path

FOLDER_MODE = 0o700
FILE_MODE = 0o600

# Folders bounceback writes the person's things into, inside the data folder.
PRIVATE_SUBFOLDERS = ("backups", "exports", "drafts", "mail")


def private_data_folder(home: Path) -> Path:
    """Create the data folder 700, or tighten an existing one (and its files) to 700/600.

    Only what this account owns is changed: a folder someone else set up (a shared install)
    is left alone rather than failing on start.
    """
    home.mkdir(mode=FOLDER_MODE, parents=True, exist_ok=True)
    _tighten(home, FOLDER_MODE)
    for entry in _entries(home):
        if entry.is_dir() and not entry.is_symlink() and entry.name in PRIVATE_SUBFOLDERS:
            _tighten_tree(entry)
        elif entry.is_file() and not entry.is_symlink():
            _tighten(entry, FILE_MODE)
    return home


def private_file(path: Path) -> None:
    """Make one file bounceback wrote readable by this account only."""
    _tighten(path, FILE_MODE)


def create_private_file(path: Path) -> None:
    """Create an empty file that is 600 from its first moment (no window at 644)."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
    os.close(fd)


def _tighten_tree(folder: Path) -> None:
    for root, folders, files in os.walk(folder):
        _tighten(Path(root), FOLDER_MODE)
        for name in files:
            path = Path(root) / name
            if not path.is_symlink():
                _tighten(path, FILE_MODE)
        folders[:] = [name for name in folders if not (Path(root) / name).is_symlink()]


def _entries(folder: Path) -> list[Path]:
    try:
        return list(folder.iterdir())
    except OSError:
        return []


def _tighten(path: Path, mode: int) -> None:
    with contextlib.suppress(OSError):
        info = path.lstat()
        if info.st_uid == os.getuid() and stat.S_IMODE(info.st_mode) != mode:
            path.chmod(mode)
