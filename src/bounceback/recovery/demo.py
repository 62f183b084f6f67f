"""Sample results of the recovery flow for `bounceback demo`: reflections, practice, steps done."""

from __future__ import annotations

import random
from datetime import date, timedelta

from django.contrib.auth.models import User

from bounceback.recovery import actions
from bounceback.recovery.models import Action, ActionKind, ActionStatus, Rejection
from bounceback.recovery.reflection import save_answer

# (question key, answer, control) for a rejection after interviews.
_ANSWERS = [
    ("went_well", "The SQL exercise felt easy and I explained my approach clearly.", ""),
    ("struggled", "The question about a disagreement with a stakeholder. I rambled.", "can_change"),
    (
        "stumbled",
        "Tell me about a time you disagreed with a stakeholder\nHow would you design an A/B test for a pricing change?",
        "",
    ),
    ("what_i_want", "A team that ships small things often. They seemed slow, and that's okay.", ""),
    ("outside_control", "They had an internal candidate for the final round.", "outside"),
]


def build(owner: User, today: date, rng: random.Random) -> None:
    """Reflect on the three most recent interview-stage rejections and act on the first."""
    recent = list(
        Rejection.objects.filter(owner=owner, stage_reached__in=["interview", "final"])
        .select_related("application__company")
        .order_by("-received_on")[:3]
    )
    for index, rejection in enumerate(recent):
        count = len(_ANSWERS) if index == 0 else rng.randint(2, 3)
        for key, answer, control in _ANSWERS[:count]:
            save_answer(rejection, key, answer, control)
        proposed = actions.propose(rejection, today=rejection.received_on)
        for action in proposed:
            if action.kind in (ActionKind.THANK_YOU, ActionKind.FEEDBACK_REQUEST):
                actions.accept(action)
                actions.complete(action, min(today, rejection.received_on + timedelta(days=1)))
            elif action.kind == ActionKind.PRACTICE and index == 0:
                action.due_on = today + timedelta(days=1)
                actions.accept(action)
            elif action.kind == ActionKind.SELF_CARE:
                actions.complete(action, rejection.received_on)
            else:
                actions.drop(action)
    # Old suggestions nobody answered would clutter "today": the demo treats them as dropped.
    Action.objects.filter(owner=owner, status=ActionStatus.PROPOSED).update(
        status=ActionStatus.DROPPED
    )
