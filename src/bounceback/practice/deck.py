"""The practice deck: which questions are due, rating an answer, and FSRS doing the scheduling.

A deck holds every question the person stumbled on (from their reflections, or typed in) and,
a few a day, questions from the bank (``data/questions.toml``), those on the themes that came
up in their own rejections first. Each is said out loud and rated Again, Hard, Good or Easy;
FSRS picks the day it comes back. In the week before an interview the person noted, cards for
that stage come forward even if FSRS would have waited, at most once a day each.
"""

from __future__ import annotations

import tomllib
from collections import Counter
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from functools import cache
from pathlib import Path
from typing import Any

import fsrs
from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone

from bounceback.applications.models import Application
from bounceback.errors import NotFound, UserError
from bounceback.practice.models import Card, PracticeStage, Rating, Review, UpcomingInterview
from bounceback.recovery.models import PracticeQuestion

BANK_FILE = Path(__file__).resolve().parent / "data" / "questions.toml"
NEW_PER_DAY = 3  # bank questions joining the deck each day: enough to grow, never a pile
FORWARD_DAYS = 7  # how long before an interview its stage's cards come forward
FORWARD_MAX = 5  # and at most this many a day: a few well rehearsed beat a pile rushed
STAGES = dict(PracticeStage.choices)
QUESTION_LIMIT = 500

# No fuzzing: a deck of a few dozen cards gains nothing from spreading them out at random,
# and a person trusts a rhythm they can predict.
SCHEDULER = fsrs.Scheduler(enable_fuzzing=False)


@dataclass(frozen=True)
class BankQuestion:
    key: str
    text: str
    stages: tuple[str, ...]
    theme: str
    hint: str


@cache
def bank() -> tuple[BankQuestion, ...]:
    with BANK_FILE.open("rb") as handle:
        data = tomllib.load(handle)
    return tuple(
        BankQuestion(
            key=item["key"],
            text=item["text"],
            stages=tuple(item.get("stages", ())),
            theme=item.get("theme", ""),
            hint=item.get("hint", ""),
        )
        for item in data["question"]
    )


def bank_question(key: str) -> BankQuestion | None:
    return next((q for q in bank() if q.key == key), None)


@dataclass(frozen=True)
class DueCard:
    """A card ready to practise, with what the person sees and why it is due."""

    card: Card
    text: str
    hint: str
    source: str  # "bank" or "stumbled"
    stages: tuple[str, ...]
    theme: str
    before: UpcomingInterview | None = None  # brought forward for this interview

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.card.pk,
            "question": self.text,
            "source": self.source,
            "stages": list(self.stages),
            "theme": self.theme,
            "due": self.card.due,
            "reviews": self.card.reviews,
            "before_interview": (
                {"on": self.before.on, "stage": self.before.stage} if self.before else None
            ),
        }


def describe(card: Card, before: UpcomingInterview | None = None) -> DueCard:
    if card.stumbled_id is not None:
        question = card.stumbled
        assert question is not None
        reached = question.rejection.stage_reached if question.rejection else ""
        stages = (reached,) if reached in STAGES else ("interview",)
        hint = (
            "This one caught you off guard once. Say a calm first sentence, one example, "
            "and how it ended; a second go is always easier."
        )
        return DueCard(card, question.text, hint, "stumbled", stages, "", before)
    found = bank_question(card.bank_key)
    if found is None:  # a question taken out of the bank: still shown, plainly
        return DueCard(
            card, card.bank_key.replace("-", " ").capitalize(), "", "bank", (), "", before
        )
    return DueCard(card, found.text, found.hint, "bank", found.stages, found.theme, before)


def _relevant_themes(owner: User) -> Counter[str]:
    """How often each theme came up in the person's own rejections (themes they confirmed)."""
    from bounceback.insights.tagging import counted_tags

    return Counter(counted_tags(owner).values_list("theme", flat=True))


def _interviewing(owner: User) -> bool:
    """Whether interviews are part of the search yet: a deck already begun, an interview
    noted, or an application that got past the first step."""
    return (
        Card.objects.filter(owner=owner).exists()
        or UpcomingInterview.objects.filter(owner=owner).exists()
        or Application.objects.filter(owner=owner).exclude(stage="applied").exists()
    )


@transaction.atomic
def sync(owner: User, now: datetime | None = None) -> None:
    """Bring the deck up to date: every stumbled question, and today's few bank questions."""
    now = now or timezone.now()
    missing = PracticeQuestion.objects.filter(owner=owner, card__isnull=True)
    Card.objects.bulk_create(
        Card(owner=owner, stumbled=q, due=now, created_at=now) for q in missing
    )
    day_start = timezone.make_aware(datetime.combine(timezone.localdate(now), datetime.min.time()))
    made_today = (
        Card.objects.filter(owner=owner, created_at__gte=day_start).exclude(bank_key="").count()
    )
    if not _interviewing(owner):
        return  # bank questions wait until interviews are part of the search
    # New questions wait while earlier new ones are still unpractised: the deck grows with
    # the person, never into a pile.
    untried = Card.objects.filter(owner=owner, reviews=0).exclude(bank_key="").count()
    room = min(NEW_PER_DAY - made_today, NEW_PER_DAY - untried)
    if room <= 0:
        return
    have = set(Card.objects.filter(owner=owner).values_list("bank_key", flat=True))
    themes = _relevant_themes(owner)
    soon = {i.stage for i in upcoming(owner, timezone.localdate(now))}
    order = {q.key: index for index, q in enumerate(bank())}
    waiting = sorted(
        (q for q in bank() if q.key not in have),
        key=lambda q: (-bool(soon & set(q.stages)), -themes[q.theme], order[q.key]),
    )
    Card.objects.bulk_create(
        Card(owner=owner, bank_key=q.key, due=now, created_at=now) for q in waiting[:room]
    )


