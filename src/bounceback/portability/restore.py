"""`bounceback restore`: put an export back, whole or not at all.

The file is read and checked completely before anything is touched; then the person's
current records are removed and the file's added in one transaction, so a damaged file,
a foreign zip or a power cut leaves what was there. Ids are never trusted: each record
gets a new id from this database, and references are rewritten through a table of old
id → new id per kind, so a file restores beside other people's data (PostgreSQL) and
into a database that has seen other ids before.

A zip is held to what an export can be before anything in it is unpacked: no bigger than
any export and no file named outside it (``archive.py``), and no e-mail bigger than an
import keeps (``Attached.max_bytes``).
"""

from __future__ import annotations

import json
import zipfile
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import DatabaseError, IntegrityError, transaction
from django.db.models import DateField, Field, Model

from bounceback.errors import UserError
from bounceback.lib.files import check_regular_file
from bounceback.lib.hygiene import clip
from bounceback.portability.archive import (
    DAMAGED,
    NOT_AN_EXPORT,
    check_inside,
    check_outside,
    megabytes,
)
from bounceback.portability.export import (
    DATA_NAME,
    FORMAT,
    FORMAT_VERSION,
    SETTINGS_KINDS,
    Document,
)
from bounceback.portability.kinds import LEFT_OUT, NOT_RESTORED, Attached, Kind, kinds

# Far more than years of a job search (the demo's JSON is ~0.2 MB); a bigger member is a
# zip bomb or not ours, and is refused before it is unpacked.
MAX_DATA_BYTES = 512 * 1024 * 1024
MAIL_TOO_BIG = (
    "{name} holds an e-mail bigger than bounceback keeps: {file} is {size}, over the {limit} "
    "it keeps of one e-mail. Take the attachments out of that file (or take the file out of "
    'the zip and set "original" to null in its row), then restore again. Nothing was changed.'
)


@dataclass
class RestoreReport:
    restored: dict[str, int] = field(default_factory=dict)  # kind label -> rows
    replaced: dict[str, int] = field(default_factory=dict)  # kind label -> rows removed first
    # (kind label, id in the file) -> id given here
    ids: dict[tuple[str, int], int] = field(default_factory=dict)


def read_export(path: Path) -> Document:
    """The checked document inside an export zip, with the files its rows name (the
    e-mails as they arrived), or a UserError saying what is wrong."""
    # A regular file only: a pipe would hang, a folder or a too-long name would crash.
    check_regular_file(path, "file")
    name = clip(path.name, 120)
    try:
        check_outside(path, name)
        with zipfile.ZipFile(path) as archive:
            check_inside(archive, name)
            try:
                info = archive.getinfo(DATA_NAME)
            except KeyError:
                raise UserError(
                    NOT_AN_EXPORT.format(name=name, why=f" (it has no {DATA_NAME} inside)")
                ) from None
            if info.file_size > MAX_DATA_BYTES:
                raise UserError(DAMAGED.format(name=name, why="its data is impossibly large"))
            raw = archive.read(info)
    except zipfile.BadZipFile as error:
        if _starts_like_a_zip(path):  # a zip, but cut short or corrupted on the way
            why = "the zip is cut short" if "not a zip file" in str(error).lower() else str(error)
            raise UserError(DAMAGED.format(name=name, why=why)) from None
        raise UserError(NOT_AN_EXPORT.format(name=name, why=" (it is not a zip file)")) from None
    except (EOFError, zlib.error, ValueError):
        raise UserError(DAMAGED.format(name=name, why="the zip is cut short")) from None
    except OSError as error:
        raise UserError(f"Could not read {path}: {error.strerror or error}.") from None
    try:
        data = json.loads(raw.decode("utf-8"))
    except ValueError:
        raise UserError(
            DAMAGED.format(name=name, why=f"{DATA_NAME} is not readable JSON")
        ) from None
    check_document(data, name)
    return Document(data, _named_files(path, data))


def _named_by_rows(data: dict[str, Any]) -> dict[str, Attached]:
    """Each file the document's rows name, with what its kind says of such files."""
    names: dict[str, Attached] = {}
    for kind in kinds():
        header = data["kinds"].get(kind.label)
        if kind.attached and isinstance(header, dict):
            for row in header["rows"]:
                if row.get(kind.attached.name):
                    names[row[kind.attached.name]] = kind.attached
    return names


