"""Settings → "Download everything": the same zip as `bounceback export`."""

from __future__ import annotations

from django.http import HttpResponse
from django.template.loader import render_to_string
from django.views.decorators.http import require_POST

from bounceback.http import AuthedRequest
from bounceback.portability.export import default_file_name, export_zip


@require_POST  # a button, not a link: no prefetcher or crawler builds the zip by accident
def download(request: AuthedRequest) -> HttpResponse:
    name = default_file_name()
    response = HttpResponse(export_zip(request.user, name), content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    # Private words inside: never kept by a cache on the way.
    response["Cache-Control"] = "no-store"
    return response


def settings_section(request: AuthedRequest) -> str:
    """The "Your data" box on Settings (added there by ``PortabilityConfig.ready``)."""
    return render_to_string("portability/_settings_section.html", request=request)