def upcoming(owner: User, today: date | None = None) -> list[UpcomingInterview]:
    today = today or date.today()
    return list(
        UpcomingInterview.objects.filter(owner=owner, on__gte=today).select_related(
            "application__company"
        )
    )


def due(owner: User, now: datetime | None = None) -> list[DueCard]:
    """Cards to practise now: those brought forward for an interview first, then by due time."""
    now = now or timezone.now()
    sync(owner, now)
    today = timezone.localdate(now)
    cards = list(
        Card.objects.filter(owner=owner).select_related("stumbled__rejection").order_by("due", "id")
    )
    found: list[DueCard] = []
    taken: set[int] = set()
    for interview in upcoming(owner, today):
        if interview.on > today + timedelta(days=FORWARD_DAYS):
            break
        # Questions the person stumbled on first, then the least settled (lowest stability).
        ranked = sorted(cards, key=lambda c: (c.stumbled_id is None, c.stability or 0.0, c.pk))
        for card in ranked:
            described = describe(card, interview)
            if (
                len(taken) < FORWARD_MAX
                and card.pk not in taken
                and interview.stage in described.stages
                and (card.last_review is None or timezone.localdate(card.last_review) < today)
            ):
                found.append(described)
                taken.add(card.pk)
    # Among the cards due now, the questions the person stumbled on come first.
    ready = [c for c in cards if c.due <= now and c.pk not in taken]
    ready.sort(key=lambda c: (c.stumbled_id is None, c.due, c.pk))
    return found + [describe(c) for c in ready]


def next_due(owner: User) -> datetime | None:
    """When the next card comes back, for "nothing to practise now"."""
    card = Card.objects.filter(owner=owner).order_by("due").first()
    return card.due if card else None


def get_card(owner: User, pk: int | str) -> Card:
    try:
        return Card.objects.select_related("stumbled__rejection").get(owner=owner, pk=int(pk))
    except (Card.DoesNotExist, ValueError, TypeError):
        raise NotFound(f"There is no practice card with id {pk}.") from None


def _as_fsrs(card: Card) -> fsrs.Card:
    return fsrs.Card(
        card_id=card.pk,
        state=fsrs.State(card.state),
        step=card.step,
        stability=card.stability,
        difficulty=card.difficulty,
        due=card.due,
        last_review=card.last_review,
    )


def rating_from(value: str | int) -> Rating:
    """A rating from a button or the keyboard: 1-4, or again / hard / good / easy."""
    text = str(value).strip().lower()
    for rating in Rating:
        if text in (str(rating.value), rating.label.lower(), rating.label.lower()[0]):
            return rating
    raise UserError("Rate it Again, Hard, Good or Easy (or 1 to 4).")


@transaction.atomic
def rate(card: Card, rating: Rating | str | int, now: datetime | None = None) -> Card:
    """Rate one spoken answer; FSRS decides when the card comes back."""
    rating = rating if isinstance(rating, Rating) else rating_from(rating)
    now = (now or timezone.now()).astimezone(UTC)
    scheduled, _ = SCHEDULER.review_card(_as_fsrs(card), fsrs.Rating(rating.value), now)
    card.state = scheduled.state.value
    card.step = scheduled.step
    card.stability = scheduled.stability
    card.difficulty = scheduled.difficulty
    card.due = scheduled.due
    card.last_review = now
    card.reviews += 1
    card.save()
    Review.objects.create(owner=card.owner, card=card, rating=rating, reviewed_at=now)
    return card


def add_question(owner: User, text: str) -> PracticeQuestion:
    """A question of the person's own (heard in an interview, or dreaded); due at once."""
    text = " ".join(text.split())
    if not text:
        raise UserError("Write the question first, then add it.")
    if len(text) > QUESTION_LIMIT:
        raise UserError(f"Please keep the question under {QUESTION_LIMIT} characters.")
    question = PracticeQuestion.objects.create(owner=owner, text=text)
    sync(owner)
    return question


def add_upcoming(
    owner: User, on: date, stage: str, application: Application | None = None
) -> UpcomingInterview:
    """Note an interview coming up, so its stage's cards come forward in the week before."""
    if stage not in STAGES:
        raise UserError(
            f"'{stage}' is not a stage to practise for. Use screen, interview or final."
        )
    if on < date.today():
        raise UserError("That day has passed. Pick the day of an interview still to come.")
    if on > date.today() + timedelta(days=365):
        raise UserError("That day is more than a year away. Check the year.")
    return UpcomingInterview.objects.create(
        owner=owner, on=on, stage=stage, application=application
    )


def reviewed_between(owner: User, start: datetime, end: datetime) -> int:
    return Review.objects.filter(owner=owner, reviewed_at__gte=start, reviewed_at__lt=end).count()
