"""Does a piece of the person's own writing sound like they might be in danger?

Used only to *offer* help: a calm page with people to talk to appears after they save.
Nothing is stored, flagged, logged or sent anywhere, so a false alarm costs a moment of
reading and a miss costs much more: the matcher leans towards catching the real thing.

Two halves, kept apart so each can be read and measured:

- phrases.toml + phrases.py: commented phrase lists by kind (direct, passive, burden,
  hopeless, self_harm, means, plan, farewell, affairs), the spellings that texting style
  needs fixed, and the idioms that keep job-search talk calm.
- model.json + model.py: a small word-and-character model trained offline by
  scripts/train_distress.py, for wording no phrase foresaw. Pure numpy at run time.

Pure Python, no Django: the CLI, the web app and scripts/evaluate_distress.py share it.
"""

from __future__ import annotations

from dataclasses import dataclass

from bounceback.lib.distress import model, phrases

__all__ = ["Match", "detect", "matches"]


@dataclass(frozen=True)
class Match:
    """Why a sentence sounded like danger. For tests and evaluation, never shown as a diagnosis."""

    kind: str  # a kind from phrases.toml, e.g. "plan"
    sentence: str  # the normalised sentence (or pair of sentences)
    words: str  # the phrase that matched, or the words that weighed most in the model
    source: str  # "phrase" or "model"


def matches(text: str) -> list[Match]:
    """Every sentence that sounds like danger, with the kind of language found; empty if none."""
    found: list[Match] = []
    judge = model.model()
    for sentence in phrases.windows(phrases.sentences(text or "")):
        hit = phrases.find(sentence)
        if hit:
            found.append(Match(hit[0], sentence, hit[1], "phrase"))
        elif judge and (guess := judge.judge(sentence)):
            found.append(Match(guess[0], sentence, guess[1], "model"))
    return found


def detect(text: str) -> bool:
    """True when the text holds crisis language in the writer's own voice."""
    return bool(matches(text))
