"""Hostile arguments for every command: one plain message, a non-zero exit, no hang, nothing lost.

Each row is a command line a careless script (or a curious person) might type: text far
longer than any column, NUL bytes, special files where a file was expected, numbers out of
range, bad dates, and a broken environment. Every one must end in one short message and
exit code 1 or 2 - never a traceback, never a hang - and the application saved before the
run must still be there, unchanged. A few rows are harmless once cleaned (a NUL dropped, a
town cut to its column) and are marked ``taken``: they save, and exit 0. Runs on SQLite and on PostgreSQL (DATABASE_URL).

Most rows run in-process (fast, with an alarm as the hang guard); rows that could block the
process itself (a FIFO, /dev/zero) or that break the environment before Django starts run as
a real `bounceback` process with a timeout.
"""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from tests.clock import TODAY

pytestmark = pytest.mark.slow

LONG = "x" * 100_000
HUGE = str(10**30)
HANG_SECONDS = 30
LONGEST_MESSAGE = 1_200  # characters: one plain message, even for a 100,000-character value


@dataclass(frozen=True)
class Row:
    args: tuple[str, ...]
    stdin: str | None = None
    env: dict[str, str] = field(default_factory=dict)
    process: bool = False  # run as a real process, with a timeout
    taken: bool = False  # harmless once cleaned (NUL dropped, say): saved, exit 0


def row(*args: str, stdin: str | None = None) -> Row:
    return Row(args, stdin)


def taken(*args: str, stdin: str | None = None) -> Row:
    return Row(args, stdin, taken=True)


def as_process(*args: str, env: dict[str, str] | None = None) -> Row:
    return Row(args, None, env or {}, process=True)


APP = "{app}"  # the id of the application saved before each run

