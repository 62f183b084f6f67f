"""Triage: every message of a mailbox analysed, in mailbox order, nothing saved.

Messages are analysed in batches (``analyse_many`` scores a batch with one
matrix product); messages the header prefilter ruled out skip the analyser, and the
others are decided from their headers and first text part: an HTML twin of a plain
part is decoded only for job mail, which is kept and shown.
The importer consumes ``analysed``; the CLI prints ``triage`` rows.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TypedDict

from bounceback.lib.mail.message import Analysis, MailMessage
from bounceback.lib.mail.mime import Parsed
from bounceback.lib.mail.reader import ParseProblem, iter_raw, read_one

BATCH = 256
# What the header prefilter's "certainly not job mail" is worth as an analysis.
UNRELATED = Analysis("not_job", 0.99, evidence=("sender and subject show it is not job mail",))

# "from" is a keyword, hence the functional form.
TriageRow = TypedDict(
    "TriageRow",
    {
        "message_id": str | None,
        "date": str | None,
        "from": str,
        "subject": str,
        "label": str,
        "confidence": float,
        "company": str | None,
        "role": str | None,
        "contact_name": str | None,
        "stage": str | None,
        "has_feedback": bool | None,
        "reapply_invite": bool | None,
        "reapply_after_months": int | None,
        "review_reason": str | None,
    },
)


@dataclass(frozen=True, slots=True)
class Analysed:
    parsed: Parsed
    analysis: Analysis

    @property
    def message(self) -> MailMessage:
        return self.parsed.message


def analyse_stream(
    items: Iterable[Parsed | ParseProblem], batch: int = BATCH
) -> Iterator[Analysed | ParseProblem]:
    """Analyse parsed messages in batches, yielding results (and problems) in the same order."""
    from bounceback.lib.mail.analysis import analyse_many

    pending: list[Parsed | ParseProblem] = []
    to_analyse = 0

    def flush() -> Iterator[Analysed | ParseProblem]:
        wanted = [p.message for p in pending if isinstance(p, Parsed) and not p.unrelated]
        results = iter(analyse_many(wanted) if wanted else [])
        for item in pending:
            if isinstance(item, ParseProblem):
                yield item
            elif item.unrelated:
                yield Analysed(item, UNRELATED)
            else:
                result = next(results)
                # Job mail is kept and shown: read its HTML part too, if it was left out.
                yield Analysed(item if result.label == "not_job" else item.with_html(), result)

    for item in items:
        pending.append(item)
        if isinstance(item, Parsed) and not item.unrelated:
            to_analyse += 1
        if to_analyse >= batch or len(pending) >= batch * 8:
            yield from flush()
            pending.clear()
            to_analyse = 0
    yield from flush()


def analysed(
    path: Path | str,
    *,
    batch: int = BATCH,
    progress: Callable[[int], None] | None = None,
) -> Iterator[Analysed | ParseProblem]:
    """Each message of the mailbox with its analysis, or a ParseProblem, in mailbox order.

    ``progress`` is called with the units done so far (see ``reader.mailbox_size``).
    """

    def parsed() -> Iterator[Parsed | ParseProblem]:
        for raw in iter_raw(path):
            yield read_one(raw, lazy_html=True)
            if progress:
                progress(raw.done)

    yield from analyse_stream(parsed(), batch)


def row(item: Analysed) -> TriageRow:
    """The JSON shape of one triaged message (fields that do not apply are None)."""
    msg, result = item.message, item.analysis
    rejection = result.label == "rejection"
    return {
        "message_id": msg.message_id,
        "date": msg.date.isoformat() if msg.date else None,
        "from": f"{msg.from_name} <{msg.from_addr}>" if msg.from_name else msg.from_addr,
        "subject": msg.subject,
        "label": result.label,
        "confidence": round(result.confidence, 3),
        "company": result.company,
        "role": result.role,
        "contact_name": result.contact_name,
        "stage": result.stage if rejection else None,
        "has_feedback": result.has_feedback if rejection else None,
        "reapply_invite": result.reapply_invite if rejection else None,
        "reapply_after_months": result.reapply_after_months if rejection else None,
        "review_reason": result.review_reason,
    }


def triage(
    path: Path | str,
    *,
    on_problem: Callable[[ParseProblem], None] | None = None,
    progress: Callable[[int], None] | None = None,
) -> Iterator[TriageRow]:
    """One row per readable message, in mailbox order; unreadable ones go to ``on_problem``."""
    for item in analysed(path, progress=progress):
        if isinstance(item, ParseProblem):
            if on_problem:
                on_problem(item)
            continue
        yield row(item)
