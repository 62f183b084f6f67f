"""The two steps both front doors take: a preview of a file, then carrying it out."""

from __future__ import annotations

from django.contrib.auth.models import User

from bounceback.spreadsheets.columns import Mapping, choose, combine
from bounceback.spreadsheets.importing import Result, carry_out
from bounceback.spreadsheets.plan import Plan, build_plan
from bounceback.spreadsheets.reading import read_sheet

__all__ = ["Plan", "Result", "bring_in", "preview"]


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
            from bounceback.errors import UserError

            raise UserError("Choose the column that holds the company.")
    else:
        mapping = choose(sheet.headers, preset, map_text)
    return build_plan(owner, sheet, mapping, date_order or None)


def bring_in(owner: User, plan: Plan) -> Result:
    """Create every application the preview listed to create, in one transaction."""
    return carry_out(owner, plan)