ROWS: dict[str, Row] = {
    # add
    "add: a 100,000-character company": row("add", LONG, "Analyst"),
    "add: a 100,000-character role": row("add", "Globex", LONG),
    "add: NUL in the company": taken("add", "Glo\x00bex", "Analyst"),
    "add: a 100,000-character source": row("add", "Globex", "Analyst", "--source", LONG),
    "add: a 100,000-character link": row("add", "Globex", "Analyst", "--link", LONG),
    "add: a javascript: link": row(
        "add", "Globex", "Analyst", "--link", "javascript:alert(document.cookie)"
    ),
    "add: a data: link": row("add", "Globex", "Analyst", "--link", "data:text/html,<b>hi</b>"),
    "add: a 100,000-character salary": row("add", "Globex", "Analyst", "--salary", LONG),
    "add: a huge salary": row("add", "Globex", "Analyst", "--salary", HUGE),
    "add: a 100,000-character place": taken("add", "Globex", "Analyst", "--place", LONG),
    "add: a 100,000-character sector": taken("add", "Globex", "Analyst", "--sector", LONG),
    "add: a 100,000-character way of working": row("add", "Globex", "Analyst", "--work", LONG),
    "add: a bad date": row("add", "Globex", "Analyst", "--applied-on", "2026-02-30"),
    "add: a 100,000-character date": row("add", "Globex", "Analyst", "--applied-on", LONG),
    "add: a date in year 9999": row("add", "Globex", "Analyst", "--applied-on", "9999-12-31"),
    # list
    "list: a 100,000-character search": row("list", "--search", LONG),
    "list: a search of LIKE wildcards": row("list", "--search", "%_" * 5_000),
    "list: NUL in the search": taken("list", "--search", "a\x00b"),
    "list: a 100,000-character status": row("list", "--status", LONG),
    # show, confirm, stage
    "show: a negative id": row("show", "-1"),
    "show: a huge id": row("show", HUGE),
    "show: a 100,000-character id": row("show", LONG),
    "confirm: a bad date": row("confirm", APP, "--on", "tomorrow-ish"),
    "confirm: a huge id": row("confirm", HUGE),
    "stage: a 100,000-character kind": row("stage", APP, LONG),
    "stage: a 100,000-character note": taken("stage", APP, "interview", "--note", LONG),
    "stage: NUL in the note": row("stage", APP, "interview", "--note", "a\x00b", "--on", "x"),
    "stage: a bad date": row("stage", APP, "interview", "--on", "2026-13-01"),
    # reject
    "reject: a 100,000-character company": row("reject", "--company", LONG, "--no-input"),
    "reject: a 100,000-character role": row(
        "reject", "--company", "Globex", "--role", LONG, "--no-input"
    ),
    "reject: NUL in the company": row("reject", "--company", "Glo\x00bex", "--no-input"),
    "reject: a 100,000-character contact": row(
        "reject", "--company", "Globex", "--role", "Analyst", "--contact", LONG, "--no-input"
    ),
    "reject: a 100,000-character contact e-mail": taken(
        "reject", "--company", "Globex", "--role", "Analyst", "--contact-email", LONG, "--no-input"
    ),
    "reject: a 100,000-character stage": row(
        "reject", "--company", "Globex", "--stage", LONG, "--no-input"
    ),
    "reject: a 100,000-character tone": row(
        "reject", "--company", "Globex", "--role", "Analyst", "--tone", LONG, "--no-input"
    ),
    "reject: a bad date": row(
        "reject", "--company", "Globex", "--role", "Analyst", "--on", "31/31/2026", "--no-input"
    ),
    "reject: a negative application id": row("reject", "--app", "-5", "--no-input"),
    "reject: a huge application id": row("reject", "--app", HUGE, "--no-input"),
    "reject: an e-mail file of NUL bytes": row("reject", "--email", "{nul}", "--no-input"),
    "reject: an e-mail file that is not UTF-8": row("reject", "--email", "{latin1}", "--no-input"),
    "reject: a folder as the e-mail": row("reject", "--email", "{dir}", "--no-input"),
    "reject: a missing e-mail file": row("reject", "--email", "{missing}", "--no-input"),
    "reject: an e-mail of 100,000 characters of one word": row(
        "reject", "--email", "-", "--no-input", stdin=LONG
    ),
    "reject: NUL bytes on standard input": row(
        "reject", "--email", "-", "--no-input", stdin="Dear x,\x00 unfortunately\x00 no.\n" * 50
    ),
    "reject: a file as the drafts folder": row(
        "reject", "--company", "Globex", "--role", "Analyst", "--drafts-dir", "{file}", "--no-input"
    ),
    # feedback
    "feedback: a text file of NUL bytes": row("feedback", APP, "--text", "{nul}"),
    "feedback: a text file that is not UTF-8": taken("feedback", APP, "--text", "{latin1}"),
    "feedback: a folder as the text": row("feedback", APP, "--text", "{dir}"),
    "feedback: a missing text file": row("feedback", APP, "--text", "{missing}"),
    "feedback: a huge application id": row("feedback", HUGE, "--text", "{nul}"),
    "feedback: a bad date": row("feedback", APP, "--text", "-", "--on", LONG, stdin="Thanks"),
    "feedback: a 100,000-character tone": row(
        "feedback", APP, "--text", "-", "--tone", LONG, stdin="Thanks"
    ),
    # step, done
    "step: a huge id": row("step", HUGE, "--keep"),
    "step: a 100,000-character id": row("step", LONG, "--keep"),
    "step: a bad due date": row("step", "1", "--due", "someday"),
    "step: a 100,000-character title": row("step", "1", "--title", LONG),
    "done: a negative id": row("done", "-1"),
    "done: a huge id": row("done", HUGE),
    # calendar
    "calendar: a folder as the output": row("calendar", "--out", "{dir}"),
    "calendar: an output in a missing folder": row("calendar", "--out", "{missing}/cal.ics"),
    "calendar: port 99999": row("calendar", "--link", "--port", "99999"),
    "calendar: a 100,000-character host": row("calendar", "--link", "--host", LONG),
    # triage, import
    "triage: a missing mailbox": row("triage", "{missing}"),
    "triage: a file of NUL bytes": row("triage", "{nul}"),
    "triage: a 100,000-character path": row("triage", LONG),
    "import: a missing mailbox": row("import", "{missing}"),
    "import: a file that is not a mailbox": row("import", "{latin1}"),
    "import: an empty folder": row("import", "{dir}"),
    "import: a 100,000-character path": row("import", LONG),
    "import: a missing cafile": row(
        "import", "--imap", "--host", "127.0.0.1", "--user", "a", "--cafile", "{missing}"
    ),
    "import: a cafile that is not a certificate": row(
        "import", "--imap", "--host", "127.0.0.1", "--user", "a", "--cafile", "{latin1}"
    ),
    "import: a folder as the cafile": row(
        "import", "--imap", "--host", "127.0.0.1", "--user", "a", "--cafile", "{dir}"
    ),
    "import: IMAP port 99999": row(
        "import", "--imap", "--host", "127.0.0.1", "--user", "a", "--port", "99999"
    ),
    "import: IMAP port -1": row(
        "import", "--imap", "--host", "127.0.0.1", "--user", "a", "--port", "-1"
    ),
    "import: a 100,000-character IMAP host": row("import", "--imap", "--host", LONG, "--user", "a"),
    "import: a 100,000-character password variable": row(
        "import", "--imap", "--host", "127.0.0.1", "--user", "a", "--password-env", LONG
    ),
    # targets, report, themes, checkin
    "targets: negative applications": row("targets", "--applications", "-3"),
    "targets: a huge number of applications": row("targets", "--applications", HUGE),
    "targets: a huge number of outreach": row("targets", "--outreach", "99999999999"),
    "report: a file as the output folder": row("report", "--out", "{file}"),
    "report: a missing output folder": row("report", "--out", "{missing}"),
    "report: a 100,000-character format": row("report", "--out", "{dir}", "--format", LONG),
    "report: a bad since": row("report", "--out", "{dir}", "--since", "2026-00-00"),
    "report: a since in year 1": row("report", "--out", "{dir}", "--since", "0001-01-01"),
    "checkin: a mood of 99": row("checkin", "--mood", "99"),
    "checkin: a 100,000-character mood": row("checkin", "--mood", LONG),
    "checkin: a 100,000-character note": row("checkin", "--mood", "3", "--note", LONG),
    "checkin: a 100,000-character tag": row("checkin", "--mood", "3", "--tag", LONG),
    "themes: NUL bytes only": taken("themes", stdin="\x00" * 1000),
    # serve, demo, signin-link, hosting
    "demo: port 99999": row("demo", "--port", "99999", "--no-browser"),
    "serve: port 99999": row("serve", "--port", "99999", "--no-browser"),
    "serve: port -1": row("serve", "--port", "-1", "--no-browser"),
    "serve: a 100,000-character host": row("serve", "--host", LONG, "--no-browser"),
    "serve: -5 workers": row("serve", "--workers", "-5", "--no-browser", "--port", "8999"),
    "signin-link: port 99999": row("signin-link", "--port", "99999"),
    "signin-link: a 100,000-character host": row("signin-link", "--host", LONG),
    "invite: a 100,000-character address": row("invite", LONG),
    "invite: a 100,000-character role": row("invite", "sam@example.org", "--role", LONG),
    "remind: a 100,000-character site": row("remind", "--site", LONG),
    # learned
    "learned: forget a negative id": row("learned", "--forget", "-1"),
    "learned: forget a huge id": row("learned", "--forget", HUGE),
    "learned: forget a 100,000-character id": row("learned", "--forget", LONG),
    "learned: forget one and all at once": row("learned", "--forget", "1", "--forget-all"),
    # import-csv
    "import-csv: a missing file": row("import-csv", "{missing}", "--yes"),
    "import-csv: a file of NUL bytes": row("import-csv", "{nul}", "--yes"),
    "import-csv: a folder": row("import-csv", "{dir}", "--yes"),
    "import-csv: a file with no columns to read": row("import-csv", "{latin1}", "--yes"),
    "import-csv: a 100,000-character path": row("import-csv", LONG, "--yes"),
    "import-csv: a 100,000-character map": row("import-csv", "{file}", "--map", LONG, "--yes"),
    "import-csv: an unknown preset": row("import-csv", "{file}", "--preset", LONG, "--yes"),
    "import-csv: a bad date order": row("import-csv", "{file}", "--date-order", LONG, "--yes"),
    # export, restore, backup, forget, upgrade
    "export: an output in a missing folder": row("export", "--out", "{missing}/all.zip"),
    "export: an output under a file": row("export", "--out", "{file}/all.zip"),
    "export: a 100,000-character output": row("export", "--out", LONG),
    "restore: a missing file": row("restore", "{missing}", "--yes"),
    "restore: a file of NUL bytes": row("restore", "{nul}", "--yes"),
    "restore: a text file, not a zip": row("restore", "{latin1}", "--yes"),
    "restore: a folder": row("restore", "{dir}", "--yes"),
    "restore: a 100,000-character path": row("restore", LONG, "--yes"),
    "backup: a file as the output folder": row("backup", "--out", "{file}"),
    "backup: a 100,000-character output": row("backup", "--out", LONG),
    "backup: restore a missing file": row("backup", "--restore", "{missing}", "--yes"),
    "backup: restore a file of NUL bytes": row("backup", "--restore", "{nul}", "--yes"),
    "backup: restore a folder": row("backup", "--restore", "{dir}", "--yes"),
    "forget: from a script, without --yes": row("forget"),
    "upgrade: an argument it does not take": row("upgrade", LONG),
    # Special files and a broken environment: a real process, so a hang is a timeout.
    "reject: a FIFO as the e-mail": as_process("reject", "--email", "{fifo}", "--no-input"),
    "feedback: a FIFO as the text": as_process("feedback", APP, "--text", "{fifo}"),
    "triage: a FIFO as the mailbox": as_process("triage", "{fifo}"),
    "import: a FIFO as the mailbox": as_process("import", "{fifo}"),
    "import: a FIFO as the cafile": as_process(
        "import", "--imap", "--host", "127.0.0.1", "--user", "a", "--cafile", "{fifo}"
    ),
    "reject: /dev/zero as the e-mail": as_process("reject", "--email", "/dev/zero", "--no-input"),
    "feedback: /dev/zero as the text": as_process("feedback", APP, "--text", "/dev/zero"),
    "triage: /dev/zero as the mailbox": as_process("triage", "/dev/zero"),
    "import: /dev/zero as the mailbox": as_process("import", "/dev/zero"),
    "list: BOUNCEBACK_HOME is a file": as_process("list", env={"BOUNCEBACK_HOME": "{file}"}),
    "today: BOUNCEBACK_HOME is a file": as_process("today", env={"BOUNCEBACK_HOME": "{file}"}),
    "list: BOUNCEBACK_HOME under a file": as_process(
        "list", env={"BOUNCEBACK_HOME": "{file}/inside"}
    ),
    "list: a DATABASE_URL that is not a URL": as_process(
        "list", env={"DATABASE_URL": "not a url at all"}
    ),
    "list: a DATABASE_URL with an unknown scheme": as_process(
        "list", env={"DATABASE_URL": "mongodb://localhost/x"}
    ),
    "list: a DATABASE_URL with a bad port": as_process(
        "list", env={"DATABASE_URL": "postgres://u@127.0.0.1:99999/x"}
    ),
    "import-csv: a FIFO as the file": as_process("import-csv", "{fifo}", "--yes"),
    "import-csv: /dev/zero as the file": as_process("import-csv", "/dev/zero", "--yes"),
    "restore: a FIFO as the file": as_process("restore", "{fifo}", "--yes"),
    "restore: /dev/zero as the file": as_process("restore", "/dev/zero", "--yes"),
    "list: a bad TZ": as_process("list", env={"TZ": "Mars/Olympus_Mons"}),
    "today: a 100,000-character TZ": as_process("today", env={"TZ": "A" * 100_000}),
}


