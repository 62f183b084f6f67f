from __future__ import annotations

from django import forms

from bounceback.weekly.lookback import TARGET_MAX

_ERRORS = {
    "min_value": f"Pick a number from 0 (a week off) up to {TARGET_MAX}.",
    "max_value": f"Pick a number from 0 (a week off) up to {TARGET_MAX}.",
    "invalid": "Write a whole number, e.g. 3.",
    "required": "Write a number (0 is a week off).",
}


class TargetsForm(forms.Form):
    applications = forms.IntegerField(
        label="Applications to send", min_value=0, max_value=TARGET_MAX, error_messages=_ERRORS
    )
    outreach = forms.IntegerField(
        label="People to get in touch with",
        min_value=0,
        max_value=TARGET_MAX,
        error_messages=_ERRORS,
    )
    practice = forms.IntegerField(
        label="Answers to practise out loud",
        min_value=0,
        max_value=TARGET_MAX,
        error_messages=_ERRORS,
    )
