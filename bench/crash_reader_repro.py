"""Try to make bench_crash's own reader see "database disk image is malformed".

    uv run python bench/crash_reader_repro.py                       # 200 early kills, the bench's reader
    uv run python bench/crash_reader_repro.py --kills 100 --reader persistent
    uv run python bench/crash_reader_repro.py --kills 40 --writer drops-locks

The early-kill case of bench_crash, looped: an import is forked, the bench's plain-sqlite3
reader polls the database until the import's first e-mail is saved, and the import is
killed (SIGKILL) within --window seconds (40 ms) of it. Every read, while the import runs
and right after the kill, is counted, and every sqlite3.DatabaseError is kept with where it
happened; after each kill the file must pass ``PRAGMA integrity_check``.

--reader says how the bench reads: ``fresh`` (bench_crash's way: a new connection for every
count, closed at once), ``persistent`` (one connection kept for the whole run, across the
forks) or ``open-at-fork`` (a connection left open while the import is forked).
--writer ``drops-locks`` has the import open and close the database file once with a plain
``open()`` after its connection is made, as ``ensure_ready`` did when a process checked the
database twice (fixed: see tests/test_database_locks.py); it shows what the reader sees when
the writer holds no POSIX lock.

Prints one JSON line: kills, reads, errors (by where, with the message), integrity failures.
Exits 0 either way: it is an experiment, not a check.
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
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT))

import bench_crash  # noqa: E402 - the same mailbox and the same reader


def phase(mbox: Path, kills: int, window: float, seed: int, reader: str, writer: str) -> dict:
    """In a process of its own, with BOUNCEBACK_HOME set: fork imports, read, kill."""
    os.environ.pop("DATABASE_URL", None)
    sys.path.insert(0, str(ROOT.parent / "src"))
    from bounceback.cli.common import owner

    me = owner()
    from django.db import connection, connections

    from bounceback.lib.mail.analysis import analyse_text
    from bounceback.mailbox.importer import import_mailbox

    analyse_text("warm-up: the model is loaded once, before the forks")
    db = Path(os.environ["BOUNCEBACK_HOME"]) / "bounceback.sqlite3"
    connections.close_all()

    def importing() -> None:
        if writer == "drops-locks":
            connection.ensure_connection()
            connection.cursor().execute("select count(*) from mailbox_importedmessage")
            with db.open("rb") as handle:  # closing it drops this process's POSIX locks
                handle.read(100)
        import_mailbox(me, mbox)

    def start() -> int:
        pid = os.fork()
        if pid == 0:
            try:
                importing()
                os._exit(0)
            except BaseException:
                os._exit(3)
        return pid

    shared = sqlite3.connect(db) if reader == "persistent" else None

    def counts() -> dict[str, int]:
        if shared is None:
            return bench_crash.counts(db)
        return {name: shared.execute(sql).fetchone()[0] for name, sql in bench_crash.COUNTS.items()}

    def check() -> list[str]:
        if shared is None:
            return bench_crash.check(db)
        rows = [row[0] for row in shared.execute("pragma integrity_check")]
        return [] if rows == ["ok"] else [f"integrity_check: {rows[:3]}"]

    errors: list[dict[str, object]] = []
    reads = 0

    def read(where: str, what=counts):  # type: ignore[no-untyped-def]
        nonlocal reads
        reads += 1
        try:
            return what()
        except sqlite3.DatabaseError as error:
            errors.append(
                {"where": where, "kill": killed, "error": str(error), "at": _last_frame()}
            )
            return None

    rng = random.Random(seed)
    killed, integrity, finished = 0, [], 0
    while killed < kills:
        found = read("before the fork")
        before = found["imported e-mails"] if found else -1
        held = sqlite3.connect(db) if reader == "open-at-fork" else None
        if held is not None:
            held.execute("select count(*) from mailbox_importedmessage").fetchone()
        pid = start()
        if held is not None:
            held.close()
        deadline = time.perf_counter() + 5.0
        while time.perf_counter() < deadline:
            found = read("while the import runs")
            if found and found["imported e-mails"] != before:
                break
            if os.waitpid(pid, os.WNOHANG) != (0, 0):
                pid = 0
                break
            time.sleep(0.005)
        if pid == 0:
            finished += 1
            db.unlink()  # the import ended before a kill: start again from an empty search
            for suffix in ("-wal", "-shm"):
                Path(f"{db}{suffix}").unlink(missing_ok=True)
            subprocess.run([sys.executable, "-c", _MIGRATE], check=True, env=os.environ)
            continue
        time.sleep(rng.uniform(0, window))
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        killed += 1
        read("right after the kill")
        problems = read("integrity after the kill", check)
        if problems:
            integrity.append({"kill": killed, "problems": problems})
    return {
        "reader": reader,
        "writer": writer,
        "window_s": window,
        "kills": killed,
        "imports_finished_and_started_again": finished,
        "reads": reads,
        "database_errors": len(errors),
        "malformed": sum("malformed" in str(e["error"]) for e in errors),
        "errors": errors[:20],
        "integrity_failures": integrity,
    }


_MIGRATE = "from bounceback.cli.common import owner; owner()"


def _last_frame() -> str:
    frame = traceback.extract_tb(sys.exc_info()[2])[-1]
    return f"{Path(frame.filename).name}:{frame.lineno} {frame.line}"


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--kills", type=int, default=200)
    parser.add_argument("--window", type=float, default=0.04, help="Seconds after the first write.")
    parser.add_argument("--messages", type=int, default=3000, help="Job e-mails in the mbox.")
    parser.add_argument(
        "--reader", choices=["fresh", "persistent", "open-at-fork"], default="fresh"
    )
    parser.add_argument("--writer", choices=["import", "drops-locks"], default="import")
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--phase", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.phase:
        result = phase(args.phase, args.kills, args.window, args.seed, args.reader, args.writer)
        print(json.dumps(result))
        return
    folder = Path(tempfile.gettempdir()) / "bounceback-bench"
    folder.mkdir(exist_ok=True)
    mbox = folder / f"crash-jobs-{args.messages}.mbox"
    if not mbox.exists():
        bench_crash.generate(mbox, args.messages)
    home = tempfile.mkdtemp(prefix="bounceback-crash-reader-")
    env = {**os.environ, "BOUNCEBACK_HOME": home, "OPENBLAS_NUM_THREADS": "1"}
    env.pop("DATABASE_URL", None)
    done = subprocess.run(
        [sys.executable, __file__, "--phase", str(mbox), "--kills", str(args.kills)]
        + ["--window", str(args.window), "--seed", str(args.seed)]
        + ["--reader", args.reader, "--writer", args.writer],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise SystemExit(f"the phase failed:\n{done.stderr[-3000:]}")
    print(done.stdout.strip().splitlines()[-1])


if __name__ == "__main__":
    main()
