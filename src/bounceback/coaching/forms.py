from __future__ import annotations

from django import forms

from bounceback.coaching.models import PARTS, NoteKind


class PartsForm(forms.Form):
    parts = forms.MultipleChoiceField(
        choices=list(PARTS.items()),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label="What they can see",
    )


class StartShareForm(PartsForm):
    coach = forms.TypedChoiceField(coerce=int, label="Your coach", choices=[])

    def __init__(self, *args: object, coaches: list[tuple[int, str]], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["coach"].choices = coaches  # type: ignore[attr-defined]


class NoteForm(forms.Form):
    kind = forms.ChoiceField(
        choices=NoteKind.choices, initial=NoteKind.COMMENT, widget=forms.RadioSelect, label=""
    )
    text = forms.CharField(
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        label="Your words",
        help_text="A suggested step is one short line; they choose whether to take it on.",
    )


class ItemsForm(forms.Form):
    """Checkboxes named kind:id, validated against the seeker's own items by the service."""

    items = forms.MultipleChoiceField(required=False, choices=[])

    def __init__(self, *args: object, choices: list[tuple[str, str]], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["items"].choices = choices  # type: ignore[attr-defined]

    def chosen(self) -> list[tuple[str, int]]:
        pairs = []
        for value in self.cleaned_data["items"]:
            kind, _, pk = value.partition(":")
            pairs.append((kind, int(pk)))
        return pairs
