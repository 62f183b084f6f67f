"""Settings → Delete everything: the web door to ``forget``, behind a typed word."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from bounceback.safekeeping.forget import forget, what_goes

CONFIRM_WORD = "DELETE"


class ForgetForm(forms.Form):
    confirm = forms.CharField(
        label=f"To delete everything for good, type {CONFIRM_WORD}",
        max_length=20,
        strip=True,
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters"}),
    )

    def clean_confirm(self) -> str:
        typed: str = self.cleaned_data["confirm"]
        if typed != CONFIRM_WORD:
            raise forms.ValidationError(
                f"Type {CONFIRM_WORD} in capitals to delete everything; nothing was deleted."
            )
        return typed


def forget_page(request: HttpRequest) -> HttpResponse:
    form = ForgetForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = request.user
        logout(request)  # the account goes too: end the session first
        done = forget(user)  # type: ignore[arg-type]  # signed in: LoginRequiredMiddleware
        return render(
            request,
            "safekeeping/forgotten.html",
            {"done": done, "hosted": settings.BOUNCEBACK_HOSTED},
        )
    return render(
        request,
        "safekeeping/forget.html",
        {"form": form, "what_goes": what_goes(), "hosted": settings.BOUNCEBACK_HOSTED},
    )
