"""Dashboard panel for insights: one or two honest facts and a way in."""

from __future__ import annotations

from django.template.loader import render_to_string

from bounceback.accounts.models import Profile
from bounceback.http import AuthedRequest
from bounceback.insights.funnel import funnel
from bounceback.insights.stats import themes_report


def summary(request: AuthedRequest) -> str | None:
    result = funnel(request.user)
    if not result.total:
        return None
    report = themes_report(request.user)
    # Ranked in applications, the unit of the themes chart, so the two never disagree.
    # Only confirmed tags are in the report: a guessed theme never becomes "most common".
    top = max(report.found, key=lambda r: (r.applications, r.total), default=None)
    gentle = Profile.for_user(request.user).gentle_mode
    context = {
        "funnel": result,
        "top": top,
        "small": report.small_sample,
        "waiting": report.waiting,
        # Gentle mode: no rejection counts on the first screen; the insights page still has them.
        "gentle": gentle,
    }
    return render_to_string("insights/_summary_panel.html", context, request=request)
