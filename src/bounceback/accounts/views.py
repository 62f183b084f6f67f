from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login, logout
from django.contrib.auth.decorators import login_not_required
from django.contrib.auth.forms import AuthenticationForm
from django.contrib.auth.views import LoginView
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from bounceback.accounts import sections, throttle
from bounceback.accounts.forms import SettingsForm, SignAsForm
from bounceback.accounts.models import Profile, SignInToken
from bounceback.accounts.views_password import locked_out_page
from bounceback.http import AuthedRequest, back_to


@login_not_required
def sign_in_with_link(request: HttpRequest, token: str) -> HttpResponse:
    if settings.BOUNCEBACK_HOSTED:
        raise Http404("Hosted installs sign in with a password.")  # links are for one computer
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


class SignInForm(AuthenticationForm):
    """Names are e-mail addresses on a hosted install; 'Sam@X.org ' signs in as sam@x.org."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if settings.BOUNCEBACK_HOSTED:
            self.fields["username"].label = "Your e-mail address"

    def clean_username(self) -> str:
        return str(self.cleaned_data.get("username", "")).strip().lower()


class SignInView(LoginView):
    """Password sign-in for hosted use; local users are told about the link from `serve`."""

    template_name = "accounts/sign_in.html"
    redirect_authenticated_user = True
    authentication_form = SignInForm

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        wait = throttle.refuse_while_locked(request)
        if wait is not None:
            return locked_out_page(request, wait)
        return super().post(request, *args, **kwargs)

    def get_context_data(self, **kwargs: object) -> dict[str, object]:
        return {**super().get_context_data(**kwargs), "hosted": settings.BOUNCEBACK_HOSTED}


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
    context = {"form": form, "sections": sections.rendered(request)}
    return render(request, "accounts/settings.html", context)


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
