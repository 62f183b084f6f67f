"""A kind note for the insights page when many recent applications miss the person's own goals."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth.models import User

from bounceback.applications.models import Application
from bounceback.goals.fit import goals_of, job_of
from bounceback.lib import fit as lib

RECENT = 20  # the applications looked at: recent enough to be about the search as it is now
AT_LEAST = 5  # fewer applications with that detail known say nothing
SHARE = 0.5  # "many": at least half of those that could be judged

_WORDS = {
    "salary": "below the salary floor you set",
    "role": "for roles other than the ones you named",
    "sector": "outside the sectors you named",
    "place": "somewhere other than where you'd like to work",
}


@dataclass(frozen=True)
class GoalsNote:
    goal: str
    missed: int
    judged: int

    @property
    def text(self) -> str:
        return (
            f"{self.missed} of {self.judged} recent applications (those with enough details to "
            f"tell) were {_WORDS[self.goal]}. That can be a fine choice for now. If it isn't "
            "what you meant, your goals are yours to change, and so is where you look."
        )


def goals_note(owner: User) -> GoalsNote | None:
    """The goal most often missed lately, when it is missed by many; None otherwise."""
    goals = goals_of(owner)
    if not goals.count:
        return None
    recent = Application.objects.filter(owner=owner).order_by("-applied_on", "-id")[:RECENT]
    counts: dict[str, list[int]] = {}
    for application in recent:
        for check in lib.fit(job_of(application), goals).checks:
            if check.goal in _WORDS and check.result != "unknown":
                judged_missed = counts.setdefault(check.goal, [0, 0])
                judged_missed[0] += 1
                judged_missed[1] += check.result == "miss"
    found = [
        GoalsNote(goal, missed, judged)
        for goal, (judged, missed) in counts.items()
        if judged >= AT_LEAST and missed >= judged * SHARE
    ]
    return max(found, key=lambda n: (n.missed / n.judged, n.judged), default=None)
