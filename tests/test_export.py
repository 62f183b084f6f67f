"""Your data is yours: `export` writes everything a person owns to one zip, `restore` brings
it back whole or not at all, on SQLite and PostgreSQL alike."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.db.models import ForeignKey, OneToOneField
from django.urls import reverse

from bounceback.accounts.models import Profile, Role
from bounceback.applications.models import Application, Company, Contact
from bounceback.demo import build_demo
from bounceback.errors import UserError
from bounceback.insights.models import SilenceRule, Theme
from bounceback.mailbox.learning import remember_example
from bounceback.mailbox.models import (
    ImapCursor,
    Label,
    LabelCorrection,
    OriginalMail,
    SenderRule,
)
from bounceback.portability.export import DATA_NAME, FORMAT_VERSION, export_data, export_zip
from bounceback.portability.kinds import ATTACHED, LEFT_OUT, bounceback_models, kinds, user_fields
from bounceback.portability.restore import current_counts, read_export, remove_all, replace_with
from bounceback.recovery.models import Reflection
from bounceback.wellbeing.models import CheckIn
from tests.clock import TODAY
from tests.test_mail_review import queue

pytestmark = pytest.mark.django_db

EXPORTED = {kind.label for kind in kinds()}


def full_search(person: User) -> None:
    """The demo's search, and a row of every kind the demo leaves empty (mail, own themes)."""
    build_demo(person, today=TODAY)
    item = queue(person, company="Acme", role="Data Analyst", evidence=("not move forward",))
    item.candidates.add(*Application.objects.filter(owner=person)[:2])
    SenderRule.objects.create(owner=person, sender="@acme.example", company="Acme")
    LabelCorrection.objects.create(
        owner=person, sender="@acme.example", was=Label.REJECTION, now=Label.OTHER_JOB
    )
    ImapCursor.objects.create(
        owner=person, host="imap.example.org", username="sam", folder="INBOX", uidvalidity=7
    )
    Theme.objects.create(
        owner=person, slug="own-portfolio", name="My portfolio", triggers=["portfolio"]
    )
    SilenceRule.objects.create(owner=person, stage="final", days=30)
    remember_example(item, Label.OTHER_JOB)  # what Mail review taught the personal layer
    OriginalMail.objects.create(message=item.message, data=b"Subject: Your application\n\nNo.")


def export_file(person: User, folder: Path) -> Path:
    path = folder / "export.zip"
    path.write_bytes(export_zip(person))
    return path


def json_of(result: Any) -> Any:
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def with_old_ids(value: Any, back: dict[str, dict[int, int]]) -> Any:
    """`list --json` and `insights --json` with the restored ids turned back into the old ones."""
    if isinstance(value, list):
        return [with_old_ids(v, back) for v in value]
    if isinstance(value, dict):
        out = {}
        for key, inner in value.items():
            if key == "id" and isinstance(inner, int):
                inner = back["applications.Application"][inner]
            elif key == "referred_by" and isinstance(inner, int):
                inner = back["applications.Contact"][inner]
            out[key] = with_old_ids(inner, back)
        return out
    return value


def backwards(ids: dict[tuple[str, int], int]) -> dict[str, dict[int, int]]:
    back: dict[str, dict[int, int]] = {}
    for (label, old), new in ids.items():
        back.setdefault(label, {})[new] = old
    return back


# --- What is exported ------------------------------------------------------------------------


def test_every_model_that_belongs_to_a_person_is_exported_or_left_out_with_a_reason() -> None:
    for model in bounceback_models():
        label = model._meta.label
        owners = user_fields(model)
        refers_to_exported = [
            f.name
            for f in model._meta.concrete_fields
            if isinstance(f, ForeignKey | OneToOneField)
            and f.related_model is not None
            and f.related_model._meta.label in EXPORTED
        ]
        if label in LEFT_OUT or label in {a.model for a in ATTACHED.values()}:
            continue  # left out with a reason, or travelling as files beside its owner's rows
        assert len(owners) <= 1, (
            f"{label} refers to {len(owners)} people ({owners}): decide how it is exported, "
            "or add it to LEFT_OUT in portability/kinds.py with the reason."
        )
        if not owners and refers_to_exported:
            pytest.fail(
                f"{label} belongs to a person only through {refers_to_exported}: give it an "
                "owner (applications.models.Owned) so the export finds it, or add it to "
                "LEFT_OUT in portability/kinds.py with the reason."
            )
        if owners:
            assert label in EXPORTED


