"""Spreadsheet import: time to read and preview, then to bring in, 500 and 5,000 rows.

    uv run python bench/bench_csv_import.py
    uv run python bench/bench_csv_import.py --rows 500 --json

Uses the test suite's messy sheet (mixed date formats, statuses in many words, duplicates,
blank lines, formulas) in a throw-away SQLite data folder, never yours. Each size starts
from an empty database with the sheet's "already in bounceback" applications added first.
Speed is measured here, never asserted in a test.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent


def setup(home: Path) -> None:
    os.environ["BOUNCEBACK_HOME"] = str(home)
    os.environ.setdefault("BOUNCEBACK_SECRET_KEY", "bench-only-not-secret")
    os.environ["DJANGO_SETTINGS_MODULE"] = "bounceback.settings"
    sys.path.insert(0, str(ROOT / "src"))
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def run(rows: int) -> dict[str, Any]:
    from django.contrib.auth.models import User
    from tests.spreadsheet_sample import EXISTING_ROLE, messy_sheet

    from bounceback.applications.models import Application
    from bounceback.applications.services import add_application
    from bounceback.spreadsheets.services import bring_in, preview

    good = rows * 420 // 500  # the sample's shape: 420 new in every 500 rows
    today = date.today()
    sample = messy_sheet(today, good=good)
    owner = User.objects.create_user(f"bench-{rows}")
    for company in sample.existing:
        add_application(owner, company=company, role=EXISTING_ROLE, applied_on=today)
    started = time.perf_counter()
    plan = preview(owner, sample.data)
    previewed = time.perf_counter() - started
    started = time.perf_counter()
    result = bring_in(owner, plan)
    imported = time.perf_counter() - started
    return {
        "rows": sample.rows,
        "created": result.created,
        "duplicates": len(plan.duplicates),
        "skipped": len(plan.skipped),
        "in_database": Application.objects.filter(owner=owner).count(),
        "preview_s": round(previewed, 2),
        "import_s": round(imported, 2),
        "rows_per_s": round(sample.rows / (previewed + imported)),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--rows", type=int, action="append", help="sheet sizes (default 500 and 5000)"
    )
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bounceback-bench-") as home:
        setup(Path(home))
        results = [run(rows) for rows in (args.rows or [500, 5000])]
    if args.json:
        print(json.dumps(results, indent=2))
        return
    for r in results:
        print(
            f"{r['rows']:>6,} rows: preview {r['preview_s']:.2f} s, import {r['import_s']:.2f} s "
            f"({r['created']:,} created, {r['duplicates']:,} duplicates, {r['skipped']:,} skipped; "
            f"{r['rows_per_s']:,} rows/s)"
        )


if __name__ == "__main__":
    main()