# --- the data saved before each run, and the files the rows name -------------------------


@pytest.fixture
def places(tmp_path: Path) -> dict[str, str]:
    nul = tmp_path / "nul.txt"
    nul.write_bytes(b"\x00" * 5000)
    latin1 = tmp_path / "latin1.txt"
    latin1.write_bytes("Chère candidate, malheureusement non.\n".encode("latin-1") + b"\xff\xfe")
    folder = tmp_path / "folder"
    folder.mkdir()
    plain = tmp_path / "plain-file"
    plain.write_text("just a file\n")
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    return {
        "nul": str(nul),
        "latin1": str(latin1),
        "dir": str(folder),
        "file": str(plain),
        "missing": str(tmp_path / "missing"),
        "fifo": str(fifo),
    }


def fill(value: str, places: dict[str, str], app_id: int) -> str:
    for name, path in {**places, "app": str(app_id)}.items():
        value = value.replace("{" + name + "}", path)
    return value


@dataclass
class Outcome:
    code: int | None
    output: str
    crashed: bool


def run_in_process(args: list[str], stdin: str | None) -> Outcome:
    """Through Typer's runner, with an alarm: a hang raises instead of blocking the suite."""
    from bounceback.cli.main import app

    def hung(signum: int, frame: Any) -> None:
        raise TimeoutError(f"no answer after {HANG_SECONDS} s")

    previous = signal.signal(signal.SIGALRM, hung)
    signal.alarm(HANG_SECONDS)
    try:
        result = CliRunner().invoke(app, args, input=stdin)
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
    crashed = result.exception is not None and not isinstance(result.exception, SystemExit)
    output = result.output
    if crashed:
        output += f"\nTraceback (in-process): {result.exception!r}"
    return Outcome(result.exit_code, output, crashed)