def _named_files(path: Path, data: dict[str, Any]) -> dict[str, bytes]:
    """The bytes of each file the rows name; a named file that is missing or impossibly
    large is a damaged export, and one over its kind's limit (an e-mail over 5 MB) is
    refused by name, before anything is touched."""
    wanted = _named_by_rows(data)
    if not wanted:
        return {}
    name = clip(path.name, 120)
    files: dict[str, bytes] = {}
    try:
        with zipfile.ZipFile(path) as archive:
            members = {info.filename: info for info in archive.infolist()}
            for file, attached in wanted.items():
                info = members.get(file)
                if info is None:
                    raise UserError(
                        DAMAGED.format(name=name, why=f"{file}, named in it, is missing")
                    )
                if info.file_size > attached.max_bytes:
                    raise UserError(
                        MAIL_TOO_BIG.format(
                            name=name,
                            file=file,
                            size=megabytes(info.file_size),
                            limit=megabytes(attached.max_bytes),
                        )
                    )
                files[file] = archive.read(info)
    except (zipfile.BadZipFile, EOFError, zlib.error, ValueError):
        raise UserError(DAMAGED.format(name=name, why="the zip is cut short")) from None
    except OSError as error:
        raise UserError(f"Could not read {path}: {error.strerror or error}.") from None
    return files


