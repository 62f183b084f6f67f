"""`bounceback export`: everything a person owns, in one zip they can read without us.

The zip holds:

- ``bounceback-export.json``: every kind of record (``kinds.py``), versioned and described
  (``docs/export-format.md``): for each kind its fields, which of them are the person's
  private words, which refer to other records, and the rows.
- ``csv/<app>-<kind>.csv``: the same rows, one file per kind, for a spreadsheet. A cell that
  a spreadsheet would run as a formula (``=``, ``+``, ``-``, ``@``) starts with ``'``.
- ``mail/<id>.eml``: each imported job e-mail as it arrived (``kinds.ATTACHED``), named by
  the ``original`` field of its row; not in the spreadsheets.
- ``README.txt``: the above in a few lines, for whoever opens the zip.

Ids in the file are the ones this database gave; they only link records to each other
inside the file. Restoring gives records new ids (``restore.py``).
"""

from __future__ import annotations

import base64
import csv
import io
import json
import zipfile
from collections.abc import Iterator, Mapping
from datetime import date, datetime
from typing import Any

from django.contrib.auth.models import User
from django.db import connection
from django.db.models import Model
from django.utils import timezone

from bounceback import __version__
from bounceback.portability.kinds import NOT_RESTORED, Attached, Kind, kinds

FORMAT = "bounceback-export"
# Kinds every account has before the person does anything: not counted as their records.
SETTINGS_KINDS = frozenset({"accounts.Profile"})
# Raise when a field is renamed or removed, or a value changes meaning; restore refuses
# files newer than it knows. Adding a kind or a field keeps the version: older files
# restore with the field's default.
FORMAT_VERSION = 1
DATA_NAME = "bounceback-export.json"

# OWASP's list of characters that make a spreadsheet cell a formula (tab and CR included).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

README = """\
Everything you kept in bounceback, exported on {day}.

bounceback-export.json  all of it, in one file (format version {version}); the format is
                        described in docs/export-format.md in bounceback's source.
                        Fields listed under "private_fields" are your own words
                        (reflections, notes, check-ins): keep this file safe.
csv/                    the same records, one spreadsheet per kind. A cell that
                        starts with ' had =, +, - or @ first: the ' stops a
                        spreadsheet from running it as a formula.
mail/                   each job e-mail bounceback imported, as it arrived (.eml
                        opens in any mail program). One over 5 MB kept only its
                        headers and text, and says so in an X-Bounceback-Shortened
                        header.

To bring it all back: bounceback restore {file}
"""


class Document(dict[str, Any]):
    """An export's JSON document, with the files its rows name (``"mail/12.eml"`` → bytes):
    they travel beside the JSON in the zip, never inside it, so ``json.dumps`` of a
    document is the JSON file as written."""

    def __init__(self, data: Mapping[str, Any], files: dict[str, bytes] | None = None) -> None:
        super().__init__(data)
        self.files: dict[str, bytes] = files or {}


def json_value(value: Any) -> Any:
    """One field's value as JSON: dates in ISO 8601, binary in base64, the rest as is."""
    if value is None:
        return None
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, bytes | memoryview):
        return base64.b64encode(bytes(value)).decode("ascii")
    if isinstance(value, int | float | str | bool | list | dict):
        return value
    return str(value)  # Decimal, UUID, time: their text form parses back


def _row(
    kind: Kind, obj: Model, many: dict[str, dict[int, list[int]]], attached: set[int]
) -> dict[str, Any]:
    row: dict[str, Any] = {}
    for f in kind.fields:
        row[f.name] = json_value(getattr(obj, f.attname))
    for name in kind.many:
        row[name] = many[name].get(obj.pk, [])
    if kind.attached:
        row[kind.attached.name] = kind.attached.file_name(obj.pk) if obj.pk in attached else None
    return row


def _attached_rows(attached: Attached, kind: Kind, owner: User) -> Any:
    """The person's rows of an attached model (the bytes of their imported e-mails)."""
    return attached.holder()._default_manager.filter(
        **{f"{attached.link}__{kind.owner_field}": owner}
    )


def files_of(kind: Kind, owner: User) -> Iterator[tuple[str, bytes]]:
    """The files a kind's rows name, as (name in the zip, bytes)."""
    if kind.attached is None:
        return
    pairs = _attached_rows(kind.attached, kind, owner).order_by("pk")
    for pk, data in pairs.values_list("pk", kind.attached.data).iterator(chunk_size=50):
        yield kind.attached.file_name(pk), bytes(data)


