from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import login, logout
from django.contrib.auth.decorators import login_not_required
from django.contrib.auth.views import LoginView
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from bounceback.accounts.forms import SettingsForm, SignAsForm
from bounceback.accounts.models import Profile, SignInToken
from bounceback.http import AuthedRequest, back_to
from bounceback.recovery.views_calendar import section_context


@login_not_required
def sign_in_with_link(request: HttpRequest, token: str) -> HttpResponse:
    user = SignInToken.redeem(token)
    if user is None and request.user.is_authenticated and SignInToken.was_used(token, request.user):
        # A reload of the link that signed this person in: they are in, so show the app.
        return redirect("dashboard")
    if user is None:
        # A used link and a link this bounceback never made (another data folder, e.g. the
        # demo's, or an expired one) need different advice.
        used = SignInToken.was_used(token)
        return render(request, "accounts/link_expired.html", {"used": used}, status=403)
    login(request, user, backend="django.contrib.auth.backends.ModelBackend")
    return redirect("dashboard")


class SignInView(LoginView):
    """Password sign-in for hosted use; local users are told about the link from `serve`."""

    template_name = "accounts/sign_in.html"
    redirect_authenticated_user = True


sign_in = login_not_required(SignInView.as_view())


@require_POST
def sign_out(request: AuthedRequest) -> HttpResponse:
    logout(request)
    return redirect("accounts:sign_in")


def settings_page(request: AuthedRequest) -> HttpResponse:
    profile = Profile.for_user(request.user)
    form = SettingsForm(request.POST or None, instance=profile)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "Saved.")
        return redirect("accounts:settings")
    return render(request, "accounts/settings.html", {"form": form, **section_context(request)})


@require_POST
def sign_as(request: AuthedRequest) -> HttpResponse:
    """Keep the name the drafts are signed with (asked once; Settings can change it)."""
    form = SignAsForm(request.POST)
    if form.is_valid():
        profile = Profile.for_user(request.user)
        profile.sign_as = form.cleaned_data["sign_as"]
        profile.save(update_fields=["sign_as"])
        messages.success(request, f"Thanks. Your drafts are signed “{profile.sign_as}” now.")
    else:
        messages.error(request, "Please type the name you sign your e-mails with.")
    return redirect(back_to(request, "/"))
