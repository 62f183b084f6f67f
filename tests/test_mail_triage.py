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
