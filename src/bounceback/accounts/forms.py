from __future__ import annotations

from django import forms

from bounceback.accounts.models import (
    SILENCE_DAYS_MAX,
    SILENCE_DAYS_MESSAGE,
    SILENCE_DAYS_MIN,
    Profile,
)


class SettingsForm(forms.ModelForm[Profile]):
    class Meta:
        model = Profile
        fields = ["display_name", "sign_as", "gentle_mode", "weekly_target", "ghost_after_days"]
        labels = {
            "display_name": "What should we call you?",
            "sign_as": "Your name as you sign e-mails (for the drafts)",
            "gentle_mode": "Gentle mode",
            "weekly_target": "Applications per week you aim for",
            "ghost_after_days": "Days of silence before an application counts as silent",
        }
        # Negative numbers fail the model's own check first: the same kind words there.
        error_messages = {
            "ghost_after_days": {"min_value": SILENCE_DAYS_MESSAGE},
            "weekly_target": {"min_value": "Pick a number from 0 (a week off) up to 100."},
        }

    def clean_weekly_target(self) -> int:
        value: int = self.cleaned_data["weekly_target"]
        if value > 100:
            raise forms.ValidationError("That is a lot for one week. Pick a number up to 100.")
        return value

    def clean_ghost_after_days(self) -> int:
        value: int = self.cleaned_data["ghost_after_days"]
        if not SILENCE_DAYS_MIN <= value <= SILENCE_DAYS_MAX:
            raise forms.ValidationError(SILENCE_DAYS_MESSAGE)
        return value


class SignAsForm(forms.Form):
    """The name the drafts are signed with, asked once where the drafts are."""

    sign_as = forms.CharField(label="How do you sign your e-mails?", max_length=120)
    back = forms.CharField(required=False, max_length=500)

    def clean_sign_as(self) -> str:
        name = " ".join(self.cleaned_data["sign_as"].split())
        if not name:
            raise forms.ValidationError("Please type the name you sign with.")
        return name
