"""Forms for the review queue: every POST is validated here, htmx or not."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth.models import User

from bounceback.applications.models import Application
from bounceback.mailbox.models import Label


class CorrectForm(forms.Form):
    label = forms.ChoiceField(label="This e-mail is", choices=Label.choices)
    application = forms.ModelChoiceField(
        label="About",
        queryset=Application.objects.none(),
        required=False,
        empty_label="A new application…",
    )
    company = forms.CharField(label="Company (new application)", max_length=200, required=False)
    role = forms.CharField(label="Role (new application)", max_length=200, required=False)
    remember = forms.BooleanField(
        label="File mail from this sender the same way next time", required=False, initial=True
    )

    def __init__(
        self,
        owner: User,
        *args: Any,
        applications: list[tuple[int, str]] | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["application"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = Application.objects.filter(owner=owner).select_related("company")
        if applications is not None:
            # A page of the queue has one form per e-mail: the options are read once for
            # all of them. Validation still goes through the queryset (owner's only).
            field.choices = [("", field.empty_label or ""), *applications]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if (
            data.get("label") not in (None, Label.NOT_JOB)
            and not data.get("application")
            and not (data.get("company") or "").strip()
        ):
            raise forms.ValidationError(
                "Pick the application this is about, or give the company to add a new one."
            )
        return data


class QueuePageForm(forms.Form):
    """The review page's one GET parameter: show the e-mails after this one."""

    after = forms.IntegerField(required=False, min_value=1)


def application_choices(owner: User) -> list[tuple[int, str]]:
    """The person's applications as (id, "Role at Company"), for every form on a page."""
    return [
        (app.pk, str(app))
        for app in Application.objects.filter(owner=owner).select_related("company")
    ]
