"""The web's upload and column choices; every value checked like any other input."""

from __future__ import annotations

from typing import Any

from django import forms

from bounceback.spreadsheets.columns import FIELDS, IGNORE, PRESETS
from bounceback.spreadsheets.reading import MAX_BYTES

FIELD_CHOICES = [(IGNORE, "Leave out"), *FIELDS.items()]
ORDER_CHOICES = [
    ("", "Decide from the file"),
    ("dmy", "Day first (3/11 is 3 November)"),
    ("mdy", "Month first (3/11 is 11 March)"),
]


class UploadForm(forms.Form):
    file = forms.FileField(label="Your spreadsheet, saved as CSV")
    preset = forms.ChoiceField(
        label="It came from",
        required=False,
        choices=[("", "My own spreadsheet (bounceback reads the headings)")]
        + [(p.name, p.title.capitalize()) for p in PRESETS.values() if p.name != "template"],
    )

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if upload.size > MAX_BYTES:
            raise forms.ValidationError(
                f"This file is larger than {MAX_BYTES // (1024 * 1024)} MB, far more than a job search. "
                "Check it is the right file."
            )
        return upload


class MappingForm(forms.Form):
    """One choice per column (``col_0``, ``col_1``, …) and the order of numeric dates."""

    date_order = forms.ChoiceField(
        label="Dates like 3/11/2026", choices=ORDER_CHOICES, required=False
    )

    def __init__(self, headers: list[str], *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.headers = headers
        for index, header in enumerate(headers):
            self.fields[f"col_{index}"] = forms.ChoiceField(
                label=f"Read “{header}” as", choices=FIELD_CHOICES, initial=IGNORE
            )

    def column_fields(self) -> list[tuple[str, forms.BoundField]]:
        return [(header, self[f"col_{i}"]) for i, header in enumerate(self.headers)]

    def chosen(self) -> dict[int, str]:
        return {i: self.cleaned_data[f"col_{i}"] for i in range(len(self.headers))}

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        picked = [data.get(f"col_{i}") for i in range(len(self.headers))]
        doubled = {f for f in picked if f and f != IGNORE and picked.count(f) > 1}
        if doubled:
            names = ", ".join(FIELDS[f].lower() for f in sorted(doubled))
            raise forms.ValidationError(
                f"Choose one column for each kind of detail ({names} is chosen twice)."
            )
        if "company" not in picked:
            raise forms.ValidationError("Choose the column that holds the company.")
        return data
