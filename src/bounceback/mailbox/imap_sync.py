"""`bounceback import --imap`: import the new messages of an IMAP folder, incrementally."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

from django.contrib.auth.models import User
from django.utils import timezone

from bounceback.lib.mail.imap import ImapMessage, ImapSession
from bounceback.lib.mail.personal import PersonalModel
from bounceback.lib.mail.reader import ParseProblem, RawMessage, read_one
from bounceback.lib.mail.triage import Analysed, analyse_stream
from bounceback.mailbox.importer import ImportReport, import_items
from bounceback.mailbox.learning import personal_model
from bounceback.mailbox.models import ImapCursor

CHUNK = 200  # the cursor moves on after each chunk, so a killed run resumes close to where it was


def sync_imap(
    owner: User,
    *,
    host: str,
    user: str,
    password: str,
    folder: str = "INBOX",
    port: int = 993,
    cafile: Path | None = None,
    address: str | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> ImportReport:
    """Import messages that arrived since the last run (all of them the first time).

    ``progress(fetched, total)`` is called once with 0 when the new UIDs are known,
    then after each message is fetched. ``address``: the server's IP, checked beforehand
    (hosted mode), so the name is not resolved again.
    """
    session = ImapSession(host, port, user, password, folder, cafile=cafile, address=address)
    report = ImportReport()
    try:
        cursor = ImapCursor.objects.filter(
            owner=owner, host=host, username=user, folder=folder
        ).first()
        after = cursor.last_uid if cursor and cursor.uidvalidity == session.uidvalidity else 0
        uids = session.new_uids(after)
        source = f"imap://{user}@{host}/{folder}"
        learned = personal_model(owner)  # the person's answers in Mail review weigh in
        if progress:
            progress(0, len(uids))
        for start in range(0, len(uids), CHUNK):
            chunk = uids[start : start + CHUNK]
            fetched = _counted(session.fetch(chunk), start, len(uids), progress)
            part = import_items(owner, _analysed(fetched, start, learned), source=source)
            _merge(report, part)
            ImapCursor.objects.update_or_create(
                owner=owner,
                host=host,
                username=user,
                folder=folder,
                defaults={
                    "uidvalidity": session.uidvalidity,
                    "last_uid": chunk[-1],
                    "synced_at": timezone.now(),
                },
            )
        if not uids and cursor is None:
            ImapCursor.objects.create(
                owner=owner,
                host=host,
                username=user,
                folder=folder,
                uidvalidity=session.uidvalidity,
            )
    finally:
        session.close()
    return report


def _counted(
    messages: Iterator[ImapMessage],
    done: int,
    total: int,
    progress: Callable[[int, int], None] | None,
) -> Iterator[ImapMessage]:
    """The messages, reporting each one fetched as (fetched so far, new UIDs in all)."""
    for message in messages:
        done += 1
        if progress:
            progress(done, total)
        yield message


def _analysed(
    messages: Iterator[ImapMessage], offset: int, personal: PersonalModel
) -> Iterator[Analysed | ParseProblem]:
    raw = (
        RawMessage(offset + i, f"UID {m.uid}", m.data, offset + i)
        for i, m in enumerate(messages, start=1)
    )
    return analyse_stream((read_one(r) for r in raw), personal=personal)


def _merge(total: ImportReport, part: ImportReport) -> None:
    for name in (
        "total",
        "created",
        "updated",
        "queued",
        "skipped",
        "duplicates",
        "not_job",
        "dated",
    ):
        setattr(total, name, getattr(total, name) + getattr(part, name))
    total.problems.extend(part.problems)