def _limit_memory() -> None:
    # /dev/zero read whole would take every byte of memory on a shared machine; with a
    # ceiling the process fails instead (and the row fails with it, rather than the machine).
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (4 << 30, 4 << 30))


def run_as_process(args: list[str], env: dict[str, str]) -> Outcome:
    try:
        done = subprocess.run(
            [sys.executable, "-c", "from bounceback.cli.main import run; run()", *args],
            env=env,
            capture_output=True,
            timeout=HANG_SECONDS * 2,
            stdin=subprocess.DEVNULL,
            preexec_fn=_limit_memory,
        )
    except subprocess.TimeoutExpired:
        return Outcome(None, "hung", False)
    output = (done.stdout + done.stderr).decode("utf-8", "replace")
    return Outcome(done.returncode, output, "Traceback" in output)


# --- the database the runs work on -----------------------------------------------------


@pytest.fixture(scope="module")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data folder with one application (id 1), copied for each real-process run."""
    home = tmp_path_factory.mktemp("hostile-home")
    subprocess.run(
        [
            sys.executable,
            "-c",
            "from bounceback.cli.main import run; run()",
            "add",
            "Initech",
            "Data Analyst",
        ],
        env=process_env({"BOUNCEBACK_HOME": str(home)}, database_url=""),
        capture_output=True,
        check=True,
        timeout=300,
    )
    return home


def process_env(extra: dict[str, str], database_url: str) -> dict[str, str]:
    env = {
        k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "DJANGO_SETTINGS_MODULE")
    }
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "bounceback.settings",
            "COLUMNS": "100",
            "OPENBLAS_NUM_THREADS": "1",
        }
    )
    if database_url:
        env["DATABASE_URL"] = database_url
    env.update(extra)
    return env


def database_url_of_this_run() -> str:
    """The test database of this run, for a real process to use (PostgreSQL only)."""
    from django.db import connection

    settings = connection.settings_dict
    return (
        f"postgres://{settings['USER']}@{settings['HOST'] or '127.0.0.1'}:"
        f"{settings['PORT'] or 5432}/{settings['NAME']}"
    )


def on_postgres() -> bool:
    from django.db import connection

    return connection.vendor == "postgresql"


@pytest.fixture
def saved(transactional_db: Any) -> Iterator[Any]:
    """Alice's application, saved before the run: it must be there, unchanged, after it."""
    from bounceback.accounts.services import local_user
    from bounceback.applications.services import add_application

    application = add_application(
        local_user(), company="Initech", role="Data Analyst", applied_on=TODAY
    )
    yield application


