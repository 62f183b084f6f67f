from __future__ import annotations

from datetime import date

from django import forms

from bounceback.applications.forms import DateInput
from bounceback.contacts.models import ExchangeKind
from bounceback.contacts.services import MAX_RHYTHM_DAYS, NOTE_LIMIT


class ExchangeForm(forms.Form):
    kind = forms.ChoiceField(label="What happened", choices=ExchangeKind.choices)
    on = forms.DateField(label="When", widget=DateInput(), required=False)
    note = forms.CharField(label="A few words (optional)", max_length=NOTE_LIMIT, required=False)

    def clean_on(self) -> date | None:
        day: date | None = self.cleaned_data.get("on")
        if day and day > date.today():
            raise forms.ValidationError("That day is in the future. Use today or an earlier day.")
        return day


class RhythmForm(forms.Form):
    days = forms.IntegerField(
        label="Get in touch every … days",
        min_value=0,
        max_value=MAX_RHYTHM_DAYS,
        required=False,
        help_text="Empty: the usual rhythm for their role. 0: no reminders.",
        error_messages={
            "min_value": "Pick 0 (no reminders) or more days.",
            "max_value": f"Pick at most {MAX_RHYTHM_DAYS} days (two years).",
            "invalid": "Write a number of days, or leave it empty for the usual rhythm.",
        },
    )
