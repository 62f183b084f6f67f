"""Guided reflection: the questions (from data/questions.toml) and saving answers as they come."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from django.db import transaction

from bounceback.errors import UserError
from bounceback.recovery.models import ControlKind, PracticeQuestion, Reflection, Rejection

QUESTIONS_FILE = Path(__file__).resolve().parent / "data" / "questions.toml"
MAX_ANSWER = 10_000


@dataclass(frozen=True)
class Question:
    key: str
    text: str
    stages: tuple[str, ...]
    hint: str = ""
    control: bool = False  # offers "something I can change" / "outside my control"
    practice: bool = False  # each line of the answer becomes a practice question


@cache
def all_questions() -> tuple[Question, ...]:
    with QUESTIONS_FILE.open("rb") as handle:
        data = tomllib.load(handle)
    return tuple(
        Question(
            key=item["key"],
            text=item["text"],
            stages=tuple(item.get("stages", ())),
            hint=item.get("hint", ""),
            control=bool(item.get("control", False)),
            practice=bool(item.get("practice", False)),
        )
        for item in data["question"]
    )


def questions_for(rejection: Rejection) -> list[Question]:
    """The questions that make sense for how far this application got."""
    return [q for q in all_questions() if rejection.stage_reached in q.stages]


def question(key: str) -> Question:
    for q in all_questions():
        if q.key == key:
            return q
    raise UserError(
        "That question is no longer in the list. Reload the page to see the current ones."
    )


@transaction.atomic
def save_answer(
    rejection: Rejection, key: str, answer: str, control: str = ""
) -> Reflection | None:
    """Save (or update) one answer. An empty answer to an unanswered question stores nothing."""
    asked = question(key)
    answer = answer.strip()
    if len(answer) > MAX_ANSWER:
        raise UserError(
            f"That answer is very long ({len(answer)} characters). Please keep it under {MAX_ANSWER}."
        )
    if control not in ControlKind.values:
        control = ""
    existing = Reflection.objects.filter(rejection=rejection, question_key=key).first()
    if existing is None and not answer and not control:
        return None
    reflection, _ = Reflection.objects.update_or_create(
        rejection=rejection,
        question_key=key,
        defaults={
            "owner": rejection.owner,
            "question": asked.text,
            "answer": answer,
            "control": control if asked.control else "",
        },
    )
    if asked.practice:
        _keep_practice_questions(rejection, answer)
    return reflection


def _keep_practice_questions(rejection: Rejection, answer: str) -> None:
    """Mirror the "stumbled on" lines as practice questions (the answer is the source of truth)."""
    wanted = [line.strip(" -•*\t") for line in answer.splitlines()]
    wanted = list(dict.fromkeys(line[:500] for line in wanted if line))
    kept = PracticeQuestion.objects.filter(rejection=rejection)
    kept.exclude(text__in=wanted).delete()
    have = set(kept.values_list("text", flat=True))
    PracticeQuestion.objects.bulk_create(
        PracticeQuestion(owner=rejection.owner, rejection=rejection, text=text)
        for text in wanted
        if text not in have
    )


def answers_by_key(rejection: Rejection) -> dict[str, Reflection]:
    return {r.question_key: r for r in rejection.reflections.all()}
