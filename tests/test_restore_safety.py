"""A restore takes nothing bigger than bounceback would keep, unpacks no zip bomb, and on a
hosted install touches only the account it is told to (`restore --user`)."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.models import User

from bounceback.accounts.models import Profile, Role
from bounceback.applications.models import Application, Company
from bounceback.mailbox.models import ImportedMessage, OriginalMail
from bounceback.mailbox.originals import MAX_ORIGINAL_BYTES
from bounceback.portability import archive
from bounceback.portability.export import DATA_NAME, export_data, export_zip
from bounceback.portability.kinds import ATTACHED
from bounceback.portability.restore import remove_all
from tests.people import person

pytestmark = pytest.mark.django_db

MAIL = ATTACHED["mailbox.ImportedMessage"]
APPLICATIONS = 3


def small_search(owner: User) -> None:
    """A few applications and one imported e-mail kept as it arrived: enough to lose."""
    company = Company.objects.create(owner=owner, name="Globex")
    for role in ("Data Analyst", "Engineer", "Designer")[:APPLICATIONS]:
        Application.objects.create(owner=owner, company=company, role=role)
    message = ImportedMessage.objects.create(
        owner=owner,
        dedupe_key=f"mid:1@{owner.pk}.example",
        label="rejection",
        confidence=0.9,
        outcome="updated",
    )
    OriginalMail.objects.create(message=message, data=b"Subject: Your application\n\nNo.")


def said(result: Any) -> str:
    return " ".join(result.stderr.split())


def refused_and_nothing_lost(result: Any, owner: User, says: str) -> None:
    """One plain message, exit code 1, and the person's records as they were."""
    assert result.exit_code == 1, result.output
    assert says in said(result), said(result)
    assert "Nothing was changed" in said(result) and "Traceback" not in result.output
    assert len(result.stderr.strip().splitlines()) <= 4  # one message, wrapped by the terminal
    assert Application.objects.filter(owner=owner).count() == APPLICATIONS
    assert OriginalMail.objects.filter(message__owner=owner).count() == 1


def export_with_mail(owner: User, path: Path, mail: bytes) -> Path:
    """A zip made from the person's export, the one e-mail in it replaced by ``mail``
    (as someone editing the zip by hand would)."""
    data = export_data(owner)
    (row,) = data["kinds"]["mailbox.ImportedMessage"]["rows"]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zipped:
        zipped.writestr(DATA_NAME, json.dumps(data))
        zipped.writestr(row["original"], mail)
    return path


# --- One e-mail: at most what an import keeps ---------------------------------------------------


def test_restore_keeps_no_bigger_email_than_the_importer_does() -> None:
    assert MAIL.max_bytes == MAX_ORIGINAL_BYTES


def test_an_email_over_the_limit_in_a_hand_made_zip_is_refused_by_name(
    alice: User, cli: Any, tmp_path: Path
) -> None:
    small_search(alice)
    big = b"Subject: Your application\n\n" + b"x" * (7 * 1024 * 1024)
    path = export_with_mail(alice, tmp_path / "edited.zip", big)

    result = cli("restore", str(path), "--yes")

    name = ImportedMessage.objects.get(owner=alice).pk  # the file is named after its old id
    refused_and_nothing_lost(result, alice, "edited.zip holds an e-mail bigger than bounceback")
    assert f"mail/{name}.eml is 7.0 MB, over the 5.0 MB it keeps of one e-mail" in said(result)
    assert "Take the attachments out of that file" in said(result)


def test_an_email_exactly_at_the_limit_restores_whole(
    alice: User, cli: Any, tmp_path: Path
) -> None:
    small_search(alice)
    head = b"Subject: Your application\n\n"
    mail = head + b"x" * (MAX_ORIGINAL_BYTES - len(head))
    path = export_with_mail(alice, tmp_path / "edited.zip", mail)

    assert cli("restore", str(path), "--yes").exit_code == 0
    assert bytes(OriginalMail.objects.get(message__owner=alice).data) == mail


# --- Zip bombs and names outside the zip ------------------------------------------------------