def _starts_like_a_zip(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            return handle.read(4) == b"PK\x03\x04"
    except OSError:
        return False


def check_document(data: Any, name: str) -> None:
    """Refuse a document this bounceback cannot restore faithfully, before touching anything."""
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise UserError(NOT_AN_EXPORT.format(name=name, why=""))
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise UserError(DAMAGED.format(name=name, why="it has no format version"))
    if version > FORMAT_VERSION:
        raise UserError(
            f"{name} was made by a newer bounceback (format {version}; this one reads up to "
            f"{FORMAT_VERSION}). Update bounceback, then restore again. Nothing was changed."
        )
    found = data.get("kinds")
    if not isinstance(found, dict):
        raise UserError(DAMAGED.format(name=name, why="it lists no records"))
    known = {kind.label: kind for kind in kinds()}
    for label, header in found.items():
        if label in LEFT_OUT:
            continue
        kind = known.get(label)
        if kind is None:
            raise UserError(
                f"{name} holds records this bounceback does not know ({label}). Update "
                "bounceback, then restore again. Nothing was changed."
            )
        rows = header.get("rows") if isinstance(header, dict) else None
        if not isinstance(rows, list):
            raise UserError(DAMAGED.format(name=name, why=f"the {kind.name} have no rows"))
        allowed = set(kind.field_names)
        for row in rows:
            if not isinstance(row, dict) or not _is_id(row.get("id")):
                raise UserError(DAMAGED.format(name=name, why=f"a row of {kind.name} has no id"))
            if kind.attached and not _is_file_name(row.get(kind.attached.name), kind):
                raise UserError(
                    DAMAGED.format(name=name, why=f"a row of {kind.name} names a file wrongly")
                )
            unknown = set(row) - allowed
            if unknown:
                raise UserError(
                    f"{name} has fields this bounceback does not know ({kind.name}: "
                    f"{', '.join(sorted(unknown))}). Update bounceback, then restore again. "
                    "Nothing was changed."
                )


def _is_file_name(value: Any, kind: Kind) -> bool:
    """None, or a file in the kind's folder of the zip ("mail/12.eml"), nowhere else."""
    if value is None:
        return True
    assert kind.attached is not None
    folder = f"{kind.attached.folder}/"
    return (
        isinstance(value, str)
        and value.startswith(folder)
        and value.endswith(kind.attached.suffix)
        and "/" not in value[len(folder) :]
        and ".." not in value
    )


def _is_id(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def current_counts(owner: User) -> dict[str, int]:
    """How many records of each kind the person has now, by kind label (settings left out)."""
    found = {}
    for kind in kinds():
        if kind.label in SETTINGS_KINDS:
            continue
        count = kind.model._default_manager.filter(**{kind.owner_field: owner}).count()
        if count:
            found[kind.label] = count
    return found


@contextmanager
def _dates_as_given(model: type[Model]) -> Iterator[None]:
    """Keep saved days as the file says: ``auto_now`` would stamp every row with today.

    Only `restore` writes rows with this switched off, in its own short transaction.
    """
    switched = [
        f
        for f in model._meta.concrete_fields
        if isinstance(f, DateField) and (f.auto_now or f.auto_now_add)
    ]
    saved = [(f, f.auto_now, f.auto_now_add) for f in switched]
    for f in switched:
        f.auto_now = f.auto_now_add = False
    try:
        yield
    finally:
        for f, now, now_add in saved:
            f.auto_now, f.auto_now_add = now, now_add


class _Damaged(Exception):
    pass


# The JSON types each kind of column takes; dates and times travel as ISO 8601 text.
_JSON_TYPES: dict[str, tuple[type, ...]] = {
    "BooleanField": (bool,),
    "FloatField": (int, float),
    "DateField": (str,),
    "DateTimeField": (str,),
}


def _without_nul(value: Any) -> Any:
    """Text without NUL characters: SQLite keeps them, PostgreSQL refuses the whole row, and
    nobody typed one (the web app drops them on the way in, too)."""
    if isinstance(value, str):
        return value.replace("\x00", "")
    if isinstance(value, list):
        return [_without_nul(v) for v in value]
    if isinstance(value, dict):
        return {_without_nul(k): _without_nul(v) for k, v in value.items()}
    return value


def _fits(f: Field[Any, Any], value: Any) -> bool:
    """Whether a value is of the column's type and size: checked here, the same on SQLite
    (which would store anything) and PostgreSQL (which would refuse it half-way)."""
    if value is None:
        return bool(f.null)
    internal = f.get_internal_type()
    if internal == "JSONField":
        return True
    if "Integer" in internal or internal.endswith("AutoField"):
        return isinstance(value, int) and not isinstance(value, bool)
    wanted = _JSON_TYPES.get(internal, (str,))
    if not isinstance(value, wanted) or (bool not in wanted and isinstance(value, bool)):
        return False
    return not (isinstance(value, str) and f.max_length and len(value) > f.max_length)


def _build(
    kind: Kind, row: dict[str, Any], ids: dict[tuple[str, int], int], done: set[str]
) -> tuple[Model, dict[str, tuple[str, int]]]:
    """One unsaved object from a row, and the references to fill once their kind exists."""
    values: dict[str, Any] = {}
    later: dict[str, tuple[str, int]] = {}
    skip = NOT_RESTORED.get(kind.label, frozenset())
    for f in kind.fields:
        if f.primary_key or f.name not in row or f.name in skip:
            continue
        value = row[f.name]
        if f.name in kind.references:
            target = kind.references[f.name]
            if value is None:
                values[f.attname] = None
            elif not _is_id(value):
                raise _Damaged(f"a reference in {kind.name} is not an id")
            elif target not in done:
                later[f.attname] = (target, value)  # a cycle: filled in once the target is saved
            elif (target, value) in ids:
                values[f.attname] = ids[(target, value)]
            else:
                raise _Damaged(f"a row of {kind.name} refers to a record that is not in the file")
            continue
        value = _without_nul(value)
        if not _fits(f, value):
            raise _Damaged(f"a value of {kind.name} ({f.name}) is not valid")
        try:
            values[f.attname] = f.to_python(value)
        except (ValidationError, TypeError, ValueError):
            raise _Damaged(f"a value of {kind.name} ({f.name}) is not valid") from None
    return kind.model(**values), later


def replace_with(owner: User, data: dict[str, Any]) -> RestoreReport:
    """Remove the person's records and add the document's, in one transaction."""
    report = RestoreReport(replaced=current_counts(owner))
    present = data["kinds"]
    try:
        with transaction.atomic():
            kept = _kept_values(owner)
            remove_all(owner)
            _add_all(owner, present, report, kept, getattr(data, "files", {}))
    except _Damaged as error:
        raise UserError(DAMAGED.format(name="The file", why=str(error))) from None
    except (IntegrityError, ValidationError, DatabaseError) as error:
        reason = str(error).strip().splitlines()[0] if str(error).strip() else "refused"
        raise UserError(
            DAMAGED.format(name="The file", why=f"the database refused it: {reason}")
        ) from None
    return report


def remove_all(owner: User) -> None:
    """Every exported record of the person, removed (the ones that refer to others first)."""
    for kind in reversed(kinds()):
        kind.model._default_manager.filter(**{kind.owner_field: owner}).delete()


def _kept_values(owner: User) -> dict[str, dict[str, Any]]:
    """Fields the file may not change (a role given by staff), read before they are removed."""
    kept: dict[str, dict[str, Any]] = {}
    for kind in kinds():
        names = NOT_RESTORED.get(kind.label)
        if names:
            row = (
                kind.model._default_manager.filter(**{kind.owner_field: owner})
                .values(*names)
                .first()
            )
            kept[kind.label] = dict(row or {})
    return kept


def _add_all(
    owner: User,
    present: dict[str, Any],
    report: RestoreReport,
    kept: dict[str, dict[str, Any]],
    files: dict[str, bytes],
) -> None:
    ids = report.ids
    done: set[str] = set()
    deferred: list[tuple[Kind, Model, dict[str, tuple[str, int]]]] = []
    for kind in kinds():
        rows = sorted(present.get(kind.label, {}).get("rows", []), key=lambda r: r["id"])
        built = []
        for row in rows:
            obj, later = _build(kind, row, ids, done)
            setattr(obj, kind.owner_field, owner)
            for name, value in kept.get(kind.label, {}).items():
                setattr(obj, name, value)
            built.append(obj)
            if later:
                deferred.append((kind, obj, later))
        with _dates_as_given(kind.model):
            saved = kind.model._default_manager.bulk_create(built, batch_size=None)
        for row, obj in zip(rows, saved, strict=True):
            ids[(kind.label, row["id"])] = obj.pk
        _add_attached(kind, rows, ids, files)
        done.add(kind.label)
        if rows and kind.label not in SETTINGS_KINDS:
            report.restored[kind.label] = len(rows)
    for kind, obj, later in deferred:
        filled = {}
        for attname, (target, old) in later.items():
            if (target, old) not in ids:
                raise _Damaged(f"a row of {kind.name} refers to a record that is not in the file")
            filled[attname] = ids[(target, old)]
        kind.model._default_manager.filter(pk=obj.pk).update(**filled)
    _add_links(present, ids)


def _add_attached(
    kind: Kind, rows: list[dict[str, Any]], ids: dict[tuple[str, int], int], files: dict[str, bytes]
) -> None:
    """The bytes the rows name (each e-mail as it arrived), beside their new rows."""
    if kind.attached is None:
        return
    attached = kind.attached
    holders = []
    for row in rows:
        file = row.get(attached.name)
        if not file:
            continue
        if file not in files:
            raise _Damaged(f"{file}, named in it, is missing")
        holders.append(
            attached.holder()(
                **{f"{attached.link}_id": ids[(kind.label, row["id"])], attached.data: files[file]}
            )
        )
    attached.holder()._default_manager.bulk_create(holders, batch_size=50)


def _add_links(present: dict[str, Any], ids: dict[tuple[str, int], int]) -> None:
    """Many-to-many links (a contact met on several applications), through the id table."""
    for kind in kinds():
        for name, target in kind.many.items():
            m2m = kind.model._meta.get_field(name)
            through = m2m.remote_field.through  # type: ignore[union-attr]
            source = m2m.m2m_field_name()  # type: ignore[union-attr]
            other = m2m.m2m_reverse_field_name()  # type: ignore[union-attr]
            links = []
            for row in present.get(kind.label, {}).get("rows", []):
                targets = row.get(name) or []
                if not isinstance(targets, list) or not all(_is_id(t) for t in targets):
                    raise _Damaged(f"the links of {kind.name} are not ids")
                for old in targets:
                    if (target, old) not in ids:
                        raise _Damaged(f"{kind.name} link to a record that is not in the file")
                    links.append(
                        through(
                            **{
                                f"{source}_id": ids[(kind.label, row["id"])],
                                f"{other}_id": ids[(target, old)],
                            }
                        )
                    )
            through._default_manager.bulk_create(links, batch_size=None)
