from __future__ import annotations

from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


@login_not_required
def help_now(request: HttpRequest) -> HttpResponse:
    """Reachable from every page, signed in or not: help must never sit behind a login."""
    return render(request, "wellbeing/help_now.html")
