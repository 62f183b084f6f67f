"""Triage: one row per message, in mailbox order, with the fields of the JSON contract."""

from __future__ import annotations

from pathlib import Path

from bounceback.lib.mail.reader import ParseProblem
from bounceback.lib.mail.triage import analyse_stream, triage
from tests.test_mail_reader import RECEIPT, REJECTION, mbox

FIELDS = [
    "message_id",
    "date",
    "from",
    "subject",
    "label",
    "confidence",
    "company",
    "role",
    "contact_name",
    "stage",
    "has_feedback",
    "reapply_invite",
    "reapply_after_months",
    "review_reason",
]


def test_each_message_gets_one_row_in_mailbox_order_with_exactly_the_contract_fields(
    tmp_path: Path,
) -> None:
    path = tmp_path / "box.mbox"
    path.write_bytes(mbox(RECEIPT, REJECTION, RECEIPT.replace(b"order-9", b"order-10")))
    rows = list(triage(path))
    assert [r["message_id"] for r in rows] == [
        "order-9@amazon.com",
        "Rej-1@acme.example",
        "order-10@amazon.com",
    ]
    assert all(list(r) == FIELDS for r in rows)
    receipt, rejection, _ = rows
    assert receipt["label"] == "not_job"
    assert receipt["stage"] is None and receipt["has_feedback"] is None
    assert rejection["label"] == "rejection"
    assert rejection["date"] == "2025-11-04T10:00:00+01:00"
    assert rejection["from"] == "Acme Recruiting <no-reply@greenhouse.io>"
    assert rejection["company"] == "Acme"


def test_an_unreadable_message_is_passed_to_the_caller_and_triage_goes_on(tmp_path: Path) -> None:
    path = tmp_path / "box.mbox"
    path.write_bytes(mbox(b"\x00garbage", REJECTION))
    problems: list[ParseProblem] = []
    rows = list(triage(path, on_problem=problems.append))
    assert [p.position for p in problems] == [1]
    assert [r["message_id"] for r in rows] == ["Rej-1@acme.example"]


def test_batches_keep_the_order_of_results_and_problems() -> None:
    from bounceback.lib.mail.mime import parse

    items = [
        parse(REJECTION.replace(b"Rej-1", b"R%d" % i), position=i)
        if i % 3
        else ParseProblem(i, "bad")
        for i in range(20)
    ]
    out = list(analyse_stream(items, batch=4))
    positions = [o.position if isinstance(o, ParseProblem) else o.parsed.position for o in out]
    assert positions == list(range(20))


def _alternative(sender: bytes, subject: bytes, text: bytes) -> bytes:
    return (
        b"From: " + sender + b"\nTo: me@example.org\nSubject: " + subject + b"\n"
        b"Message-ID: <" + subject.replace(b" ", b"-") + b"@example.org>\nMIME-Version: 1.0\n"
        b'Content-Type: multipart/alternative; boundary="b1"\n\n'
        b"--b1\nContent-Type: text/plain; charset=utf-8\n\n" + text + b"\n"
        b"--b1\nContent-Type: text/html; charset=utf-8\n\n<p>" + text + b"</p>\n--b1--\n"
    )


def test_triage_decides_from_the_plain_part_and_reads_html_only_for_job_mail(
    tmp_path: Path,
) -> None:
    from bounceback.lib.mail.triage import analysed

    path = tmp_path / "box.mbox"
    path.write_bytes(
        mbox(
            _alternative(
                b"Acme Recruiting <no-reply@greenhouse.io>",
                b"Your application to Acme",
                b"Unfortunately we will not be moving forward with your application.",
            ),
            _alternative(
                b"Robin <robin@example.net>",
                b"Photos from the trip",
                b"Here are the photos I promised, sorry it took so long.",
            ),
        )
    )
    job, personal = (item for item in analysed(path) if not isinstance(item, ParseProblem))
    assert job.analysis.label == "rejection"
    assert job.message.html and "moving forward" in job.message.html  # shown in Mail review
    assert personal.analysis.label == "not_job"
    assert personal.message.html is None  # never decoded: not needed
