from __future__ import annotations

from typing import Any

from django import forms

from bounceback.wellbeing.checkin_tags import tags
from bounceback.wellbeing.checkins import MOODS, NOTE_LIMIT


class CheckInForm(forms.Form):
    mood = forms.TypedChoiceField(
        choices=[(value, label) for value, label in MOODS.items()],
        coerce=int,
        error_messages={
            "required": "Choose a number from 1 (rough) to 5 (really good) to save your check-in.",
            "invalid_choice": "Mood is a number from 1 (rough) to 5 (really good).",
        },
    )
    tags = forms.MultipleChoiceField(choices=[], required=False)
    note = forms.CharField(
        required=False,
        strip=False,
        max_length=NOTE_LIMIT,
        error_messages={
            "max_length": f"Check-in notes hold up to {NOTE_LIMIT} characters. Your text is still here: "
            "keep the part that matters most today."
        },
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["tags"]
        assert isinstance(field, forms.MultipleChoiceField)
        field.choices = [(tag.key, tag.label) for tag in tags()]