def _many_links(kind: Kind, owner: User) -> dict[str, dict[int, list[int]]]:
    """For each many-to-many field, the ids each row links to (one query per field)."""
    links: dict[str, dict[int, list[int]]] = {}
    for name in kind.many:
        m2m = kind.model._meta.get_field(name)
        through = m2m.remote_field.through  # type: ignore[union-attr]
        source = m2m.m2m_field_name()  # type: ignore[union-attr]
        target = m2m.m2m_reverse_field_name()  # type: ignore[union-attr]
        table: dict[int, list[int]] = {}
        pairs = (
            through._default_manager.filter(**{f"{source}__{kind.owner_field}": owner})
            .order_by(f"{source}_id", f"{target}_id")
            .values_list(f"{source}_id", f"{target}_id")
        )
        for left, right in pairs:
            table.setdefault(left, []).append(right)
        links[name] = table
    return links


def kind_header(kind: Kind) -> dict[str, Any]:
    """What the file says about a kind besides its rows (the format's self-description)."""
    return {
        "name": kind.name,
        "description": kind.description,
        "fields": kind.field_names,
        "private_fields": list(kind.private_fields),
        "references": {**kind.references, **kind.many},
        "not_restored": sorted(NOT_RESTORED.get(kind.label, ())),
    }


def rows_of(kind: Kind, owner: User) -> Iterator[dict[str, Any]]:
    """The person's rows of one kind, oldest id first."""
    many = _many_links(kind, owner)
    attached: set[int] = set()
    if kind.attached:
        attached = set(_attached_rows(kind.attached, kind, owner).values_list("pk", flat=True))
    query = kind.model._default_manager.filter(**{kind.owner_field: owner}).order_by("pk")
    for obj in query.iterator(chunk_size=2000):
        yield _row(kind, obj, many, attached)


def export_data(owner: User) -> Document:
    """Everything the person owns: the JSON document of the export, and its files."""
    data = {
        "format": FORMAT,
        "version": FORMAT_VERSION,
        "exported_at": timezone.now().isoformat(),
        "bounceback_version": __version__,
        "database": connection.vendor,
        "account": {"username": owner.get_username(), "email": owner.email},
        "kinds": {
            kind.label: {**kind_header(kind), "rows": list(rows_of(kind, owner))}
            for kind in kinds()
        },
    }
    # After the rows: a file is read for every row that names one.
    return Document(data, dict(pair for kind in kinds() for pair in files_of(kind, owner)))


def safe_cell(value: Any) -> str:
    """A spreadsheet cell that is only ever text: formulas are defused with a leading '."""
    if value is None:
        return ""
    if isinstance(value, bool):
        text = "true" if value else "false"
    elif isinstance(value, list | dict):
        text = json.dumps(value, ensure_ascii=False)
    else:
        text = str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def kind_csv(header: dict[str, Any]) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    columns = header["fields"]
    writer.writerow(columns)
    for row in header["rows"]:
        writer.writerow([safe_cell(row.get(column)) for column in columns])
    return out.getvalue()


def export_zip(owner: User, file_name: str = "bounceback-export.zip") -> bytes:
    """The person's export as the bytes of a zip file."""
    return zip_document(export_data(owner), file_name)


def zip_document(data: dict[str, Any], file_name: str) -> bytes:
    """An export document (``export_data``) with its files and spreadsheets, zipped."""
    by_label = {kind.label: kind for kind in kinds()}
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(DATA_NAME, json.dumps(data, ensure_ascii=False, indent=1))
        for name, content in getattr(data, "files", {}).items():
            archive.writestr(name, content)
        for label, header in data["kinds"].items():
            # utf-8-sig: the byte-order mark tells Excel the file is UTF-8.
            archive.writestr(
                f"csv/{by_label[label].csv_name}", kind_csv(header).encode("utf-8-sig")
            )
        archive.writestr(
            "README.txt",
            README.format(day=timezone.localdate(), version=FORMAT_VERSION, file=file_name),
        )
    return buffer.getvalue()


def counts(data: dict[str, Any]) -> dict[str, int]:
    """How many records of each kind a document holds, by kind label, settings left out."""
    return {
        label: len(header["rows"])
        for label, header in data["kinds"].items()
        if isinstance(header, dict)
        and isinstance(header.get("rows"), list)
        and header["rows"]
        and label not in SETTINGS_KINDS
    }


def default_file_name() -> str:
    return f"bounceback-export-{timezone.localdate():%Y-%m-%d}.zip"
