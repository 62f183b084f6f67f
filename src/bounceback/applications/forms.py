from __future__ import annotations

from datetime import date
from typing import Any

from django import forms
from django.contrib.auth.models import User
from django.core.validators import URLValidator

from bounceback.applications.models import Application, Contact, EventKind, StageEvent
from bounceback.applications.services import read_salary
from bounceback.errors import UserError
from bounceback.lib.days import past_problem


class DateInput(forms.DateInput):
    """A native date picker; it only accepts ISO dates, whatever the locale."""

    input_type = "date"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs, format="%Y-%m-%d")


def _not_future(value: date | None) -> date | None:
    """A day something happened: not in the future, not decades ago (lib/days says why)."""
    problem = past_problem(value) if value else None
    if problem:
        raise forms.ValidationError(problem)
    return value


class ApplicationForm(forms.ModelForm[Application]):
    # Shown together, folded away when adding: what the ad says about pay, place and sector.
    OFFER_FIELDS = ("salary", "place", "work_place", "sector", "referred_by")

    company_name = forms.CharField(label="Company", max_length=200)
    link = forms.URLField(
        label="Link to the job ad",
        max_length=500,
        required=False,
        assume_scheme="https",
        # Web addresses only: an ftp: or file: link has no place on a job ad.
        validators=[URLValidator(schemes=["http", "https"])],
        error_messages={"invalid": "Give the job ad's web address, starting with https://."},
    )
    salary = forms.CharField(
        label="Salary (optional)",
        max_length=60,
        required=False,
        help_text="Yearly, as the ad puts it: 38000, £38k or 35-40k.",
    )

    class Meta:
        model = Application
        fields = [
            "company_name",
            "role",
            "applied_on",
            "source",
            "link",
            "salary",
            "place",
            "work_place",
            "sector",
            "referred_by",
            "notes",
        ]
        widgets = {"applied_on": DateInput(), "notes": forms.Textarea(attrs={"rows": 3})}
        labels = {
            "link": "Link to the job ad",
            "applied_on": "Applied on",
            "place": "Town or city (optional)",
            "work_place": "On site, hybrid or remote (optional)",
            "sector": "Sector or industry (optional)",
            "referred_by": "Referred by (optional)",
            "notes": "Notes (what the ad offers counts towards its fit with your goals)",
        }

    def __init__(self, *args: Any, owner: User | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["company_name"].initial = self.instance.company.name
            self.fields["salary"].initial = salary_words(self.instance)
        # A role is asked for, except when editing one found in the mailbox without it.
        self.fields["role"].required = not (self.instance.pk and not self.instance.role)
        referred_by = self.fields["referred_by"]
        assert isinstance(referred_by, forms.ModelChoiceField)
        referred_by.queryset = (
            Contact.objects.filter(owner=owner) if owner else Contact.objects.none()
        )
        referred_by.empty_label = "Nobody in particular"

    @property
    def offer_errors(self) -> bool:
        return any(name in self.errors for name in self.OFFER_FIELDS)

    def clean_applied_on(self) -> date | None:
        return _not_future(self.cleaned_data.get("applied_on"))

    def clean_salary(self) -> str:
        text: str = self.cleaned_data.get("salary", "")
        try:
            self.salary_range = read_salary(text)
        except UserError as error:
            raise forms.ValidationError(str(error)) from None
        return text

    def save(self, commit: bool = True) -> Application:
        application: Application = super().save(commit=False)
        application.salary_from, application.salary_to = getattr(self, "salary_range", (None, None))
        if commit:
            application.save()
        return application


def salary_words(application: Application) -> str:
    """The salary as the form shows it again: "35000-40000", "38000" or ""."""
    low, high = application.salary_from, application.salary_to
    if low is None:
        return ""
    return f"{low}-{high}" if high is not None else str(low)


class SaveAnywayForm(forms.Form):
    """The answer to "you already applied there" or "is this the company you have?": save this
    application all the same (as typed), or under the company already there (``same_as``)."""

    save_anyway = forms.BooleanField(required=False)
    same_as = forms.IntegerField(required=False, min_value=1)


class EventForm(forms.ModelForm[StageEvent]):
    """One timeline entry: a new step ("Add a step") or an existing one being edited.

    Rejections are recorded through the recovery flow, which also offers reflection
    and drafts, so "Not selected" is never offered for a new step. An existing
    "Not selected" entry keeps its kind: it stands for the rejection linked to the
    application, and turning it into another step would quietly hide that.
    """

    class Meta:
        model = StageEvent
        fields = ["kind", "occurred_on", "note"]
        widgets = {"occurred_on": DateInput(), "note": forms.Textarea(attrs={"rows": 2})}
        labels = {"kind": "What happened", "occurred_on": "When"}

    def __init__(self, *args: Any, application: Application | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        kind = self.fields["kind"]
        assert isinstance(kind, forms.ChoiceField)
        if self.instance.pk and self.instance.kind == EventKind.REJECTED:
            kind.choices = [(EventKind.REJECTED.value, EventKind.REJECTED.label)]
            kind.help_text = (
                "This entry is the “not selected” answer, linked to its reflection and "
                "next steps, so it stays as it is. You can change its date or note."
            )
            kind.error_messages["invalid_choice"] = (
                "This entry records that you weren't selected, so it can't become another "
                "step. Change its date or note instead; if it was added by mistake, remove it."
            )
        else:
            kind.choices = [c for c in EventKind.choices if c[0] != EventKind.REJECTED]
            kind.error_messages["invalid_choice"] = (
                "To record that you weren't selected, use “I heard back: not selected” on the "
                "application's page: it also keeps the reflection and drafts together."
            )
            if not self.instance.pk and application is not None and not self.is_bound:
                self.initial.setdefault("kind", application.next_event_kind)

    def clean_occurred_on(self) -> date | None:
        return _not_future(self.cleaned_data.get("occurred_on"))


class ContactForm(forms.ModelForm[Contact]):
    class Meta:
        model = Contact
        fields = ["name", "email", "role", "notes", "keep_in_touch_days", "last_contacted_on"]
        widgets = {"last_contacted_on": DateInput(), "notes": forms.Textarea(attrs={"rows": 2})}

    def clean_last_contacted_on(self) -> date | None:
        return _not_future(self.cleaned_data.get("last_contacted_on"))


class SearchForm(forms.Form):
    q = forms.CharField(max_length=200, required=False, label="Did I already apply there?")
    guessed = forms.BooleanField(required=False)
