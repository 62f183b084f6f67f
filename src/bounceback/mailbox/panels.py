"""Dashboard panels for this area (see bounceback.dashboard)."""

from __future__ import annotations

from django.template.loader import render_to_string

from bounceback.http import AuthedRequest
from bounceback.mailbox.services import open_count


def review(request: AuthedRequest) -> str | None:
    """How many imported e-mails wait for a look; nothing when none do."""
    count = open_count(request.user)
    if not count:
        return None
    return render_to_string("mailbox/_review_panel.html", {"count": count}, request=request)