def test_what_is_left_out_still_exists_and_says_why() -> None:
    labels = {model._meta.label for model in bounceback_models()}
    for label, reason in LEFT_OUT.items():
        assert label in labels, f"{label} is gone: take it off LEFT_OUT"
        assert len(reason) > 20


def test_every_reference_in_the_export_points_to_another_exported_kind() -> None:
    for kind in kinds():
        for name, target in {**kind.references, **kind.many}.items():
            assert target in EXPORTED, f"{kind.label}.{name} points to {target}, not exported"


def test_the_export_is_ordered_so_a_record_comes_after_what_it_refers_to() -> None:
    seen: set[str] = set()
    for kind in kinds():
        assert all(t in seen or t == kind.label for t in kind.references.values()), kind.label
        seen.add(kind.label)


def test_the_round_trip_below_covers_every_exported_kind(alice: User) -> None:
    full_search(alice)
    data = export_data(alice)
    empty = [label for label, header in data["kinds"].items() if not header["rows"]]
    assert not empty, f"add a row of {empty} to full_search() so the round trip proves them"
    links = [kind.label for kind in kinds() if kind.many]
    for label in links:
        assert any(
            any(row[name] for name in kinds_by(label).many) for row in data["kinds"][label]["rows"]
        ), f"add a many-to-many link of {label} to full_search()"


def kinds_by(label: str) -> Any:
    return next(kind for kind in kinds() if kind.label == label)


def test_the_file_says_its_version_and_marks_private_words(alice: User) -> None:
    full_search(alice)
    data = export_data(alice)
    assert data["format"] == "bounceback-export" and data["version"] == FORMAT_VERSION
    reflections = data["kinds"]["recovery.Reflection"]
    assert "answer" in reflections["private_fields"]
    assert "note" in data["kinds"]["wellbeing.CheckIn"]["private_fields"]
    assert "text" in data["kinds"]["mailbox.ReviewItem"]["private_fields"]
    answers = {row["answer"] for row in reflections["rows"]}
    assert set(Reflection.objects.filter(owner=alice).values_list("answer", flat=True)) == answers
    assert reflections["references"]["rejection"] == "recovery.Rejection"


def test_someone_elses_records_never_reach_the_export(alice: User, bob: User) -> None:
    full_search(alice)
    CheckIn.objects.create(owner=bob, mood=2, note="Bob's own words")
    company = Company.objects.create(owner=bob, name="Bob's Employer")
    Application.objects.create(owner=bob, company=company, role="Bob's role")
    text = json.dumps(export_data(alice))
    assert "Bob" not in text
    assert export_data(bob)["kinds"]["applications.Application"]["rows"][0]["role"] == "Bob's role"


# --- Spreadsheets -----------------------------------------------------------------------------


def test_each_kind_has_a_spreadsheet_and_formulas_in_it_are_made_harmless(alice: User) -> None:
    company = Company.objects.create(owner=alice, name='=HYPERLINK("http://evil.example")')
    Application.objects.create(owner=alice, company=company, role="+44 Analyst", notes="@SUM(A1)")
    CheckIn.objects.create(owner=alice, mood=3, note="-2 points, felt fine")
    with zipfile.ZipFile(io.BytesIO(export_zip(alice))) as archive:
        names = set(archive.namelist())
        assert {f"csv/{kind.csv_name}" for kind in kinds()} <= names
        companies = _csv(archive, "csv/applications-company.csv")
        applications = _csv(archive, "csv/applications-application.csv")
        checkins = _csv(archive, "csv/wellbeing-checkin.csv")
    assert companies[0]["name"] == '\'=HYPERLINK("http://evil.example")'
    assert applications[0]["role"] == "'+44 Analyst" and applications[0]["notes"] == "'@SUM(A1)"
    assert checkins[0]["note"] == "'-2 points, felt fine"
    assert applications[0]["company"] == str(company.pk)  # references stay as ids


