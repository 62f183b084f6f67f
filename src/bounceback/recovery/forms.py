from __future__ import annotations

from datetime import date
from typing import Any

from django import forms

from bounceback.applications.forms import DateInput
from bounceback.lib.days import past_problem
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
        label="The e-mail says something specific about how you were judged", required=False
    )
    feedback_enough = forms.BooleanField(
        label="What they told me is enough: no need to draft a feedback request",
        required=False,
    )
    reapply_invite = forms.BooleanField(label="They invite you to apply again", required=False)
    outside_control = forms.BooleanField(
        label="The role was put on hold, closed or filled another way (outside your control)",
        required=False,
    )

    def clean_received_on(self) -> date:
        day: date = self.cleaned_data["received_on"]
        problem = past_problem(day)
        if problem:
            raise forms.ValidationError(problem)
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
    applied_on = forms.DateField(
        label="When you applied",
        widget=DateInput,
        required=False,
        help_text="For a new application, if you remember. Left empty, the day you heard "
        "stands in, marked as a guess, and stays out of your weekly count.",
    )

    def clean_applied_on(self) -> date | None:
        day: date | None = self.cleaned_data.get("applied_on")
        problem = past_problem(day, "The day you applied") if day else None
        if problem:
            raise forms.ValidationError(problem)
        return day

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


class GoodNewsForm(forms.Form):
    """A pasted invitation or offer going onto an application's timeline, dates and all."""

    application = forms.IntegerField(min_value=1)
    kind = forms.ChoiceField(choices=[(k, k) for k in ("interview", "assessment", "offer")])
    label = forms.ChoiceField(
        required=False,
        choices=[("", "")] + [(k, k) for k in ("interview_invite", "assessment_invite", "offer")],
    )
    occurred_on = forms.DateField()
    note = forms.CharField(required=False, max_length=200)
    text = forms.CharField(required=False, max_length=50_000)

    def clean_occurred_on(self) -> date:
        day: date = self.cleaned_data["occurred_on"]
        problem = past_problem(day)
        if problem:
            raise forms.ValidationError(problem)
        return day


class AnswerForm(forms.Form):
    key = forms.SlugField(max_length=60)
    answer = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 3}))
    control = forms.CharField(required=False, max_length=20)


class ActionEditForm(forms.Form):
    """Edit a step's wording, day and time, or (``move_only``) just move its day."""

    title = forms.CharField(max_length=200)
    due_on = forms.DateField(required=False, widget=DateInput)
    at = forms.TimeField(required=False, widget=forms.TimeInput(attrs={"type": "time"}))

    def __init__(self, *args: Any, move_only: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if move_only:
            self.fields["title"].required = False
            self.fields["due_on"].required = True

    def problem(self) -> str:
        if "due_on" in self.errors and self.fields["due_on"].required:
            return "Pick the day to move it to (like 2026-12-01)."
        if "at" in self.errors:
            return "Please give the time like 14:30, or leave it empty."
        return "Please give the step a few words, and a date like 2026-12-01 (or none)."


class KeepAllForm(forms.Form):
    """ "Keep all": the suggestions shown, by id, so one that arrived meanwhile isn't kept unseen."""

    ids = forms.CharField(required=False, max_length=5000, widget=forms.HiddenInput)

    def clean_ids(self) -> list[int]:
        parts = [p.strip() for p in self.cleaned_data["ids"].split(",") if p.strip()]
        if not all(p.isdigit() for p in parts):
            raise forms.ValidationError("Those aren't steps bounceback knows.")
        return [int(p) for p in parts]


class EnoughForm(forms.Form):
    """ "What they told me is enough" on the drafts page, or taking it back."""

    enough = forms.BooleanField(required=False)


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
        problem = past_problem(day)
        if problem:
            raise forms.ValidationError(problem)
        return day
