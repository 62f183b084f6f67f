"""Passwords and the second factor on a hosted bounceback: change, reset, lockout, TOTP."""

from __future__ import annotations

from base64 import b32encode
from datetime import timedelta
from typing import Any
from urllib.parse import quote

import segno
from axes.helpers import get_cool_off
from django import forms
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.contrib.auth.forms import PasswordResetForm
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils.decorators import method_decorator
from django.utils.safestring import mark_safe
from django.views.decorators.debug import sensitive_post_parameters
from django_otp import login as otp_login
from django_otp import match_token
from django_otp.plugins.otp_totp.models import TOTPDevice

from bounceback.accounts.roles import hosted_only
from bounceback.accounts.services import mail_is_set_up
from bounceback.http import AuthedRequest


def locked_out(
    request: HttpRequest, response: HttpResponse | None = None, credentials: Any = None
) -> HttpResponse:
    """What django-axes shows instead of signing in, while an account or address is locked."""
    return locked_out_page(request, get_cool_off(request))


def locked_out_page(request: HttpRequest, wait: timedelta | None) -> HttpResponse:
    minutes = max(1, round(wait.total_seconds() / 60)) if wait else 15
    response = render(request, "accounts/locked_out.html", {"minutes": minutes}, status=429)
    # Not one warning line per refused guess: a flood would bury the log. axes logs the lock.
    response._has_been_logged = True  # type: ignore[attr-defined]
    return response


class PasswordChangeView(auth_views.PasswordChangeView):
    template_name = "accounts/password_change.html"
    success_url = reverse_lazy("accounts:settings")

    def form_valid(self, form: Any) -> HttpResponse:
        messages.success(self.request, "Your new password is saved.")
        return super().form_valid(form)


password_change = hosted_only(PasswordChangeView.as_view())


@method_decorator(login_not_required, name="dispatch")
class PasswordResetView(auth_views.PasswordResetView):
    """Asks for the address and mails a link, when the centre has set up e-mail.

    Without e-mail the page says to ask staff for a link: nothing could be sent, and
    saying "we sent it" would leave the person waiting.
    """

    template_name = "accounts/password_reset.html"
    email_template_name = "accounts/password_reset_email.txt"
    subject_template_name = "accounts/password_reset_subject.txt"
    success_url = reverse_lazy("accounts:password_reset_sent")
    form_class = PasswordResetForm  # mails a link only to an active account with that address

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return {**super().get_context_data(**kwargs), "mail_is_set_up": mail_is_set_up()}

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not mail_is_set_up():
            return self.get(request, *args, **kwargs)
        return super().post(request, *args, **kwargs)


password_reset = hosted_only(PasswordResetView.as_view())
password_reset_sent = hosted_only(
    login_not_required(
        auth_views.PasswordResetDoneView.as_view(template_name="accounts/password_reset_sent.html")
    )
)


@method_decorator(login_not_required, name="dispatch")
class PasswordSetView(auth_views.PasswordResetConfirmView):
    """The one-time page from an invitation or a reset link: the person chooses a password."""

    template_name = "accounts/password_set.html"
    success_url = reverse_lazy("accounts:sign_in")

    def form_valid(self, form: Any) -> HttpResponse:
        messages.success(self.request, "Your password is saved. Sign in with it now.")
        return super().form_valid(form)


password_set = hosted_only(PasswordSetView.as_view())


class CodeForm(forms.Form):
    code = forms.CharField(
        label="The 6-digit code your authenticator app shows",
        max_length=8,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )

    def clean_code(self) -> str:
        code = "".join(self.cleaned_data["code"].split())
        if not code.isdigit():
            raise forms.ValidationError("The code is 6 numbers. Type only the numbers.")
        return code


def _next_page(request: HttpRequest) -> str:
    target = request.GET.get("next", "")
    return target if target.startswith("/") and not target.startswith("//") else "/"


@hosted_only
@sensitive_post_parameters("code")
def two_factor_setup(request: AuthedRequest) -> HttpResponse:
    """Staff and coaches link an authenticator app once: scan, type a code, done."""
    if TOTPDevice.objects.filter(user=request.user, confirmed=True).exists():
        return redirect("accounts:two_factor_verify")
    device, _ = TOTPDevice.objects.get_or_create(
        user=request.user, confirmed=False, defaults={"name": "Authenticator app"}
    )
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["code"]):
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            otp_login(request, device)
            messages.success(request, "Your authenticator app is linked.")
            return redirect(_next_page(request))
        form.add_error("code", "That code didn't match. Wait for a fresh one and try again.")
    url = device.config_url
    context = {
        "form": form,
        "qr": mark_safe(segno.make(url, error="m").svg_inline(scale=4)),  # noqa: S308 - our own SVG
        "secret": device.key and _base32(device),
        "setup_url": quote(url, safe=":/?=&"),
    }
    return render(request, "accounts/two_factor_setup.html", context)


def _base32(device: TOTPDevice) -> str:
    return b32encode(device.bin_key).decode().rstrip("=")


@hosted_only
@sensitive_post_parameters("code")
def two_factor_verify(request: AuthedRequest) -> HttpResponse:
    """The second step of signing in, for staff and coaches."""
    if not TOTPDevice.objects.filter(user=request.user, confirmed=True).exists():
        return redirect("accounts:two_factor_setup")
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = match_token(request.user, form.cleaned_data["code"])
        if device is not None:
            otp_login(request, device)
            return redirect(_next_page(request))
        # django-otp slows repeated wrong codes down on its own (the device's throttle).
        form.add_error("code", "That code didn't match. Wait for a fresh one and try again.")
    return render(request, "accounts/two_factor_verify.html", {"form": form})
