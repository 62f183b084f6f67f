"""An export moves between databases: from the one the suite runs on (PostgreSQL under
`make test-pg`, SQLite under `make test`) into a fresh SQLite data folder, and back.

The data folder is another process, as a person moving their search would run it: the
real `bounceback restore` and `bounceback export` in a fresh folder, on SQLite.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.db import connection

from bounceback.portability.export import export_data, export_zip
from bounceback.portability.restore import read_export, replace_with
from tests.test_export import canonical, full_search, json_of, with_old_ids

pytestmark = [pytest.mark.django_db, pytest.mark.slow]


def bounceback(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """`bounceback ...` in its own process, on a SQLite data folder of its own."""
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("DATABASE_URL", "DJANGO_SETTINGS_MODULE", "BOUNCEBACK_HOSTED")
    }
    env |= {
        "BOUNCEBACK_HOME": str(home),
        "BOUNCEBACK_HOSTED": "0",
        "DJANGO_SETTINGS_MODULE": "bounceback.settings",
    }
    command = [sys.executable, "-c", "from bounceback.cli.main import run; run()", *args]
    return subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)


def test_a_search_moves_to_a_sqlite_folder_and_back_unchanged(
    alice: User, cli: Any, tmp_path: Path
) -> None:
    full_search(alice)
    before_list = json_of(cli("list", "--json"))
    before_insights = json_of(cli("insights", "--json"))
    first = export_data(alice)
    (tmp_path / "here.zip").write_bytes(export_zip(alice))

    folder = tmp_path / "elsewhere"
    restored = bounceback(folder, "restore", str(tmp_path / "here.zip"))
    assert restored.returncode == 0, restored.stderr
    exported = bounceback(folder, "export", "--out", str(tmp_path / "there.zip"))
    assert exported.returncode == 0, exported.stderr
    second = read_export(tmp_path / "there.zip")
    assert (first["database"], second["database"]) == (connection.vendor, "sqlite")
    assert canonical(second) == canonical(first)
    assert sorted(second.files.values()) == sorted(first.files.values())  # the e-mails, as is
    assert first.files

    report = replace_with(alice, second)
    back = _through_both(first, second, report.ids)
    assert with_old_ids(json_of(cli("list", "--json")), back) == before_list
    assert with_old_ids(json_of(cli("insights", "--json")), back) == before_insights


def _through_both(
    first: dict[str, Any], second: dict[str, Any], ids: dict[tuple[str, int], int]
) -> dict[str, dict[int, int]]:
    """New id here → id in the first file: restores keep each kind's order, so the n-th id
    of the second file is the n-th of the first."""
    back: dict[str, dict[int, int]] = {}
    for label, header in first["kinds"].items():
        old = sorted(row["id"] for row in header["rows"])
        middle = sorted(row["id"] for row in second["kinds"][label]["rows"])
        back[label] = {ids[(label, m)]: o for o, m in zip(old, middle, strict=True)}
    return back
