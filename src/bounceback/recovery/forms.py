from __future__ import annotations

from datetime import date
from typing import Any

from django import forms

from bounceback.applications.forms import DateInput
from bounceback.recovery.drafts import TONES
from bounceback.recovery.models import StageReached


class PasteForm(forms.Form):
    """Step one: the e-mail, or the person's own words."""

    text = forms.CharField(
        label="Paste the e-mail, or write what happened in your own words",
        widget=forms.Textarea(attrs={"rows": 10, "autofocus": True}),
        required=False,
        max_length=50_000,
        error_messages={
            "max_length": "That is longer than an e-mail usually is. Please paste only the message itself."
        },
    )
    application = forms.IntegerField(required=False, widget=forms.HiddenInput)


class _RejectionDetails(forms.Form):
    """The fields a rejection has, asked the same way when capturing and when correcting."""

    contact_name = forms.CharField(
        label="Who wrote to you", max_length=200, required=False, help_text="Optional."
    )
    contact_email = forms.EmailField(
        label="Their e-mail address",
        max_length=254,
        required=False,
        help_text="Optional. Used to address the drafts.",
        error_messages={
            "invalid": "That doesn't look like an e-mail address. Leave it empty if unsure."
        },
    )
    received_on = forms.DateField(label="When you heard", widget=DateInput, initial=date.today)
    has_feedback = forms.BooleanField(
        label="The e-mail gives real reasons or feedback", required=False
    )
    reapply_invite = forms.BooleanField(label="They invite you to apply again", required=False)
    outside_control = forms.BooleanField(
        label="The role was put on hold, closed or filled another way (outside your control)",
        required=False,
    )

    def clean_received_on(self) -> date:
        day: date = self.cleaned_data["received_on"]
        if day > date.today():
            raise forms.ValidationError(
                "That date is in the future. Use the day the e-mail came, today or earlier."
            )
        return day


class CaptureForm(_RejectionDetails):
    """Step two: what bounceback read, for the person to check and correct."""

    text = forms.CharField(widget=forms.HiddenInput, required=False, max_length=50_000)
    company = forms.CharField(max_length=200, required=False)
    role = forms.CharField(max_length=200, required=False)
    role_was = forms.CharField(widget=forms.HiddenInput, required=False, max_length=200)
    stage = forms.ChoiceField(
        label="How far you got", choices=StageReached.choices, initial=StageReached.UNKNOWN
    )
    # A plain field with radio buttons: the service checks the id (and ownership) and says
    # kindly when it is unknown, rather than the form's generic "select a valid choice".
    application = forms.CharField(
        label="Which application is it?", required=False, max_length=20, widget=forms.RadioSelect
    )

    def __init__(
        self, *args: Any, candidates: list[tuple[str, str]] | None = None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        widget = self.fields["application"].widget
        assert isinstance(widget, forms.RadioSelect)
        widget.choices = [
            *(candidates or []),
            ("new", "None of these: save it as a new application"),
        ]


class RejectionEditForm(_RejectionDetails):
    """Correcting a saved rejection: every field the capture asked about."""

    stage_reached = forms.ChoiceField(label="How far you got", choices=StageReached.choices)
    # No "today" default: the form always starts from the saved date.
    received_on = forms.DateField(label="When you heard", widget=DateInput)

    def clean(self) -> dict[str, object]:
        data = super().clean() or {}
        if data.get("contact_email") and not str(data.get("contact_name", "")).strip():
            self.add_error(
                "contact_name", "Please add their name too, so the drafts can greet them."
            )
        return data


class AnswerForm(forms.Form):
    key = forms.SlugField(max_length=60)
    answer = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 3}))
    control = forms.CharField(required=False, max_length=20)


class ActionEditForm(forms.Form):
    title = forms.CharField(max_length=200)
    due_on = forms.DateField(required=False, widget=DateInput)


class ToneForm(forms.Form):
    tone = forms.ChoiceField(choices=list(TONES.items()), required=False)


class FeedbackForm(forms.Form):
    text = forms.CharField(
        label="Paste what they wrote",
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=50_000,
    )
    received_on = forms.DateField(label="When it came", widget=DateInput, initial=date.today)

    def clean_received_on(self) -> date:
        day: date = self.cleaned_data["received_on"]
        if day > date.today():
            raise forms.ValidationError("That date is in the future. Use today or an earlier day.")
        return day
