"""Settings → "Download everything": the same zip as `bounceback export`.

On one computer the zip is made at once. On a hosted install a worker makes it (years of
mail make a large zip) and the box offers it when it is ready (``prepared.py``).
"""

from __future__ import annotations

from django.conf import settings
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.views.decorators.http import require_GET, require_POST

from bounceback.http import AuthedRequest
from bounceback.portability import prepared
from bounceback.portability.export import default_file_name, export_zip


def _zip_response(name: str, data: bytes) -> HttpResponse:
    response = HttpResponse(data, content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    # Private words inside: never kept by a cache on the way.
    response["Cache-Control"] = "no-store"
    return response


@require_POST  # a button, not a link: no prefetcher or crawler builds the zip by accident
def download(request: AuthedRequest) -> HttpResponse:
    name = default_file_name()
    return _zip_response(name, export_zip(request.user, name))


@require_POST
def prepare(request: AuthedRequest) -> HttpResponse:
    """Hosted: ask a worker to make the zip."""
    prepared.request(request.user)
    if request.htmx:
        return _status(request)
    return redirect("accounts:settings")


@require_GET
def prepared_status(request: AuthedRequest) -> HttpResponse:
    """The box's status alone, for htmx to refresh while the zip is being made."""
    if not request.htmx:
        return redirect("accounts:settings")
    return _status(request)


@require_POST
def prepared_download(request: AuthedRequest) -> HttpResponse:
    found = prepared.ready_file(request.user)
    if found is None:
        raise Http404("There is no download ready for you.")
    return _zip_response(*found)


def _status(request: AuthedRequest) -> HttpResponse:
    return render(
        request,
        "portability/_prepared_status.html",
        {"prepared": prepared.current(request.user), "failed": prepared.FAILED},
    )


def settings_section(request: AuthedRequest) -> str:
    """The "Your data" box on Settings (added there by ``PortabilityConfig.ready``)."""
    context = {
        "hosted": settings.BOUNCEBACK_HOSTED,
        "prepared": prepared.current(request.user) if settings.BOUNCEBACK_HOSTED else None,
        "failed": prepared.FAILED,
    }
    return render_to_string("portability/_settings_section.html", context, request=request)
