"""bounceback never opens its SQLite file beside SQLite while it has the database open.

Closing any descriptor of a file drops every POSIX lock the process holds on it, SQLite's
own included. Another process closing its connection then takes itself for the last one,
checkpoints and deletes the WAL, and what this process commits afterwards reaches nobody
else (https://www.sqlite.org/howtocorrupt.html, section 2.2). `bounceback demo` checks the
database twice in one process (once to build the sample search, once to serve it), and
`bounceback signin-link --demo` is such another process.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.safekeeping_helpers import python

CHECK_TWICE = """
import subprocess, sys
from django.conf import settings
from bounceback.cli.common import ensure_database
from bounceback.accounts.services import local_user
from bounceback.applications.models import Company

db = settings.DATABASES["default"]["NAME"]
READ = (
    "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); "
    "print(c.execute('select count(*) from applications_company').fetchone()[0]); c.close()"
)

def companies_seen_by_another_process():
    return subprocess.run(
        [sys.executable, "-c", READ, db], capture_output=True, text=True, check=True
    ).stdout.strip()

ensure_database()
me = local_user()  # the database is open in this process from here on
Company.objects.create(owner=me, name="Before")
ensure_database()  # again, as `demo` does before it serves
print("first", companies_seen_by_another_process())
Company.objects.create(owner=me, name="After")
print("then", companies_seen_by_another_process())
"""


@pytest.mark.slow
def test_checking_the_database_again_keeps_what_this_process_saves_visible_to_others(
    tmp_path: Path,
) -> None:
    result = python(tmp_path / "data", CHECK_TWICE)
    assert result.stdout.split() == ["first", "1", "then", "2"], result.stdout