def _csv(archive: zipfile.ZipFile, name: str) -> list[dict[str, str]]:
    text = archive.read(name).decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text)))


# --- Round trips ------------------------------------------------------------------------------


def test_export_wipe_restore_gives_back_the_same_lists_and_insights(
    alice: User, cli: Any, tmp_path: Path
) -> None:
    full_search(alice)
    before_list = json_of(cli("list", "--json"))
    before_insights = json_of(cli("insights", "--json"))
    before_private = sorted(CheckIn.objects.filter(owner=alice).values_list("note", flat=True))
    path = export_file(alice, tmp_path)

    remove_all(alice)
    assert not current_counts(alice)
    report = replace_with(alice, read_export(path))

    back = backwards(report.ids)
    assert with_old_ids(json_of(cli("list", "--json")), back) == before_list
    assert with_old_ids(json_of(cli("insights", "--json")), back) == before_insights
    assert (
        sorted(CheckIn.objects.filter(owner=alice).values_list("note", flat=True)) == before_private
    )
    assert any(before_private)


def test_a_second_export_of_a_restored_search_equals_the_first(
    alice: User, tmp_path: Path, frozen_clock: Any
) -> None:
    full_search(alice)
    first = export_data(alice)
    frozen_clock.shift(timedelta(days=3))  # saved times stay as they were, not the restore's
    replace_with(alice, read_export(export_file(alice, tmp_path)))
    assert canonical(export_data(alice)) == canonical(first)


def canonical(data: dict[str, Any]) -> dict[str, Any]:
    """A document with each id replaced by its place among its kind's ids (restores keep the
    order, never the number), and the export's own stamp left out."""
    rank = {
        label: {row["id"]: i for i, row in enumerate(sorted(h["rows"], key=lambda r: r["id"]))}
        for label, h in data["kinds"].items()
    }
    kinds_out = {}
    for label, header in data["kinds"].items():
        refs = header["references"]
        rows = []
        for row in header["rows"]:
            new = dict(row, id=rank[label][row["id"]])
            if row.get("original"):  # its file is named after the row's id
                new["original"] = f"mail/{new['id']}.eml"
            for name, target in refs.items():
                value = row.get(name)
                if isinstance(value, list):
                    new[name] = sorted(rank[target][v] for v in value)
                elif value is not None:
                    new[name] = rank[target][value]
            rows.append(new)
        kinds_out[label] = {**header, "rows": sorted(rows, key=lambda r: r["id"])}
    return {"version": data["version"], "account": data["account"], "kinds": kinds_out}


def test_a_nul_character_that_sqlite_kept_does_not_stop_a_restore(
    alice: User, tmp_path: Path
) -> None:
    """PostgreSQL refuses NUL in text; SQLite stores it. A search moving over loses only it."""
    full_search(alice)
    data = export_data(alice)
    rows = data["kinds"]["wellbeing.CheckIn"]["rows"]
    rows[0] = rows[0] | {"note": "a calm\x00 day", "tags": ["walk\x00ed"]}
    replace_with(alice, data)
    restored = CheckIn.objects.filter(owner=alice).order_by("pk").first()
    assert restored is not None
    assert (restored.note, restored.tags) == ("a calm day", ["walked"])


def test_restore_keeps_the_role_staff_gave(alice: User, tmp_path: Path) -> None:
    full_search(alice)
    path = export_file(alice, tmp_path)
    Profile.objects.filter(user=alice).update(role=Role.COACH, display_name="Changed")
    replace_with(alice, read_export(path))
    profile = Profile.objects.get(user=alice)
    assert profile.role == Role.COACH and profile.display_name != "Changed"


# --- The commands -------------------------------------------------------------------------------


def test_export_writes_a_private_zip_and_says_what_is_in_it(
    alice: User, cli: Any, tmp_path: Path
) -> None:
    full_search(alice)
    result = cli("export", "--out", str(tmp_path / "mine.zip"))
    assert result.exit_code == 0, result.output
    said = " ".join(result.stdout.split())
    assert "39 applications" in said and "private notes" in said
    path = tmp_path / "mine.zip"
    assert path.stat().st_mode & 0o777 == 0o600
    with zipfile.ZipFile(path) as archive:
        assert {DATA_NAME, "README.txt"} <= set(archive.namelist())


