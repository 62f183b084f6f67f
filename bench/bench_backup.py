"""Backup benchmark: how long `bounceback backup` takes on a large data folder.

    uv run python bench/bench_backup.py                 # 20,000 applications (~2 years × 10)
    uv run python bench/bench_backup.py --applications 50000 --json

Builds a throw-away SQLite data folder (never yours) with bulk_create: applications with
notes, five timeline events each, rejections with their e-mail text and reflections.
Then times, over a few runs: the backup (SQLite's online backup API plus a quick_check of
the copy), and the same backup while another thread keeps writing. Prints the database
size and the times in seconds.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import threading
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
EMAIL = (
    "Thank you for taking the time to interview with us for the role. After careful "
    "consideration we have decided to move forward with other candidates whose experience "
    "more closely matches our needs. We will keep your details on file. " * 3
)


def build(count: int) -> Any:
    from bounceback.accounts.services import local_user
    from bounceback.applications.models import Application, Company, StageEvent
    from bounceback.recovery.models import Reflection, Rejection

    me = local_user()
    companies = Company.objects.bulk_create(
        Company(owner=me, name=f"Company {n}", key=f"company {n}") for n in range(count // 4)
    )
    start = date(2025, 1, 1)
    applications = Application.objects.bulk_create(
        Application(
            owner=me,
            company=companies[n % len(companies)],
            role=f"Analyst {n}",
            applied_on=start + timedelta(days=n % 700),
            notes=f"Application {n}: spoke to the recruiter, salary band discussed.",
        )
        for n in range(count)
    )
    StageEvent.objects.bulk_create(
        StageEvent(owner=me, application=a, kind="applied", occurred_on=a.applied_on)
        for a in applications
        for _ in range(5)
    )
    rejections = Rejection.objects.bulk_create(
        Rejection(owner=me, application=a, source_text=EMAIL) for a in applications[::2]
    )
    Reflection.objects.bulk_create(
        Reflection(
            owner=me,
            rejection=r,
            question_key="change",
            question="What would you change?",
            answer="I would prepare a clearer story for the stakeholder question.",
        )
        for r in rejections
    )
    return me


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--applications", type=int, default=20_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()

    home = Path(tempfile.mkdtemp(prefix="bench-backup-"))
    os.environ.pop("DATABASE_URL", None)
    os.environ |= {
        "BOUNCEBACK_HOME": str(home),
        "BOUNCEBACK_HOSTED": "0",
        "DJANGO_SETTINGS_MODULE": "bounceback.settings",
    }
    sys.path.insert(0, str(ROOT / "src"))
    import django

    django.setup()
    from django.db import connection

    from bounceback.applications.services import add_application
    from bounceback.safekeeping.backup import take_backup
    from bounceback.safekeeping.upgrade import ensure_ready

    ensure_ready()
    me = build(args.applications)
    database = Path(str(connection.settings_dict["NAME"]))
    size = sum(p.stat().st_size for p in (database, Path(f"{database}-wal")) if p.exists())

    quiet = []
    for n in range(args.runs):
        began = time.perf_counter()
        take_backup(home / "quiet", label=str(n))
        quiet.append(time.perf_counter() - began)

    stop = threading.Event()
    written = [0]

    def writer() -> None:
        from django.db import connections

        while not stop.is_set():
            add_application(me, company="Busy Ltd", role=f"Role {written[0]}")
            written[0] += 1
        connections.close_all()

    thread = threading.Thread(target=writer)
    thread.start()
    busy = []
    try:
        for n in range(args.runs):
            began = time.perf_counter()
            take_backup(home / "busy", label=str(n))
            busy.append(time.perf_counter() - began)
    finally:
        stop.set()
        thread.join()

    figures = {
        "applications": args.applications,
        "database_bytes": size,
        "backup_seconds_median": round(statistics.median(quiet), 3),
        "backup_while_writing_seconds_median": round(statistics.median(busy), 3),
        "rows_written_during_backups": written[0],
        "mb_per_second": round(size / 1e6 / statistics.median(quiet), 1),
    }
    if args.json:
        print(json.dumps(figures, indent=2))
        return
    print(f"database: {size / 1e6:.1f} MB ({args.applications:,} applications)")
    print(f"backup: {figures['backup_seconds_median']} s median of {args.runs}")
    print(
        f"backup while another thread writes: {figures['backup_while_writing_seconds_median']} s"
        f" ({written[0]} applications written meanwhile)"
    )
    print(f"throughput: {figures['mb_per_second']} MB/s")


if __name__ == "__main__":
    main()
