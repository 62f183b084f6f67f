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
    find = forms.CharField(
        label="Not in the list? Look for it",
        max_length=200,
        required=False,
        widget=forms.TextInput(attrs={"type": "search", "placeholder": "Company or role"}),
    )
    remember = forms.BooleanField(
        label="File mail from this sender the same way next time", required=False, initial=True
    )

    def __init__(
        self,
        owner: User,
        *args: Any,
        applications: Choices | None = None,
        focus_company: bool = False,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["application"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = Application.objects.filter(owner=owner).select_related("company")
        if applications is not None:
            # Only the likely applications are offered (a select of every application is
            # no help). Validation still goes through the queryset: any of the owner's.
            field.choices = [("", field.empty_label or ""), *applications]
        if focus_company:
            self.fields["company"].widget.attrs["autofocus"] = True

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
    # "Look for it" without JavaScript: the e-mail whose list of applications to search.
    find_for = forms.IntegerField(required=False, min_value=1)


class FindForm(forms.Form):
    """The search-as-you-type text of one e-mail's correction form (prefixed like it)."""

    find = forms.CharField(max_length=200, required=False)


# Options for the "About" select: (id, label) pairs, or (group name, pairs) groups.
Choices = list[tuple[Any, Any]]


def grouped(likely: list[Application], recent: list[Application], company: str = "") -> Choices:
    """The likely applications, then recent ones, as option groups."""
    groups: Choices = []
    if likely:
        groups.append((f"At {company}" if company else "Likely", [(a.pk, str(a)) for a in likely]))
    if recent:
        groups.append(("Recent", [(a.pk, str(a)) for a in recent]))
    return groups


def found(applications: list[Application], text: str) -> Choices:
    """Applications matching a search, as one option group."""
    return [(f"Matching “{text}”", [(a.pk, str(a)) for a in applications])]


class MailboxForm(forms.Form):
    """Connecting a mailbox (hosted mode): the password field is never filled back in."""

    host = forms.CharField(
        label="Mail server (IMAP)",
        max_length=253,
        widget=forms.TextInput(attrs={"placeholder": "imap.example.org", "autocomplete": "off"}),
    )
    port = forms.IntegerField(label="Port", min_value=1, max_value=65535, initial=993)
    username = forms.CharField(
        label="User name",
        max_length=255,
        help_text="Usually your full e-mail address.",
        widget=forms.TextInput(attrs={"autocomplete": "username"}),
    )
    password = forms.CharField(
        label="App password",
        max_length=1000,
        strip=False,
        help_text="Make one for bounceback in your mail account's security settings.",
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}, render_value=False),
    )
    folder = forms.CharField(label="Folder", max_length=255, initial="INBOX")
