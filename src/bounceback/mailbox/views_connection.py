"""Connecting a mailbox from the web (hosted mode): save, check now, status, disconnect.

No id in any address: each person has at most one connection, found from who is signed
in, so nobody can reach anyone else's.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.views.decorators.http import require_GET, require_POST

from bounceback.errors import UserError
from bounceback.http import AuthedRequest
from bounceback.mailbox import connection as service
from bounceback.mailbox import vault
from bounceback.mailbox.forms import MailboxForm
from bounceback.mailbox.models import MailConnection


def _context(request: AuthedRequest, form: MailboxForm | None = None) -> dict[str, object]:
    current = service.connection_of(request.user)
    if form is None:
        initial = (
            {
                "host": current.host,
                "port": current.port,
                "username": current.username,
                "folder": current.folder,
            }
            if current
            else {}
        )
        form = MailboxForm(initial=initial)
    return {
        "hosted": settings.BOUNCEBACK_HOSTED,
        "offered": service.offered(),
        "not_switched_on": vault.NOT_SWITCHED_ON,
        "connection": current,
        "form": form,
    }


def connection_page(request: AuthedRequest) -> HttpResponse:
    """The page, and saving the form (checked against the server before it is kept)."""
    if request.method == "POST":
        form = MailboxForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            try:
                mailbox = service.Mailbox.checked(
                    data["host"], data["port"], data["username"], data["password"], data["folder"]
                )
                service.connect(request.user, mailbox)
            except UserError as error:
                form.add_error(None, str(error))
            else:
                messages.success(
                    request,
                    "Your mailbox is connected. bounceback is looking in it for job mail now; "
                    "anything it is unsure about waits in Mail review.",
                )
                return redirect("mailbox:connection")
        return render(request, "mailbox/connection.html", _context(request, form), status=400)
    return render(request, "mailbox/connection.html", _context(request))


def _status(request: AuthedRequest, current: MailConnection | None) -> HttpResponse:
    return render(request, "mailbox/_connection_status.html", {"connection": current})


@require_GET
def connection_status(request: AuthedRequest) -> HttpResponse:
    """The status box alone, for htmx to refresh while a check waits or runs."""
    if not request.htmx:
        return redirect("mailbox:connection")
    return _status(request, service.connection_of(request.user))


@require_POST
def check_now(request: AuthedRequest) -> HttpResponse:
    current = service.connection_of(request.user)
    if current is None:
        messages.error(request, "There is no mailbox connected to check. Connect one below.")
    elif not service.queue_check(current):
        messages.info(request, "A check of your mailbox is already on its way.")
    if request.htmx:
        return _status(request, service.connection_of(request.user))
    return redirect("mailbox:connection")


@require_POST
def disconnect(request: AuthedRequest) -> HttpResponse:
    if service.disconnect(request.user):
        messages.success(
            request,
            "Your mailbox is disconnected and its app password deleted. What was already "
            "filed stays with your applications.",
        )
    return redirect("mailbox:connection")


def settings_section(request: AuthedRequest) -> str:
    """The "Your mailbox" box on Settings (hosted installs only)."""
    if not settings.BOUNCEBACK_HOSTED:
        return ""
    return render_to_string(
        "mailbox/_connection_section.html",
        {"offered": service.offered(), "connection": service.connection_of(request.user)},
        request=request,
    )
