"""When a pattern persists, suggest a second pair of eyes: a CV review, mock interviews, a coach.

Practice P13: some patterns are hard to fix alone. These suggestions come only from the
person's own numbers, only once there are enough of them, and only as an offer. They
read the overview that is already computed, so they cost no extra queries.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bounceback.insights.funnel import Funnel
    from bounceback.insights.stats import ThemesReport

# Applications with an answer before "few first conversations" can mean anything.
CV_MIN_ANSWERED = 12
# The top of the 80% range for "applied → screening" below this: the low rate is not luck.
CV_RATE_CEILING = 0.25
# Interviews reached without an offer before suggesting practice with someone.
INTERVIEWS_WITHOUT_OFFER = 4
# What employers said about one theme before it counts as persisting.
THEME_MENTIONS = 3
THEME_MONTHS = 2


@dataclass(frozen=True)
class Suggestion:
    kind: str  # "cv_review", "interview_practice", "recurring_theme"
    title: str
    because: str  # the person's own numbers that led here
    who: str  # who could help


def suggestions(funnel: Funnel, themes: ThemesReport) -> list[Suggestion]:
    """The second opinions worth offering now, most useful first (often none)."""
    found: list[Suggestion] = []
    first = funnel.steps[0] if funnel.steps else None
    if (
        first is not None
        and first.decided >= CV_MIN_ANSWERED
        and first.high is not None
        and first.high < CV_RATE_CEILING
    ):
        found.append(
            Suggestion(
                "cv_review",
                "Someone to look over your CV and applications",
                f"{first.went_on} of your {first.decided} answered applications led to a first "
                "conversation. When the early stage is the hard one, the CV, the covering note "
                "or the choice of roles is usually where a fresh look helps most.",
                "a careers service, a career coach, or someone who hires in your field.",
            )
        )
    interviews = funnel.reached.get("interview", 0)
    if interviews >= INTERVIEWS_WITHOUT_OFFER and funnel.reached.get("offer", 0) == 0:
        found.append(
            Suggestion(
                "interview_practice",
                "Practice interviews with someone who gives honest notes",
                f"You have reached {interviews} interviews without an offer yet. Getting that "
                "far means your applications work; a mock interview with feedback is often "
                "what turns the next one.",
                "a coach, a mentor, or a friend who interviews people for a living.",
            )
        )
    by_employer = sorted(themes.found, key=lambda r: -r.employer)
    for row in [] if themes.small_sample else by_employer:
        months = {m.month for m in row.by_month if m.employer}
        if row.employer >= THEME_MENTIONS and len(months) >= THEME_MONTHS:
            found.append(
                Suggestion(
                    "recurring_theme",
                    f"Help with “{row.theme.name}”",
                    f"Employers have mentioned it {row.employer} times, in {len(months)} "
                    "different months. A pattern that keeps coming back is worth working on "
                    "with someone who knows your field.",
                    "a mentor in your field, a coach, or a course on that skill.",
                )
            )
            break  # one theme at a time: the one employers name most comes first
    return found