def test_export_into_a_folder_names_the_file_after_today(
    alice: User, cli: Any, tmp_path: Path
) -> None:
    info = json_of(cli("export", "--out", str(tmp_path), "--json"))
    assert info["file"] == str(tmp_path / f"bounceback-export-{TODAY:%Y-%m-%d}.zip")


def test_export_never_overwrites_a_file(alice: User, cli: Any, tmp_path: Path) -> None:
    target = tmp_path / "mine.zip"
    target.write_bytes(b"something precious")
    result = cli("export", "--out", str(target))
    assert result.exit_code == 1 and "already exists" in " ".join(result.stderr.split())
    assert target.read_bytes() == b"something precious"


def test_export_to_a_missing_folder_says_so(alice: User, cli: Any, tmp_path: Path) -> None:
    result = cli("export", "--out", str(tmp_path / "nowhere" / "mine.zip"))
    assert result.exit_code == 1 and "There is no folder" in result.stderr


def test_restore_into_an_empty_data_folder_asks_nothing(
    alice: User, bob: User, cli: Any, tmp_path: Path
) -> None:
    full_search(bob)
    path = export_file(bob, tmp_path)
    result = cli("restore", str(path))
    assert result.exit_code == 0, result.output
    assert "Restored 39 companies" in " ".join(result.stdout.split())
    assert Application.objects.filter(owner=alice).count() == 39


def test_restore_over_data_says_what_will_be_replaced_and_asks(
    alice: User, cli: Any, tmp_path: Path
) -> None:
    full_search(alice)
    path = export_file(alice, tmp_path)
    Application.objects.filter(owner=alice).first().delete()  # type: ignore[union-attr]
    result = cli("restore", str(path), input="n\n")
    said = " ".join(result.stderr.split())
    assert result.exit_code == 1
    assert "replaces everything in bounceback now (" in said
    assert "38 applications" in said and "39 applications" in said
    assert "Nothing was changed." in said
    assert Application.objects.filter(owner=alice).count() == 38

    assert cli("restore", str(path), input="y\n").exit_code == 0
    assert Application.objects.filter(owner=alice).count() == 39


def test_restore_with_no_one_to_answer_changes_nothing(
    alice: User, cli: Any, tmp_path: Path
) -> None:
    full_search(alice)
    path = export_file(alice, tmp_path)
    Contact.objects.filter(owner=alice).delete()
    result = cli("restore", str(path))
    assert result.exit_code == 1 and "--yes" in result.stderr
    assert not Contact.objects.filter(owner=alice).exists()
    assert cli("restore", str(path), "--yes").exit_code == 0
    assert Contact.objects.filter(owner=alice).count() == 19


# --- Bad files ---------------------------------------------------------------------------------


def _file_with(path: Path, content: bytes) -> Path:
    path.write_bytes(content)
    return path


def _zip_with(path: Path, data: Any) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(DATA_NAME, data if isinstance(data, str) else json.dumps(data))
        for name, content in getattr(data, "files", {}).items():  # the e-mails it names
            archive.writestr(name, content)
    return path


def _good_document(person: User) -> dict[str, Any]:
    return export_data(person)


