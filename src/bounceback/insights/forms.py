"""Forms for the insights pages: every input checked, with a kind message."""

from __future__ import annotations

from typing import Any

from django import forms

from bounceback.applications.models import Stage


class SilenceForm(forms.Form):
    """Days without news before an open application counts as silent, per stage."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for stage in Stage:
            if stage == Stage.OFFER:
                continue  # an offer is waiting on the person, not on the employer
            self.fields[stage.value] = forms.IntegerField(
                label=stage.label,
                min_value=1,
                max_value=365,
                required=False,
                error_messages={
                    "min_value": "Use at least 1 day.",
                    "max_value": "Use at most 365 days.",
                    "invalid": "Use a whole number of days, like 21.",
                },
                widget=forms.NumberInput(attrs={"inputmode": "numeric", "size": 4}),
            )


class ThemeForm(forms.Form):
    name = forms.CharField(
        max_length=120,
        error_messages={"required": "Please give the theme a short name."},
    )
    description = forms.CharField(max_length=300, required=False)
    triggers = forms.CharField(
        label="Words that point to it",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Separate with commas, e.g. portfolio, case study. A * matches any ending.",
    )
    action = forms.CharField(
        label="One thing you could do about it", max_length=200, required=False
    )
