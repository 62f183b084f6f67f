"""The two steps both front doors take: a preview of a file, then carrying it out."""

from __future__ import annotations

from django.contrib.auth.models import User
from django.db import transaction

from bounceback.errors import NotFound, UserError
from bounceback.spreadsheets.columns import Mapping, choose, combine
from bounceback.spreadsheets.importing import Result, carry_out
from bounceback.spreadsheets.models import SheetUpload
from bounceback.spreadsheets.plan import Plan, build_plan
from bounceback.spreadsheets.reading import read_sheet

__all__ = ["Plan", "Result", "bring_in", "bring_in_upload", "get_upload", "keep_upload", "preview"]


def preview(
    owner: User,
    data: bytes,
    *,
    preset: str = "",
    map_text: str = "",
    chosen: dict[int, str] | None = None,
    date_order: str | None = None,
) -> Plan:
    """What importing ``data`` would make. ``chosen`` (column index -> field) is the web's
    per-column choice and replaces the guess; ``map_text`` is the CLI's --map."""
    sheet = read_sheet(data)
    if chosen is not None:
        mapping = combine(Mapping({}, {}), chosen)
        if mapping.column("company") is None:
            raise UserError("Choose the column that holds the company.")
    else:
        mapping = choose(sheet.headers, preset, map_text)
    return build_plan(owner, sheet, mapping, date_order or None)


def bring_in(owner: User, plan: Plan) -> Result:
    """Create every application the preview listed to create, in one transaction."""
    return carry_out(owner, plan)


def keep_upload(owner: User, name: str, data: bytes) -> SheetUpload:
    """Keep an uploaded file until the person says yes; refused at once if it can't be read.

    Only the newest upload is kept: an earlier one left without a yes is deleted.
    """
    read_sheet(data)
    SheetUpload.objects.filter(owner=owner).delete()
    return SheetUpload.objects.create(owner=owner, name=name[:200], data=data)


def get_upload(owner: User, pk: int) -> SheetUpload:
    """The person's upload waiting for a yes, or NotFound (gone once brought in)."""
    try:
        return SheetUpload.objects.get(owner=owner, pk=pk)
    except SheetUpload.DoesNotExist:
        raise NotFound(
            "That spreadsheet is no longer waiting: it was brought in already, or a newer one "
            "replaced it. Upload it again to see it."
        ) from None


@transaction.atomic
def bring_in_upload(upload: SheetUpload, plan: Plan) -> Result:
    """Create the preview's applications and let the uploaded file go, in one transaction."""
    result = carry_out(upload.owner, plan)
    upload.delete()
    return result
