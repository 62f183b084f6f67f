"""The admin looks after accounts and rows, never a person's private words.

Every admin of ours derives from ``PrivateAdmin`` and names the fields that hold what a
person wrote or received (``private_fields``): they are left out of every form, list and
search, and no query-string filter may touch them. Django's admin otherwise accepts a
filter on any field (``?answer__startswith=I``), and the count it shows lets an
administrator rebuild a reflection one character at a time; here only the filters the
page offers are accepted.
"""

from __future__ import annotations

from typing import Any, ClassVar, TypeVar

from django.contrib import admin
from django.contrib.admin.options import BaseModelAdmin
from django.db.models import Model
from django.db.models.constants import LOOKUP_SEP
from django.http import HttpRequest

M = TypeVar("M", bound=Model)
P = TypeVar("P", bound=Model)


def _filter_names(list_filter: Any) -> set[str]:
    names = set()
    for entry in list_filter:
        if isinstance(entry, str):
            names.add(entry)
        elif isinstance(entry, tuple | list):
            names.add(entry[0])
        else:  # a SimpleListFilter class: its own parameter
            names.add(getattr(entry, "parameter_name", ""))
    return names - {""}


class _LeavesOutPrivateFields(BaseModelAdmin[M]):
    private_fields: ClassVar[tuple[str, ...]] = ()

    # ``obj`` is the row, or for an inline its parent row: any model.
    def get_exclude(self, request: HttpRequest, obj: Any = None) -> Any:
        return [*(super().get_exclude(request, obj) or ()), *self.private_fields]


class PrivateAdmin(_LeavesOutPrivateFields[M], admin.ModelAdmin[M]):
    def lookup_allowed(self, lookup: str, value: str, request: HttpRequest | None = None) -> bool:
        """Only the filters this page offers (list_filter, date_hierarchy), never private ones."""
        offered = _filter_names(self.list_filter)
        if self.date_hierarchy:
            offered.add(self.date_hierarchy)
        parts = lookup.split(LOOKUP_SEP)
        if any(part in self.private_fields for part in parts):
            return False
        if not any(lookup == name or lookup.startswith(name + LOOKUP_SEP) for name in offered):
            return False
        return bool(super().lookup_allowed(lookup, value, request))  # type: ignore[arg-type]


class PrivateInline(_LeavesOutPrivateFields[M], admin.TabularInline[M, P]):
    pass


class PrivateStackedInline(_LeavesOutPrivateFields[M], admin.StackedInline[M, P]):
    pass
