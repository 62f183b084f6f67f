"""Forms for the insights pages: every input checked, with a kind message."""

from __future__ import annotations

from typing import Any

from django import forms

from bounceback.accounts.models import SILENCE_DAYS_MAX, SILENCE_DAYS_MESSAGE, SILENCE_DAYS_MIN
from bounceback.applications.models import Stage
from bounceback.lib.themes import Theme as ThemeData
from bounceback.lib.themes import normalise


class SilenceForm(forms.Form):
    """Days without news before an open application counts as silent, per stage."""

    hint = f"Between {SILENCE_DAYS_MIN} and {SILENCE_DAYS_MAX} days."

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for stage in Stage:
            if stage == Stage.OFFER:
                continue  # an offer is waiting on the person, not on the employer
            self.fields[stage.value] = forms.IntegerField(
                label=stage.label,
                min_value=SILENCE_DAYS_MIN,
                max_value=SILENCE_DAYS_MAX,
                required=False,
                error_messages={
                    "min_value": SILENCE_DAYS_MESSAGE,
                    "max_value": SILENCE_DAYS_MESSAGE,
                    "invalid": "Please use a whole number of days, like 21.",
                },
                widget=forms.NumberInput(attrs={"inputmode": "numeric", "size": 4}),
            )


def _lines(value: str, *, commas: bool) -> list[str]:
    """Split on new lines (and commas, for words), dropping blanks and repeats."""
    parts = value.splitlines()
    if commas:
        parts = [p for line in parts for p in line.split(",")]
    seen: list[str] = []
    for part in parts:
        part = " ".join(part.split())
        if part and part.casefold() not in {s.casefold() for s in seen}:
            seen.append(part)
    return seen


class ThemeForm(forms.Form):
    """A theme of the person's own, new or edited: name, a line about it, words, steps."""

    MAX_TRIGGERS = 40
    MAX_ACTIONS = 10

    name = forms.CharField(
        max_length=120,
        error_messages={
            "required": "Please give the theme a short name.",
            "max_length": "Please keep the name under 120 characters.",
        },
    )
    description = forms.CharField(
        label="What it means to you",
        max_length=300,
        required=False,
        error_messages={"max_length": "Please keep this under 300 characters."},
    )
    triggers = forms.CharField(
        label="Words that point to it",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Separate with commas, e.g. portfolio, case study. A * matches any ending.",
    )
    actions = forms.CharField(
        label="Things you could do about it",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="One per line.",
    )

    def clean_name(self) -> str:
        name = " ".join(str(self.cleaned_data["name"]).split())
        if not normalise(name):
            raise forms.ValidationError("Please use at least one letter or digit in the name.")
        return name

    def clean_triggers(self) -> list[str]:
        words = _lines(str(self.cleaned_data.get("triggers", "")), commas=True)
        if len(words) > self.MAX_TRIGGERS:
            raise forms.ValidationError(
                f"That is {len(words)} words; please keep it to {self.MAX_TRIGGERS} or fewer, "
                "so the tags stay meaningful."
            )
        for word in words:
            if len(word) > 80:
                raise forms.ValidationError(
                    f"“{word[:30]}…” is long for a phrase to look for; please shorten it "
                    "to a few words."
                )
            if not normalise(word):
                raise forms.ValidationError(
                    f"“{word}” has no letters or digits to look for. Please use words."
                )
        return words

    def clean_actions(self) -> list[str]:
        steps = _lines(str(self.cleaned_data.get("actions", "")), commas=False)
        if len(steps) > self.MAX_ACTIONS:
            raise forms.ValidationError(
                f"Please keep it to {self.MAX_ACTIONS} steps or fewer; you can edit them later."
            )
        for step in steps:
            if len(step) > 200:
                raise forms.ValidationError(
                    "Please keep each step under 200 characters, one per line."
                )
        return steps

    @classmethod
    def for_theme(cls, theme: ThemeData, **kwargs: Any) -> ThemeForm:
        """The form filled in with a theme as it is now."""
        return cls(
            **kwargs,
            initial={
                "name": theme.name,
                "description": theme.description,
                "triggers": ", ".join(theme.triggers),
                "actions": "\n".join(a.title for a in theme.actions),
            },
        )