def snapshot_orm() -> list[tuple[Any, ...]]:
    from bounceback.applications.models import Application

    return sorted(Application.objects.values_list("id", "company__name", "role", "status"))


def snapshot_sqlite(home: Path) -> list[tuple[Any, ...]]:
    with sqlite3.connect(home / "bounceback.sqlite3") as db:
        return sorted(
            db.execute(
                "select a.id, c.name, a.role, a.status from applications_application a "
                "join applications_company c on c.id = a.company_id"
            ).fetchall()
        )


# --- the table --------------------------------------------------------------------------


@pytest.mark.parametrize("name", list(ROWS))
def test_a_hostile_argument_gets_one_plain_message_and_loses_nothing(
    name: str, places: dict[str, str], saved: Any, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    spec = ROWS[name]
    args = [fill(arg, places, saved.pk) for arg in spec.args]
    if not spec.process:
        before = snapshot_orm()
        outcome = run_in_process(args, spec.stdin)
        after = snapshot_orm()
    else:
        extra = {key: fill(value, places, saved.pk) for key, value in spec.env.items()}
        if on_postgres():
            env = process_env(
                {"BOUNCEBACK_HOME": str(tmp_path / "home"), **extra}, database_url_of_this_run()
            )
            before = snapshot_orm()
            outcome = run_as_process(args, env)
            after = snapshot_orm()
        else:
            home = tmp_path / "home"
            shutil.copytree(request.getfixturevalue("sqlite_template"), home)
            args = [fill(arg, places, 1) for arg in spec.args]  # the template's application
            before = snapshot_sqlite(home)
            outcome = run_as_process(args, process_env({"BOUNCEBACK_HOME": str(home), **extra}, ""))
            after = snapshot_sqlite(home)
    assert outcome.output != "hung", f"{name}: no answer after {HANG_SECONDS * 2} s"
    assert not outcome.crashed and "Traceback" not in outcome.output, outcome.output[-3000:]
    assert set(before) <= set(after), f"{name}: what was saved before changed"
    if spec.taken:
        assert outcome.code == 0, f"{name}: exit code {outcome.code}\n{outcome.output[:2000]}"
        return
    assert outcome.code not in (0, None), (
        f"{name}: exit code {outcome.code}\n{outcome.output[:2000]}"
    )
    message = outcome.output.strip()
    assert message, f"{name}: no message at all"
    assert len(message) <= LONGEST_MESSAGE, f"{name}: {len(message)} characters\n{message[:2000]}"


# Commands that take no value a person could get wrong: flags only, or nothing at all.
NO_VALUES = {
    "worker": "runs the hosted task queue; no values",
    "contacts": "flags only (--due, --json)",
    "practice": "flags only; answers are read one key at a time",
    "week": "flags only (--json)",
    "insights": "flags only (--json, --retag)",
    "help-now": "no values",
    "sync-mail": "flags only (--all, --json)",
    "mail-key": "flags only (--rotate)",
}


def test_every_command_has_hostile_rows_or_takes_no_values() -> None:
    import typer

    from bounceback.cli.main import app

    commands = set(typer.main.get_command(app).commands)  # type: ignore[attr-defined]
    covered = {key.split(":", 1)[0] for key in ROWS}
    assert commands - covered - set(NO_VALUES) == set(), "add rows for the new command"
    assert set(NO_VALUES) <= commands, "a command listed in NO_VALUES no longer exists"