def _export(owner: User, path: Path, extra: dict[str, bytes] | None = None) -> Path:
    """The person's own export, with ``extra`` files added beside what export wrote."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zipped:
        with zipfile.ZipFile(_bytes_file(path, export_zip(owner))) as source:
            for info in source.infolist():
                zipped.writestr(info, source.read(info))
        for name, content in (extra or {}).items():
            zipped.writestr(name, content)
    return path


def _bytes_file(beside: Path, content: bytes) -> Path:
    source = beside.with_name("source-" + beside.name)
    source.write_bytes(content)
    return source


def test_a_zip_that_unpacks_to_more_than_any_export_is_refused_unopened(
    alice: User, cli: Any, tmp_path: Path, monkeypatch: Any
) -> None:
    small_search(alice)
    # 60 MB of zeros squeeze into a few tens of kilobytes; the limit is lowered to match.
    path = _export(alice, tmp_path / "bomb.zip", {"padding.bin": bytes(60 * 1024 * 1024)})
    assert path.stat().st_size < 1024 * 1024
    monkeypatch.setattr(archive, "MAX_TOTAL_BYTES", 50 * 1024 * 1024)
    read: list[str] = []
    monkeypatch.setattr(zipfile.ZipFile, "read", lambda self, name, pwd=None: read.append(name))

    result = cli("restore", str(path), "--yes")

    refused_and_nothing_lost(result, alice, "is bigger than any bounceback export")
    assert "(it unpacks to 60." in said(result)
    assert read == []  # nothing was unpacked


def test_a_zip_file_bigger_than_any_export_is_refused_before_it_is_opened(
    alice: User, cli: Any, tmp_path: Path, monkeypatch: Any
) -> None:
    small_search(alice)
    path = _export(alice, tmp_path / "huge.zip")
    monkeypatch.setattr(archive, "MAX_TOTAL_BYTES", path.stat().st_size - 1)
    monkeypatch.setattr(zipfile, "ZipFile", None)  # would fail if the zip were opened
    refused_and_nothing_lost(
        cli("restore", str(path), "--yes"), alice, "is bigger than any bounceback export"
    )


def test_a_zip_with_more_files_than_any_export_is_refused(
    alice: User, cli: Any, tmp_path: Path, monkeypatch: Any
) -> None:
    small_search(alice)
    extra = {f"csv/extra-{n}.csv": b"" for n in range(30)}
    path = _export(alice, tmp_path / "many.zip", extra)
    monkeypatch.setattr(archive, "MAX_MEMBERS", 40)
    result = cli("restore", str(path), "--yes")
    refused_and_nothing_lost(result, alice, "is bigger than any bounceback export (it holds")


def test_a_list_of_files_too_long_to_read_is_refused_before_it_is_read(
    alice: User, cli: Any, tmp_path: Path, monkeypatch: Any
) -> None:
    small_search(alice)
    extra = {f"csv/{'long-name-' * 20}{n}.csv": b"" for n in range(200)}
    path = _export(alice, tmp_path / "long.zip", extra)
    monkeypatch.setattr(archive, "MAX_DIRECTORY_BYTES", 20_000)
    monkeypatch.setattr(zipfile, "ZipFile", None)  # would fail if the zip were opened
    result = cli("restore", str(path), "--yes")
    refused_and_nothing_lost(result, alice, "its list of files alone is")


def test_the_list_of_files_is_measured_in_a_zip64_file_too(tmp_path: Path) -> None:
    path = tmp_path / "z64.zip"
    with zipfile.ZipFile(path, "w") as written:
        for n in range(3):
            written.writestr(f"csv/{n}.csv", b"a,b\n")
    plain = archive._directory_size(path, path.stat().st_size)
    # Rewritten with ZIP64 end records (as zipfile writes past 65,535 files or 4 GB).
    content = path.read_bytes()
    end = content.rfind(b"PK\x05\x06")
    entries, directory, offset = 3, int.from_bytes(content[end + 12 : end + 16], "little"), end
    start = offset - directory
    zip64_end = (
        b"PK\x06\x06"
        + (44).to_bytes(8, "little")
        + (45).to_bytes(2, "little") * 2
        + bytes(8)
        + entries.to_bytes(8, "little") * 2
        + directory.to_bytes(8, "little")
        + start.to_bytes(8, "little")
    )
    locator = b"PK\x06\x07" + bytes(4) + offset.to_bytes(8, "little") + (1).to_bytes(4, "little")
    classic = b"PK\x05\x06" + bytes(4) + b"\xff\xff" * 2 + b"\xff\xff\xff\xff" * 2 + bytes(2)
    path.write_bytes(content[:end] + zip64_end + locator + classic)
    with zipfile.ZipFile(path) as written:  # still a zip zipfile reads
        assert len(written.infolist()) == 3
    assert archive._directory_size(path, path.stat().st_size) == plain == directory


@pytest.mark.parametrize(
    "name",
    ["../../.bashrc", "mail/../../x.eml", "/etc/cron.d/x", "mail\\..\\..\\x.eml", "C:/x.txt"],
)
def test_a_zip_holding_a_file_named_outside_itself_is_refused(
    alice: User, cli: Any, tmp_path: Path, name: str
) -> None:
    small_search(alice)
    path = _export(alice, tmp_path / "sneaky.zip", {name: b"echo gotcha"})
    result = cli("restore", str(path), "--yes")
    refused_and_nothing_lost(result, alice, "is not a bounceback export (it holds a file named")
    assert not (tmp_path.parent / ".bashrc").exists()


def test_a_zip_holding_one_name_twice_is_refused(alice: User, cli: Any, tmp_path: Path) -> None:
    small_search(alice)
    with pytest.warns(UserWarning, match="Duplicate name"):
        path = _export(alice, tmp_path / "twice.zip", {DATA_NAME: b"{}"})
    result = cli("restore", str(path), "--yes")
    refused_and_nothing_lost(result, alice, f"it holds {DATA_NAME} twice")


def test_an_ordinary_export_passes_every_check(alice: User, cli: Any, tmp_path: Path) -> None:
    small_search(alice)
    path = _export(alice, tmp_path / "mine.zip")
    Application.objects.filter(owner=alice).delete()
    assert cli("restore", str(path), "--yes").exit_code == 0
    assert Application.objects.filter(owner=alice).count() == APPLICATIONS


# --- A hosted install: into the account --user names, and only that one --------------------------


@pytest.fixture
def hosted(settings: Any) -> None:
    settings.BOUNCEBACK_HOSTED = True


def test_hosted_restore_goes_into_the_account_named_and_no_other(
    hosted: None, cli: Any, tmp_path: Path
) -> None:
    sam = person("sam@example.org")
    lee = person("lee@example.org")
    small_search(sam)
    path = tmp_path / "sam.zip"
    path.write_bytes(export_zip(sam))
    Company.objects.create(owner=lee, name="Lee's own company")

    result = cli("restore", str(path), "--user", "Sam@Example.org")  # as they might type it

    # Sam had data: it is replaced only after asking, exactly as for the local person.
    assert result.exit_code == 1 and "--yes" in said(result)
    assert "everything sam@example.org keeps in bounceback now" in said(result)
    remove_all(sam)

    # An empty account: restored at once, into Sam's account and nobody else's.
    result = cli("restore", str(path), "--user", "sam@example.org")
    assert result.exit_code == 0, result.output
    assert "into sam@example.org's account" in " ".join(result.stdout.split())
    assert Application.objects.filter(owner=sam).count() == APPLICATIONS
    assert list(Company.objects.filter(owner=lee).values_list("name", flat=True)) == [
        "Lee's own company"
    ]
    assert not Application.objects.exclude(owner=sam).exists()


def test_hosted_restore_over_someones_data_asks_or_takes_yes(
    hosted: None, cli: Any, tmp_path: Path
) -> None:
    sam = person("sam@example.org")
    small_search(sam)
    path = tmp_path / "sam.zip"
    path.write_bytes(export_zip(sam))
    Application.objects.filter(owner=sam).first().delete()  # type: ignore[union-attr]

    result = cli("restore", str(path), "--user", "sam@example.org", input="n\n")
    assert result.exit_code == 1 and "2 applications" in said(result)
    assert Application.objects.filter(owner=sam).count() == 2

    result = cli("restore", str(path), "--user", "sam@example.org", "--yes")
    assert result.exit_code == 0, result.output
    assert Application.objects.filter(owner=sam).count() == APPLICATIONS


def test_hosted_restore_keeps_the_role_staff_gave(hosted: None, cli: Any, tmp_path: Path) -> None:
    kim = person("kim@example.org", Role.COACH)
    seeker = person("old@example.org")
    path = tmp_path / "old.zip"
    path.write_bytes(export_zip(seeker))
    assert cli("restore", str(path), "--user", "kim@example.org").exit_code == 0
    assert Profile.objects.get(user=kim).role == Role.COACH


@pytest.mark.parametrize(
    ("email", "says"),
    [
        ("nobody@example.org", "No one signs in here as nobody@example.org"),
        ("not an address", "--user takes the e-mail address the person signs in with"),
    ],
)
def test_hosted_restore_for_someone_unknown_says_so_and_changes_nothing(
    hosted: None, cli: Any, tmp_path: Path, email: str, says: str
) -> None:
    sam = person("sam@example.org")
    small_search(sam)
    path = tmp_path / "sam.zip"
    path.write_bytes(export_zip(sam))
    result = cli("restore", str(path), "--user", email, "--yes")
    assert result.exit_code == 1 and says in said(result)
    assert Application.objects.filter(owner=sam).count() == APPLICATIONS
    assert User.objects.count() == 1


def test_hosted_restore_without_user_asks_whose_account(
    hosted: None, cli: Any, tmp_path: Path
) -> None:
    sam = person("sam@example.org")
    path = tmp_path / "sam.zip"
    path.write_bytes(export_zip(sam))
    result = cli("restore", str(path), "--yes")
    assert result.exit_code == 1 and "--user" in said(result)
    assert not User.objects.filter(username="me").exists()


def test_user_on_one_computer_is_refused(alice: User, cli: Any, tmp_path: Path) -> None:
    small_search(alice)
    path = tmp_path / "mine.zip"
    path.write_bytes(export_zip(alice))
    result = cli("restore", str(path), "--user", "me@example.org", "--yes")
    assert result.exit_code == 1 and "leave out --user" in said(result)
    assert Application.objects.filter(owner=alice).count() == APPLICATIONS


def test_the_web_offers_no_restore_only_a_download_of_ones_own_data() -> None:
    """Restoring is a command (locally, or by whoever runs a hosted install, with --user):
    the web has no page that could write one person's file into another's account."""
    from bounceback.portability.urls import urlpatterns

    # Downloading (at once, or a zip a worker prepared when hosted) is all there is.
    assert [pattern.name for pattern in urlpatterns] == [
        "download",
        "prepare",
        "prepared_status",
        "prepared_download",
    ]
