"""`bounceback import` and `bounceback triage`: filing job mail, asking when unsure, never twice."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from bounceback.applications.models import Application, StageEvent
from bounceback.applications.services import add_application
from bounceback.lib.mail.message import Analysis, MailMessage
from bounceback.mailbox.importer import import_items, import_mailbox
from bounceback.mailbox.models import ImportedMessage, ReviewItem
from bounceback.recovery.models import Rejection
from tests.test_mail_reader import RECEIPT, mbox


def rejection_mail(
    company: str, role: str, n: int, sender: str = "no-reply@greenhouse.io"
) -> bytes:
    return (
        f"From: {company} Recruiting <{sender}>\n"
        f"Subject: Your application to {company}\n"
        f"Message-ID: <rej-{n}@mail.example>\n"
        f"Date: Tue, 04 Nov 2025 10:00:00 +0100\n"
        "Content-Type: text/plain; charset=utf-8\n\n"
        f"Hi Sam,\n\nThank you for applying for the {role} position at {company}. "
        "Unfortunately we have decided not to move forward with your application.\n\n"
        "Best,\nJane\n"
    ).encode()


def interview_mail(company: str, role: str, n: int) -> bytes:
    return (
        f"From: {company} Talent <no-reply@ashbyhq.com>\n"
        f"Subject: Interview invitation: {role} at {company}\n"
        f"Message-ID: <inv-{n}@mail.example>\nDate: Mon, 03 Nov 2025 09:00:00 +0000\n\n"
        f"Hi Sam,\n\nWe were impressed by your application for the {role} role at {company} and "
        "would like to invite you to an interview. Please choose a time using the link below.\n"
    ).encode()


def message(n: int = 1, **overrides: Any) -> MailMessage:
    fields: dict[str, Any] = {
        "message_id": f"m{n}@mail.example",
        "date": None,
        "from_name": "Acme Recruiting",
        "from_addr": "no-reply@greenhouse.io",
        "subject": "Your application",
        "text": "We will not move forward.",
        "raw_hash": f"{n:064x}",
    }
    fields.update(overrides)
    return MailMessage(**fields)


def analysed(msg: MailMessage, **fields: Any) -> Any:
    from bounceback.lib.mail.mime import Parsed
    from bounceback.lib.mail.triage import Analysed

    base: dict[str, Any] = {"label": "rejection", "confidence": 0.995, "company": "Acme"}
    base.update(fields)
    return Analysed(Parsed(1, "message 1", msg), Analysis(**base))


@pytest.fixture
def box(tmp_path: Path) -> Path:
    path = tmp_path / "box.mbox"
    path.write_bytes(
        mbox(
            RECEIPT,
            rejection_mail("Globex", "Data Analyst", 1),
            interview_mail("Initech", "Backend Engineer", 2),
            b"\x00 not an e-mail",
        )
    )
    return path


@pytest.mark.django_db
def test_it_links_the_rejection_to_the_existing_application(alice: Any, box: Path) -> None:
    application = add_application(
        alice, company="Globex Corp", role="Data Analyst", applied_on=date(2025, 10, 1)
    )
    report = import_mailbox(alice, box)
    assert report.updated == 1
    rejection = Rejection.objects.get(application=application)
    assert rejection.received_on == date(2025, 11, 4)
    assert "not to move forward" in rejection.source_text
    assert rejection.contact is not None and rejection.contact.name == "Jane"
    application.refresh_from_db()
    assert application.status == "rejected"


@pytest.mark.django_db
def test_new_companies_become_new_applications_and_not_job_mail_is_not_stored(
    alice: Any, box: Path
) -> None:
    report = import_mailbox(alice, box)
    assert (report.total, report.created, report.not_job, len(report.problems)) == (4, 2, 1, 1)
    assert report.problems == ["message 4: not an e-mail (no e-mail headers at the top), skipped"]
    initech = Application.objects.get(owner=alice, company__name="Initech")
    assert initech.role == "Backend Engineer"
    assert StageEvent.objects.filter(application=initech, kind="interview").exists()
    assert ImportedMessage.objects.filter(owner=alice).count() == 2  # the receipt is not kept


@pytest.mark.django_db
def test_nul_bytes_in_a_message_are_dropped_so_every_database_takes_it(
    alice: Any, tmp_path: Path
) -> None:
    raw = rejection_mail("Glo\x00bex", "Data\x00 Analyst", 7).replace(
        b"Unfortunately", b"Unfortunately\x00"
    )
    path = tmp_path / "nul.mbox"
    path.write_bytes(mbox(raw))
    report = import_mailbox(alice, path)  # PostgreSQL refuses NUL in text: this ran there too
    assert (report.created, report.problems) == (1, [])
    rejection = Rejection.objects.get(owner=alice)
    assert "\x00" not in rejection.source_text and "Unfortunately we" in rejection.source_text


@pytest.mark.django_db
def test_importing_twice_leaves_exactly_the_same_rows(alice: Any, box: Path) -> None:
    import_mailbox(alice, box)
    before = _snapshot()
    again = import_mailbox(alice, box)
    assert (again.duplicates, again.created, again.updated) == (2, 0, 0)
    assert _snapshot() == before


@pytest.mark.django_db
def test_a_run_killed_midway_resumes_without_duplicates(alice: Any, box: Path) -> None:
    from bounceback.lib.mail.triage import analysed as read_all

    items = list(read_all(box))

    def killed_after_two() -> Any:
        yield from items[:2]
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        import_items(alice, killed_after_two())
    import_items(alice, iter(items))
    partial_then_full = _snapshot()
    Application.objects.all().delete()
    ImportedMessage.objects.all().delete()
    import_items(alice, iter(items))
    assert _snapshot()[1:] == partial_then_full[1:]  # same rows (ids aside)
    assert ImportedMessage.objects.count() == 2


def _snapshot() -> tuple[Any, ...]:
    return (
        sorted(Application.objects.values_list("id", flat=True)),
        sorted(Application.objects.values_list("company__name", "role", "status", "stage")),
        sorted(StageEvent.objects.values_list("application__company__name", "kind", "occurred_on")),
        Rejection.objects.count(),
        sorted(ImportedMessage.objects.values_list("dedupe_key", "outcome")),
        ReviewItem.objects.count(),
    )


@pytest.mark.django_db
def test_a_message_without_message_id_is_deduplicated_by_its_bytes(
    alice: Any, tmp_path: Path
) -> None:
    raw = rejection_mail("Globex", "Data Analyst", 1).replace(
        b"Message-ID: <rej-1@mail.example>\n", b""
    )
    path = tmp_path / "one.eml"
    path.write_bytes(raw)
    assert import_mailbox(alice, path).created == 1
    assert import_mailbox(alice, path).duplicates == 1
    assert ImportedMessage.objects.get().dedupe_key.startswith("sha:")


@pytest.mark.django_db
def test_low_confidence_goes_to_the_review_queue_instead_of_an_application(alice: Any) -> None:
    add_application(alice, company="Acme", role="Data Analyst")
    report = import_items(alice, [analysed(message(), confidence=0.45)])
    assert report.queued == 1
    item = ReviewItem.objects.get()
    assert "not sure" in item.reason
    assert not Rejection.objects.exists()


@pytest.mark.django_db
def test_two_applications_at_the_company_means_asking_not_guessing(alice: Any) -> None:
    add_application(alice, company="Acme", role="Data Analyst")
    add_application(alice, company="Acme", role="Product Designer")
    report = import_items(alice, [analysed(message())])
    assert report.queued == 1
    item = ReviewItem.objects.get()
    assert item.candidates.count() == 2
    assert not Rejection.objects.exists()


@pytest.mark.django_db
def test_a_company_that_only_looks_similar_is_asked_about(alice: Any) -> None:
    add_application(alice, company="Acme Analytics", role="Data Analyst")
    import_items(alice, [analysed(message(), company="Acme Analytica", role="Data Analyst")])
    item = ReviewItem.objects.get()
    assert "close to Acme Analytics" in item.reason
    assert [a.company.name for a in item.candidates.all()] == ["Acme Analytics"]


@pytest.mark.django_db
def test_a_kept_correction_decides_the_company_for_later_mail(alice: Any) -> None:
    from bounceback.mailbox.models import SenderRule

    application = add_application(alice, company="Wayne Enterprises", role="Analyst")
    SenderRule.objects.create(
        owner=alice, sender="@wayne.example", company="Wayne Enterprises", application=application
    )
    mail = message(from_addr="jobs@wayne.example", from_name="Bruce", text="Sorry, no.")
    report = import_items(alice, [analysed(mail, company="Wayne Ent", role=None)])
    assert report.updated == 1
    assert Rejection.objects.get().application == application


@pytest.mark.django_db
def test_triage_json_prints_one_object_per_message_in_order(cli: Any, box: Path) -> None:
    result = cli("triage", str(box), "--json")
    assert result.exit_code == 0
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["label"] for r in rows] == ["not_job", "rejection", "interview_invite"]
    assert rows[1]["company"] == "Globex" and rows[1]["from"].endswith("<no-reply@greenhouse.io>")
    assert "message 4" in result.stderr
    assert not Application.objects.exists()  # triage saves nothing


@pytest.mark.django_db
def test_triage_without_json_prints_a_summary(cli: Any, box: Path) -> None:
    result = cli("triage", str(box))
    assert result.exit_code == 0
    assert "Rejections" in result.stdout and "Globex" in result.stdout


@pytest.mark.django_db
def test_a_missing_or_unknown_mailbox_is_a_clear_error(cli: Any, tmp_path: Path) -> None:
    result = cli("triage", str(tmp_path / "nope.mbox"))
    assert result.exit_code == 1
    assert "There is nothing at" in " ".join(result.stderr.split())
    odd = tmp_path / "photo.jpg"
    odd.write_bytes(b"\xff\xd8\xff\xe0 jpeg")
    result = cli("import", str(odd))
    assert result.exit_code == 1
    assert "does not look like an e-mail" in " ".join(result.stderr.split())


@pytest.mark.django_db
def test_import_json_reports_the_counts(cli: Any, box: Path) -> None:
    result = cli("import", str(box), "--json")
    assert result.exit_code == 0
    report = json.loads(result.stdout)
    assert {k: report[k] for k in ("total", "created", "not_job", "unreadable")} == {
        "total": 4,
        "created": 2,
        "not_job": 1,
        "unreadable": 1,
    }
    again = json.loads(cli("import", str(box), "--json").stdout)
    assert again["duplicates"] == 2


@pytest.mark.django_db
def test_import_without_json_prints_the_summary_table(cli: Any, box: Path) -> None:
    result = cli("import", str(box))
    assert result.exit_code == 0
    out = result.stdout
    assert "4 e-mails read" in out
    for row, count in (
        ("New applications", 2),
        ("Not about your job search", 1),
        ("Could not be read", 1),
        ("Already imported", 0),
    ):
        line = next(line for line in out.splitlines() if row in line)
        assert line.split()[-1] == str(count), line
    assert "Skipped message 4" in out
    assert not out.lstrip().startswith("{")


@pytest.mark.django_db
def test_triage_summary_counts_each_kind_of_mail(cli: Any, box: Path) -> None:
    import re

    out = cli("triage", str(box)).stdout
    counts = dict(re.findall(r"^\s*([A-Z][a-z ]+?)\s{2,}(\d+)\s*$", out, flags=re.M))
    assert counts == {
        "Rejections": "1",
        "Interview invitations": "1",
        "Not about your job search": "1",
        "Could not be read": "1",
    }
    assert "Nothing was saved." in out


@pytest.mark.django_db
def test_triage_json_stays_one_object_per_line_in_a_terminal(
    cli: Any, box: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import io

    from rich.console import Console

    screen = io.StringIO()
    monkeypatch.setattr("bounceback.cli.mail._interactive", lambda: True)
    monkeypatch.setattr(
        "bounceback.cli.mail.err_console", Console(file=screen, force_terminal=True, width=100)
    )
    result = cli("triage", str(box), "--json")
    lines = result.stdout.splitlines()
    assert len(lines) == 3  # the three readable messages; the unreadable one is on stderr
    assert all(isinstance(json.loads(line), dict) for line in lines)
    assert "Reading" not in screen.getvalue()  # no progress bar with --json


@pytest.mark.django_db
def test_a_terminal_shows_a_progress_bar_while_reading(
    cli: Any, box: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import io

    from rich.console import Console

    screen = io.StringIO()
    monkeypatch.setattr("bounceback.cli.mail._interactive", lambda: True)
    monkeypatch.setattr(
        "bounceback.cli.mail.err_console", Console(file=screen, force_terminal=True, width=100)
    )
    result = cli("import", str(box))
    assert "Reading" in screen.getvalue() and "100%" in screen.getvalue()
    assert "4 e-mails read" in result.stdout and "Reading" not in result.stdout


@pytest.mark.django_db
def test_triage_json_tells_stderr_one_line_per_unreadable_message(cli: Any, tmp_path: Path) -> None:
    path = tmp_path / "two.mbox"
    path.write_bytes(mbox(rejection_mail("Globex", "Data Analyst", 1), b"\x00 not an e-mail"))
    result = cli("triage", str(path), "--json")
    assert result.exit_code == 0
    assert [json.loads(line)["company"] for line in result.stdout.splitlines()] == ["Globex"]
    assert result.stderr.splitlines() == [
        "Skipped message 2: not an e-mail (no e-mail headers at the top)"
    ]


@pytest.mark.django_db
def test_triage_json_names_every_unreadable_message_even_a_long_one(
    cli: Any, tmp_path: Path
) -> None:
    folder = tmp_path / "mails"
    folder.mkdir()
    (folder / "1-fine.eml").write_bytes(rejection_mail("Globex", "Data Analyst", 1))
    (folder / ("2-" + "x" * 150 + ".eml")).write_bytes(b"\x00 junk")
    (folder / "3-empty.eml").write_bytes(b"   \n")
    result = cli("triage", str(folder), "--json")
    lines = result.stderr.splitlines()
    assert len(lines) == 2 and all(line.startswith("Skipped ") for line in lines)
    assert "x" * 150 in lines[0] and "empty message" in lines[1]
    assert not any(line.endswith("skipped") for line in lines)
    assert len(result.stdout.splitlines()) == 1


def test_the_import_summary_counts_the_emails_that_need_a_look_in_words(capsys: Any) -> None:
    from bounceback.cli.mail import print_report
    from bounceback.mailbox.importer import ImportReport

    print_report(ImportReport(total=1, queued=1))
    assert "1 e-mail needs a quick look" in " ".join(capsys.readouterr().out.split())
    print_report(ImportReport(total=2, queued=2))
    assert "2 e-mails need a quick look" in " ".join(capsys.readouterr().out.split())
