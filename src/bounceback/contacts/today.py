"""Today's items from keeping in touch: check-ins that are due, and thank-yous to note."""

from __future__ import annotations

from datetime import date

from django.contrib.auth.models import User
from django.urls import reverse

from bounceback.contacts import rhythm, services
from bounceback.recovery.templatetags.recovery_dates import day_words
from bounceback.recovery.today_items import Button, TodayItem

MAX_CHECK_INS = 3  # a few at a time; the contacts page lists the rest


def check_in_item(standing: rhythm.Standing) -> TodayItem:
    contact = standing.contact
    who = contact.get_role_display()
    if contact.company:
        who += f" at {contact.company.name}"
    since = (
        f"last in touch {day_words(standing.last_in_touch, weekday=False)}"
        if standing.last_in_touch
        else "a check-in you planned"
    )
    return TodayItem(
        area="contacts",
        key=f"check-in-{contact.pk}",
        title=f"Check in with {contact.name}",
        why=f"{who} · {since}",
        url=reverse("contacts:detail", args=[contact.pk]),
        link="Their page",
        draft=services.check_in_draft(standing),
        buttons=(
            Button(
                "I got in touch",
                reverse("contacts:checked_in", args=[contact.pk]),
                f"I got in touch with {contact.name}",
            ),
            Button(
                "Not now",
                reverse("contacts:later", args=[contact.pk]),
                f"Not now: check in with {contact.name} in two weeks",
            ),
        ),
    )


def items(owner: User, today: date) -> list[TodayItem]:
    found = [check_in_item(s) for s in rhythm.due(owner, today)[:MAX_CHECK_INS]]
    for event in services.thanks_to_send(owner, today):
        application = event.application
        found.append(
            TodayItem(
                area="contacts",
                key=f"thank-you-{event.pk}",
                title=f"Thank-you sent after the {event.get_kind_display().lower()} "
                f"at {application.company.name}?",
                why="A short note within a day or two is remembered. Note it here once it's gone.",
                url=reverse("applications:detail", args=[application.pk]),
                link="The application",
                buttons=(
                    Button(
                        "Yes, sent",
                        reverse("contacts:thank_you", args=[event.pk]),
                        f"Yes, sent: the thank-you to {application.company.name}",
                    ),
                ),
            )
        )
    return found
