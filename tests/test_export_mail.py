"""The e-mails themselves: each imported job e-mail is kept as it arrived (at most 5 MB), is in
the export as `mail/<id>.eml`, and comes back with a restore. Mail that is not about the job
search is never kept."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from email import message_from_bytes
from email.mime.application import MIMEApplication
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.models import User

from bounceback.applications.models import Application, Company
from bounceback.mailbox.importer import import_mailbox
from bounceback.mailbox.models import ImportedMessage, OriginalMail
from bounceback.mailbox.originals import (
    MAX_ORIGINAL_BYTES,
    SHORTENED_HEADER,
    capped,
    is_shortened,
)
from bounceback.portability.export import DATA_NAME, export_zip
from bounceback.portability.restore import read_export, remove_all, replace_with
from tests.test_mail_import import interview_mail, rejection_mail
from tests.test_mail_reader import RECEIPT, mbox

pytestmark = pytest.mark.django_db

# A job e-mail with CRLF line ends, an 8-bit body and a header bounceback does not read:
# only a byte-for-byte copy keeps all three.
JOB_MAIL = (
    b"From: Globex Recruiting <no-reply@greenhouse.io>\r\n"
    b"Subject: Your application to Globex\r\n"
    b"Message-ID: <crlf-1@mail.example>\r\n"
    b"X-Mailer: Quillfeather 3.1\r\n"
    b"Date: Tue, 04 Nov 2025 10:00:00 +0100\r\n"
    b"Content-Type: text/plain; charset=utf-8\r\n"
    b"Content-Transfer-Encoding: 8bit\r\n\r\n"
    b"Hi Sam,\r\n\r\nThank you for applying for the Data Analyst position at Globex. "
    b"Unfortunately we have decided not to move forward with your application.\r\n\r\n"
    b"Best,\r\nJ\xc3\xb6rg\r\n"
)


def imported(owner: User, tmp_path: Path, *messages: bytes) -> dict[str, bytes]:
    """Import the messages from an mbox; the kept bytes by Message-ID."""
    path = tmp_path / "box.mbox"
    path.write_bytes(mbox(*messages))
    import_mailbox(owner, path)
    return {
        original.message.message_id: bytes(original.data)
        for original in OriginalMail.objects.filter(message__owner=owner).select_related("message")
    }


def test_an_import_keeps_each_job_email_byte_for_byte_and_nothing_of_other_mail(
    alice: User, tmp_path: Path
) -> None:
    interview = interview_mail("Initech", "Backend Engineer", 2)
    kept = imported(alice, tmp_path, JOB_MAIL, RECEIPT, interview)
    assert kept == {"crlf-1@mail.example": JOB_MAIL, "inv-2@mail.example": interview}
    assert not ImportedMessage.objects.filter(message_id="order-9@amazon.com").exists()


def test_a_second_import_keeps_no_second_copy(alice: User, tmp_path: Path) -> None:
    imported(alice, tmp_path, JOB_MAIL)
    imported(alice, tmp_path, JOB_MAIL)
    assert OriginalMail.objects.count() == 1


def test_mail_imported_before_originals_were_kept_gets_them_from_the_next_import(
    alice: User, tmp_path: Path
) -> None:
    imported(alice, tmp_path, JOB_MAIL)
    OriginalMail.objects.all().delete()  # as an import by an older bounceback left it
    assert imported(alice, tmp_path, JOB_MAIL) == {"crlf-1@mail.example": JOB_MAIL}
    assert ImportedMessage.objects.filter(owner=alice).count() == 1


def test_the_export_holds_each_email_as_it_arrived_named_from_its_row(
    alice: User, tmp_path: Path
) -> None:
    kept = imported(alice, tmp_path, JOB_MAIL, rejection_mail("Hooli", "Designer", 3))
    with zipfile.ZipFile(io.BytesIO(export_zip(alice))) as archive:
        data = json.loads(archive.read(DATA_NAME))
        rows = data["kinds"]["mailbox.ImportedMessage"]["rows"]
        files = {row["message_id"]: archive.read(row["original"]) for row in rows}
        spreadsheet = archive.read("csv/mailbox-importedmessage.csv").decode("utf-8-sig")
        mail_names = sorted(n for n in archive.namelist() if n.startswith("mail/"))
    assert files == kept
    assert mail_names == sorted(f"mail/{row['id']}.eml" for row in rows)
    header = data["kinds"]["mailbox.ImportedMessage"]
    assert "original" in header["fields"] and "original" in header["private_fields"]
    # The spreadsheet names the file; the e-mail's bytes are not in it.
    cells = list(csv.DictReader(io.StringIO(spreadsheet)))
    assert {cell["original"] for cell in cells} == set(mail_names)
    assert "Quillfeather" not in spreadsheet


def test_export_wipe_restore_export_gives_back_the_same_bytes(alice: User, tmp_path: Path) -> None:
    kept = imported(alice, tmp_path, JOB_MAIL, interview_mail("Initech", "Engineer", 2))
    first = tmp_path / "first.zip"
    first.write_bytes(export_zip(alice))

    remove_all(alice)
    assert not OriginalMail.objects.exists()
    replace_with(alice, read_export(first))

    with zipfile.ZipFile(io.BytesIO(export_zip(alice))) as archive:
        rows = json.loads(archive.read(DATA_NAME))["kinds"]["mailbox.ImportedMessage"]["rows"]
        again = {row["message_id"]: archive.read(row["original"]) for row in rows}
    assert again == kept
    assert all(o.message.owner == alice for o in OriginalMail.objects.select_related("message"))


def test_an_export_made_before_originals_were_kept_still_restores(
    alice: User, tmp_path: Path
) -> None:
    imported(alice, tmp_path, JOB_MAIL)
    data = read_export(_export(alice, tmp_path))
    for row in data["kinds"]["mailbox.ImportedMessage"]["rows"]:
        del row["original"]
    data.files.clear()
    replace_with(alice, data)
    assert ImportedMessage.objects.filter(owner=alice).count() == 1
    assert not OriginalMail.objects.exists()


def test_an_email_named_in_the_file_but_missing_from_the_zip_is_one_plain_message(
    alice: User, cli: Any, tmp_path: Path
) -> None:
    imported(alice, tmp_path, JOB_MAIL)
    company = Company.objects.create(owner=alice, name="Hooli")
    Application.objects.create(owner=alice, company=company, role="X")  # in the file only
    path = _export(alice, tmp_path)
    without = tmp_path / "without-mail.zip"
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(without, "w") as target:
        for info in source.infolist():
            if not info.filename.startswith("mail/"):
                target.writestr(info, source.read(info))
    Application.objects.filter(role="X").delete()

    result = cli("restore", str(without), "--yes")

    assert result.exit_code == 1
    said = " ".join(result.stderr.split())
    assert "looks damaged" in said and ".eml, named in it, is missing" in said
    assert "Nothing was changed" in said and "Traceback" not in result.output
    assert len(result.stderr.strip().splitlines()) <= 3
    assert OriginalMail.objects.count() == 1
    assert not Application.objects.filter(role="X").exists()


@pytest.mark.parametrize(
    "name", ["../../etc/passwd", "mail/../secret.eml", "/mail/1.eml", "notes/1.eml", 12]
)
def test_a_row_naming_a_file_outside_the_mail_folder_is_refused(
    alice: User, cli: Any, tmp_path: Path, name: Any
) -> None:
    imported(alice, tmp_path, JOB_MAIL)
    data = read_export(_export(alice, tmp_path))
    data["kinds"]["mailbox.ImportedMessage"]["rows"][0]["original"] = name
    bad = tmp_path / "bad.zip"
    with zipfile.ZipFile(bad, "w") as archive:
        archive.writestr(DATA_NAME, json.dumps(data))
    result = cli("restore", str(bad), "--yes")
    assert result.exit_code == 1 and "names a file wrongly" in " ".join(result.stderr.split())
    assert OriginalMail.objects.count() == 1


def _export(owner: User, folder: Path) -> Path:
    path = folder / "export.zip"
    path.write_bytes(export_zip(owner))
    return path


def test_the_admin_never_shows_the_emails_themselves(alice: User, tmp_path: Path) -> None:
    from tests.people import signed_in

    imported(alice, tmp_path, JOB_MAIL)
    client = signed_in(User.objects.create_superuser("root", password="pw-for-tests"))
    original = OriginalMail.objects.get()
    for url in (
        "/admin/mailbox/originalmail/",
        f"/admin/mailbox/originalmail/{original.pk}/change/",
        f"/admin/mailbox/importedmessage/{original.pk}/change/",
    ):
        page = client.get(url)
        assert page.status_code == 200, url
        assert b"Quillfeather" not in page.content and b"J\xc3\xb6rg" not in page.content


# --- The limit --------------------------------------------------------------------------------


def big_mail(attachment_bytes: int) -> bytes:
    mail = MIMEMultipart()
    mail["From"] = "Globex Recruiting <no-reply@greenhouse.io>"
    mail["Subject"] = "Your application to Globex"
    mail["Message-ID"] = "<big-1@mail.example>"
    mail.attach(MIMEText("We have decided not to move forward with your application.", "plain"))
    mail.attach(MIMEText("<p>We have decided not to move forward.</p>", "html"))
    pdf = MIMEApplication(b"%PDF" + b"\x01" * attachment_bytes, "pdf")
    pdf.add_header("Content-Disposition", "attachment", filename="offer-pack.pdf")
    mail.attach(pdf)
    return mail.as_bytes()


def test_an_email_within_the_limit_is_kept_whole() -> None:
    mail = big_mail(1_000_000)
    assert capped(mail) == mail and not is_shortened(mail)


def test_an_email_over_the_limit_keeps_its_headers_and_text_and_says_so() -> None:
    mail = big_mail(6 * 1024 * 1024)
    assert len(mail) > MAX_ORIGINAL_BYTES

    kept = capped(mail)

    assert len(kept) <= MAX_ORIGINAL_BYTES and is_shortened(kept)
    read = message_from_bytes(kept)
    assert read["Message-ID"] == "<big-1@mail.example>"
    assert "more than the 5.0 MB" in " ".join(read[SHORTENED_HEADER].split())
    parts = [(p.get_content_type(), _body(p.get_payload(decode=True))) for p in read.walk()]
    assert parts[1:] == [
        ("text/plain", b"We have decided not to move forward with your application."),
        ("text/html", b"<p>We have decided not to move forward.</p>"),
        ("text/plain", parts[3][1]),  # the attachment gave way to a note
    ]
    assert parts[3][1].startswith(b"[offer-pack.pdf, about 6.")
    assert b"was left out" in parts[3][1]


def _body(payload: Any) -> bytes:
    return payload if isinstance(payload, bytes) else b""


def test_an_email_whose_text_alone_is_over_the_limit_keeps_its_headers_and_the_text_read() -> None:
    mail = (
        b"From: Globex <no-reply@greenhouse.io>\nSubject: Long\nMessage-ID: <long@x>\n"
        b"Content-Type: text/plain\n\n" + b"word " * (MAX_ORIGINAL_BYTES // 4)
    )
    kept = capped(mail, text="the text as bounceback read it")
    assert len(kept) <= MAX_ORIGINAL_BYTES and is_shortened(kept)
    assert kept.startswith(b"From: Globex <no-reply@greenhouse.io>\nSubject: Long\n")
    assert kept.endswith(b"the text as bounceback read it")


def test_an_import_of_a_big_email_keeps_the_shortened_copy(alice: User, tmp_path: Path) -> None:
    mail = big_mail(6 * 1024 * 1024)
    kept = imported(alice, tmp_path, mail)
    assert list(kept) == ["big-1@mail.example"]
    assert is_shortened(kept["big-1@mail.example"])
    assert len(kept["big-1@mail.example"]) <= MAX_ORIGINAL_BYTES
