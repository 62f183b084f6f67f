"""Staff look after accounts: invite people, hand out links, set roles, switch accounts off.

Nothing here shows or sets a password, and nothing signs staff in as someone else.
"""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.models import User
from django.db.models import QuerySet
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from bounceback.accounts import services
from bounceback.accounts.models import AccountLink, Role
from bounceback.accounts.roles import hosted_only, staff_required
from bounceback.accounts.tasks import send_password_link
from bounceback.errors import UserError
from bounceback.http import AuthedRequest


class InviteForm(forms.Form):
    email = forms.EmailField(label="Their e-mail address (they sign in with it)")
    role = forms.ChoiceField(choices=Role.choices, initial=Role.SEEKER)


class RoleForm(forms.Form):
    role = forms.ChoiceField(choices=Role.choices)


def _people() -> QuerySet[User]:
    return User.objects.select_related("profile").order_by("username")


def _hand_out(request: AuthedRequest, user: User, kind: str) -> HttpResponse:
    """E-mail the link when the centre has mail; otherwise show it once, to pass on."""
    site = request.build_absolute_uri("/")
    if services.mail_is_set_up():
        send_password_link.enqueue(user.pk, kind, site)
        latest = AccountLink.objects.filter(user=user).order_by("-issued_at", "-pk").first()
        if latest is not None:
            latest.emailed = True
            latest.save(update_fields=["emailed"])
        messages.success(request, f"We e-mailed {user.email} a link to choose a password.")
        return redirect("accounts:people")
    link = request.build_absolute_uri(services.password_link(user))
    return render(
        request, "accounts/person_link.html", {"person": user, "link": link, "kind": kind}
    )


@hosted_only
@staff_required
def people(request: AuthedRequest) -> HttpResponse:
    form = InviteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            user = services.invite(
                form.cleaned_data["email"], form.cleaned_data["role"], by=request.user
            )
        except UserError as error:
            form.add_error(None, str(error))
        else:
            return _hand_out(request, user, "invitation")
    return render(
        request,
        "accounts/people.html",
        {"form": form, "people": _people(), "roles": Role.choices},
    )


def _person(pk: int) -> User:
    return get_object_or_404(User, pk=pk)


@hosted_only
@staff_required
@require_POST
def person_link(request: AuthedRequest, pk: int) -> HttpResponse:
    person = _person(pk)
    try:
        services.issue_reset(person, by=request.user)
    except UserError as error:
        messages.error(request, str(error))
        return redirect("accounts:people")
    return _hand_out(request, person, "reset")


@hosted_only
@staff_required
@require_POST
def person_role(request: AuthedRequest, pk: int) -> HttpResponse:
    person = _person(pk)
    form = RoleForm(request.POST)
    try:
        if not form.is_valid():
            raise UserError("Choose a role: job seeker, coach or staff.")
        services.set_role(person, form.cleaned_data["role"], by=request.user)
    except UserError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request, f"{person.username} is now: {Role(form.cleaned_data['role']).label}."
        )
    return redirect("accounts:people")


@hosted_only
@staff_required
@require_POST
def person_active(request: AuthedRequest, pk: int) -> HttpResponse:
    person = _person(pk)
    active = request.POST.get("active") == "1"
    try:
        services.set_active(person, active, by=request.user)
    except UserError as error:
        messages.error(request, str(error))
    else:
        state = "switched on" if active else "switched off; nothing of theirs was deleted"
        messages.success(request, f"{person.username}'s account is {state}.")
    return redirect("accounts:people")


@hosted_only
@staff_required
@require_POST
def person_second_factor(request: AuthedRequest, pk: int) -> HttpResponse:
    person = _person(pk)
    services.forget_second_factor(person)
    messages.success(
        request, f"{person.username} will link their authenticator app again at their next sign-in."
    )
    return redirect("accounts:people")