@pytest.mark.parametrize(
    ("make", "says"),
    [
        (lambda p, d: _file_with(p, b"just some text"), "is not a bounceback export"),
        (lambda p, d: _file_with(p, b""), "is not a bounceback export"),
        (lambda p, d: _zip_with(p, "{not json"), "looks damaged"),
        (
            lambda p, d: _zip_with(p, {"format": "someone-else", "version": 1}),
            "not a bounceback export",
        ),
        (
            lambda p, d: _zip_with(p, d | {"version": FORMAT_VERSION + 1}),
            "made by a newer bounceback",
        ),
        (lambda p, d: _zip_with(p, d | {"version": "one"}), "no format version"),
        (lambda p, d: _zip_with(p, d | {"kinds": {"future.Thing": {"rows": []}}}), "does not know"),
        (lambda p, d: _truncated(p, d), "looks damaged"),
        (lambda p, d: _with_row_change(p, d, role=["not", "text"]), "looks damaged"),
        (lambda p, d: _with_row_change(p, d, company=999999), "looks damaged"),
        (lambda p, d: _with_row_change(p, d, applied_on="the other day"), "looks damaged"),
        (lambda p, d: _with_row_change(p, d, role="x" * 201), "looks damaged"),
        (lambda p, d: _with_row_change(p, d, applied_on=None), "looks damaged"),
        (lambda p, d: _with_row_change(p, d, shoe_size=42), "does not know"),
    ],
    ids=[
        "text file",
        "empty file",
        "not json",
        "foreign format",
        "newer version",
        "no version",
        "unknown kind",
        "truncated zip",
        "bad value",
        "dangling reference",
        "bad date",
        "too long for its column",
        "missing where required",
        "unknown field",
    ],
)
def test_a_bad_file_is_refused_in_one_plain_line_and_nothing_is_lost(
    alice: User, cli: Any, tmp_path: Path, make: Any, says: str
) -> None:
    full_search(alice)
    bad = make(tmp_path / "bad.zip", _good_document(alice))
    result = cli("restore", str(bad), "--yes")
    assert result.exit_code == 1
    assert says in " ".join(result.stderr.split()) and "Traceback" not in result.output
    assert len(result.stderr.strip().splitlines()) <= 3  # one message, wrapped by the terminal
    assert Application.objects.filter(owner=alice).count() == 39
    assert Reflection.objects.filter(owner=alice).exists()


def _truncated(path: Path, data: dict[str, Any]) -> Path:
    _zip_with(path, data)
    content = path.read_bytes()
    path.write_bytes(content[: len(content) // 2])
    return path


def _with_row_change(path: Path, data: dict[str, Any], **change: Any) -> Path:
    rows = data["kinds"]["applications.Application"]["rows"]
    rows[-1] = rows[-1] | change
    return _zip_with(path, data)


def test_restore_of_a_file_that_is_not_there_says_so(alice: User, cli: Any, tmp_path: Path) -> None:
    result = cli("restore", str(tmp_path / "missing.zip"))
    assert result.exit_code == 1 and "There is no file" in result.stderr
    result = cli("restore", str(tmp_path))
    assert result.exit_code == 1 and "is a folder" in result.stderr


def test_a_failure_half_way_through_leaves_everything_as_it_was(
    alice: User, tmp_path: Path, monkeypatch: Any
) -> None:
    """A record the database refuses late in the restore undoes the whole restore."""
    full_search(alice)
    before = current_counts(alice)
    data = read_export(export_file(alice, tmp_path))
    reflections = data["kinds"]["recovery.Reflection"]["rows"]
    # The same question answered twice for one rejection: refused by a unique constraint.
    reflections.append(reflections[0] | {"id": 10**9})
    with pytest.raises(UserError, match="looks damaged"):
        replace_with(alice, data)
    assert current_counts(alice) == before


# --- The web -------------------------------------------------------------------------------------


def test_settings_offers_a_download_of_everything(alice: User, alice_client: Any) -> None:
    page = alice_client.get(reverse("accounts:settings")).content.decode()
    assert "Download everything" in page and reverse("portability:download") in page


def test_download_everything_returns_the_same_zip_as_the_command(
    alice: User, bob: User, alice_client: Any
) -> None:
    full_search(alice)
    CheckIn.objects.create(owner=bob, mood=2, note="Bob's own words")
    response = alice_client.post(reverse("portability:download"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    assert f"bounceback-export-{TODAY:%Y-%m-%d}.zip" in response["Content-Disposition"]
    assert response["Cache-Control"] == "no-store"
    with zipfile.ZipFile(io.BytesIO(response.content)) as archive:
        data = json.loads(archive.read(DATA_NAME))
    assert canonical(data) == canonical(export_data(alice))
    assert "Bob's own words" not in response.content.decode("latin-1")
    assert alice_client.get(reverse("portability:download")).status_code == 405
