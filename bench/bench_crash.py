"""Crash safety of a mailbox import: kill -9 it again and again, and nothing is lost or doubled.

    uv run python bench/bench_crash.py                 # 60 kills over a 400-message mbox of job mail
    uv run python bench/bench_crash.py --kills 200 --messages 5000 --json

One import runs to the end undisturbed (the reference). Another, in its own data folder,
is started and killed with SIGKILL, over and over, at a random moment once it has begun
writing; after every kill the SQLite file must pass ``PRAGMA integrity_check`` and
``foreign_key_check``, and no e-mail may be recorded twice. Then the import is run once more
to the end: its counts must equal the reference's. Exits 1 on any failure, so `make bench-crash`
(and .ci/run) fail with it; prints the figures either way.

The importer is forked from a process that has already started Django and loaded the model,
so a kill lands in the import itself rather than in start-up.

"database disk image is malformed" from this reader. Twice, with kills moved to within
~40 ms of the import's first write, this reader's own plain-sqlite3 reads raised it while
``integrity_check`` stayed ok. It could not be made to happen again. bench/crash_reader_repro.py
loops that early-kill case; on 7 Dec 2026 (SQLite 3.40.1, a loaded 2-core machine) 840
kills saw no DatabaseError and no integrity failure: 560 with this reader (a new connection
per count, closed at once; 500 in a first draft of the script, then 60 with 13,926 reads),
120 with one reader connection kept across the forks, 120 with one left open while the
import was forked, and 40 (8,569 reads) with an import that had lost its POSIX locks.
Ruled out: the reader never opens the file before bounceback made it (``owner()`` migrates
first), and a new database is WAL from its first page (``PRAGMA journal_mode=WAL`` writes
the header before any table), so the reader, whatever its pragmas, reads it as WAL. Found
on the way, real and fixed: checking the database twice in one process (``ensure_ready``,
as `demo` does) read the file's header with open() and, on close, dropped the process's
SQLite locks, so another process could delete the WAL under it
(tests/test_database_locks.py). The reader is left as it was: nothing here shows it at fault.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT))

import bench_mail  # noqa: E402 - the same generated messages as bench_mail


class _JobMailOnly(random.Random):
    """bench_mail's generator with every message job mail: each one is a write to kill."""

    def __init__(self, seed: int) -> None:
        super().__init__(seed)
        self.force = False

    def random(self) -> float:
        if self.force:  # the first draw of make_message picks the kind; 0.99 is job mail
            self.force = False
            return 0.99
        return super().random()


def generate(path: Path, count: int) -> None:
    rng = _JobMailOnly(count)
    when = datetime(2024, 1, 1, 8, 0, tzinfo=UTC)
    with path.with_suffix(".partial").open("wb") as out:
        for i in range(count):
            when += timedelta(minutes=rng.randint(1, 20))
            rng.force = True
            raw = bench_mail.make_message(i, rng, when)
            out.write(
                b"From 17%011d@xxx " % i + when.strftime("%a %b %d %H:%M:%S +0000 %Y").encode()
            )
            out.write(b"\n" + raw.rstrip(b"\n") + b"\n\n")
    path.with_suffix(".partial").replace(path)


COUNTS = {
    "applications": "select count(*) from applications_application",
    "companies": "select count(*) from applications_company",
    "timeline entries": "select count(*) from applications_stageevent",
    "rejections": "select count(*) from recovery_rejection",
    "imported e-mails": "select count(*) from mailbox_importedmessage",
    "review items": "select count(*) from mailbox_reviewitem",
}
DOUBLED = (
    "select count(*) from (select owner_id, dedupe_key from mailbox_importedmessage "
    "group by owner_id, dedupe_key having count(*) > 1)"
)


def counts(db: Path) -> dict[str, int]:
    with sqlite3.connect(db) as conn:
        return {name: conn.execute(sql).fetchone()[0] for name, sql in COUNTS.items()}


def check(db: Path) -> list[str]:
    """What is wrong with the file after a kill; empty when all is well."""
    problems = []
    with sqlite3.connect(db) as conn:
        integrity = [row[0] for row in conn.execute("pragma integrity_check")]
        if integrity != ["ok"]:
            problems.append(f"integrity_check: {integrity[:3]}")
        if conn.execute("pragma foreign_key_check").fetchall():
            problems.append("foreign_key_check found orphans")
        doubled = conn.execute(DOUBLED).fetchone()[0]
        if doubled:
            problems.append(f"{doubled} e-mails recorded twice")
    return problems


