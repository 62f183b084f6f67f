"""Running bounceback in a child process on a real SQLite data folder of a test's own.

The suite's own database lives in memory (or on the PostgreSQL server), so what is about
files (backups, upgrades, damage, bytes left behind) runs where a person's would: in a
folder, in a separate process, as `bounceback` itself.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

RUN_CLI = "from bounceback.cli.main import run; run()"
DJANGO = "import django; django.setup()\n"


def environment(home: Path, database_url: str = "") -> dict[str, str]:
    # A key of its own, written into the folder, as on a person's computer.
    left_out = ("DATABASE_URL", "BOUNCEBACK_HOSTED", "BOUNCEBACK_SECRET_KEY")
    env = {k: v for k, v in os.environ.items() if k not in left_out}
    env |= {
        "BOUNCEBACK_HOME": str(home),
        "BOUNCEBACK_HOSTED": "0",
        "DJANGO_SETTINGS_MODULE": "bounceback.settings",
        "COLUMNS": "2000",  # one message, one line: easier to read in a failing test
    }
    if database_url:
        env["DATABASE_URL"] = database_url
    return env


def bounceback(home: Path, *args: str, timeout: int = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", RUN_CLI, *args],
        env=environment(home),
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def python(
    home: Path, code: str, timeout: int = 120, database_url: str = ""
) -> subprocess.CompletedProcess[str]:
    """Run ``code`` with Django started on ``home``; fails the test on a non-zero exit."""
    result = subprocess.run(
        [sys.executable, "-c", DJANGO + code],
        env=environment(home, database_url),
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return result


def database(home: Path) -> Path:
    return home / "bounceback.sqlite3"


def folder_bytes(home: Path) -> bytes:
    """Every byte of every file in the data folder, as someone with the disk would read them."""
    return b"".join(path.read_bytes() for path in sorted(home.rglob("*")) if path.is_file())