def phase(mbox: Path, kills: int, seed: int) -> dict[str, object]:
    """Run in a process of its own, with BOUNCEBACK_HOME set: import (and kill) in forks."""
    os.environ.pop("DATABASE_URL", None)
    sys.path.insert(0, str(ROOT.parent / "src"))
    from bounceback.cli.common import owner

    me = owner()  # Django started, schema made
    from django.db import connections

    from bounceback.lib.mail.analysis import analyse_text
    from bounceback.mailbox.importer import import_mailbox

    analyse_text("warm-up: the model is loaded once, before the forks")
    db = Path(os.environ["BOUNCEBACK_HOME"]) / "bounceback.sqlite3"
    connections.close_all()  # each fork opens its own connection

    def start() -> int:
        pid = os.fork()
        if pid == 0:
            try:
                import_mailbox(me, mbox)
                os._exit(0)
            except BaseException:
                os._exit(3)
        return pid

    rng = random.Random(seed)
    killed, finished_early, problems = 0, 0, []
    started = time.perf_counter()
    while killed < kills:
        before = counts(db)["imported e-mails"]
        pid = start()
        # Wait for the import to write something (or 2 s), then a random moment more.
        deadline = time.perf_counter() + 2.0
        while time.perf_counter() < deadline and counts(db)["imported e-mails"] == before:
            if os.waitpid(pid, os.WNOHANG) != (0, 0):
                pid = 0
                break
            time.sleep(0.005)
        if pid == 0:
            finished_early += 1  # the import ended before the kill: start over elsewhere
            break
        time.sleep(rng.uniform(0, 0.1))
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        killed += 1
        problems += [f"after kill {killed}: {p}" for p in check(db)]
    pid = start()  # and once more, to the end
    _, status = os.waitpid(pid, 0)
    if status != 0:
        problems.append(f"the last, undisturbed import ended with status {status}")
    problems += check(db)
    return {
        "kills": killed,
        "finished_before_a_kill": finished_early,
        "seconds": round(time.perf_counter() - started, 1),
        "counts": counts(db),
        "problems": problems,
    }


def run_phase(mbox: Path, kills: int, seed: int) -> dict[str, object]:
    home = tempfile.mkdtemp(prefix="bounceback-crash-")
    env = {**os.environ, "BOUNCEBACK_HOME": home, "OPENBLAS_NUM_THREADS": "1"}
    env.pop("DATABASE_URL", None)
    done = subprocess.run(
        [
            sys.executable,
            __file__,
            "--phase",
            str(mbox),
            "--kills",
            str(kills),
            "--seed",
            str(seed),
        ],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise SystemExit(f"a phase failed:\n{done.stderr[-3000:]}")
    result: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--kills", type=int, default=60, help="How many kill -9s (at least 50).")
    parser.add_argument(
        "--messages",
        type=int,
        default=2000,
        help="Job e-mails in the mbox (enough to outlast the kills).",
    )
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--json", action="store_true", help="Print the figures as JSON.")
    parser.add_argument("--phase", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.phase:
        print(json.dumps(phase(args.phase, args.kills, args.seed)))
        return

    folder = Path(tempfile.gettempdir()) / "bounceback-bench"
    folder.mkdir(exist_ok=True)
    mbox = folder / f"crash-jobs-{args.messages}.mbox"
    if not mbox.exists():
        generate(mbox, args.messages)
    reference = run_phase(mbox, 0, args.seed)
    killed = run_phase(mbox, args.kills, args.seed)
    problems = list(killed["problems"])  # type: ignore[call-overload]
    if killed["counts"] != reference["counts"]:
        problems.append(f"counts differ: {killed['counts']} vs {reference['counts']}")
    if killed["kills"] < min(50, args.kills):  # type: ignore[operator]
        problems.append(
            f"only {killed['kills']} kills before the import finished: use more --messages"
        )
    figures = {
        "messages": args.messages,
        "kills": killed["kills"],
        "reference_seconds": reference["seconds"],
        "killed_run_seconds": killed["seconds"],
        "counts": killed["counts"],
        "reference_counts": reference["counts"],
        "problems": problems,
    }
    if args.json:
        print(json.dumps(figures, indent=2))
    else:
        print(f"{args.messages:,} messages, {killed['kills']} kills (SIGKILL) during the import")
        print(
            f"  undisturbed import: {reference['seconds']} s; killed and resumed: {killed['seconds']} s"
        )
        for name, value in killed["counts"].items():  # type: ignore[attr-defined]
            print(f"  {name}: {value} (undisturbed: {reference['counts'][name]})")  # type: ignore[index]
        print(
            "  integrity and duplicates checked after every kill:",
            "ok" if not problems else "FAILED",
        )
        for problem in problems:
            print(f"  - {problem}")
    if problems:
        sys.exit(1)


if __name__ == "__main__":
    main()
