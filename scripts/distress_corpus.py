"""Where the distress matcher's sentences live: the one list both scripts read.

scripts/train_distress.py trains on TRAINING; scripts/evaluate_distress.py measures the same
files, then the blind sets that are not training data. When a blind set has been measured
once, it joins the training data here (and nowhere else) and the next one becomes the honest
figure.

Not shipped: the app never reads a corpus, only the model trained from it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BLIND_DIR = ROOT / "corpus" / "blind"


@dataclass(frozen=True)
class Corpus:
    """One file of labelled sentences, by one writer."""

    name: str  # short name in reports: "train", "eval3"
    path: Path
    what: str  # one line for the report's heading


TRAIN = Corpus(
    "train",
    BLIND_DIR / "crisis-train.jsonl",
    "written blind for building the matcher; tuned and trained on",
)
# Written by the team (not blind) for the kinds the acceptance set found missed: see the README.
EXTRA = Corpus(
    "extra",
    ROOT / "corpus" / "crisis-train-extra.jsonl",
    "team-written, tuned and trained on",
)
EVAL2 = Corpus(
    "eval2",
    BLIND_DIR / "crisis-eval-2.jsonl",
    "written blind, measured once after round 2 at 0.766 / 0.051; read: training",
)
EVAL3 = Corpus(
    "eval3",
    BLIND_DIR / "crisis-eval-3.jsonl",
    "written blind, measured once after round 3 at 0.878 / 0.067; read: training",
)
CASES = Corpus(
    "cases",
    ROOT / "tests" / "data" / "distress_cases.jsonl",
    "hand-written crisis-or-not cases, by split; tuned on",
)
# Reflection answers and feedback lines written for the theme tagger: ordinary, often long,
# words about interviews. None is crisis language, so all are calm examples.
REFLECTIONS = Corpus(
    "reflections",
    BLIND_DIR / "themes-train.jsonl",
    "ordinary reflection answers; trained on as calm",
)
# The first blind crisis set: never trained on, but its figures were read at commit b6cbf42
# and after, so it is no longer blind. Printed for comparison, never the honest figure.
FIRST_BLIND = Corpus(
    "blind",
    BLIND_DIR / "crisis-eval.jsonl",
    "never trained on, but read before: for comparison, not the honest figure",
)

# The files labelled by kind, each by one writer, in the order train_distress.examples() reads.
KINDED = (TRAIN, EXTRA, EVAL2, EVAL3)
# Every file the model is trained on, in the order train_distress.examples() reads them.
TRAINING = (*KINDED, CASES, REFLECTIONS)
# One writer each: leave-one-writer-out holds each out whole (the reflections always train).
WRITERS = tuple(c.name for c in (*KINDED, CASES))

_NUMBERED = re.compile(r"crisis-eval-(\d+)\.jsonl")


def blind_number(path: Path) -> int | None:
    """4 for crisis-eval-4.jsonl; None for any other file name."""
    found = _NUMBERED.fullmatch(path.name)
    return int(found.group(1)) if found else None


def honest(blind_dir: Path = BLIND_DIR, training: tuple[Corpus, ...] = TRAINING) -> Corpus | None:
    """The newest numbered blind crisis set that is not training data, or None.

    Only a set newer than every blind set already trained on counts: an older one was
    measured and read before it could join. crisis-eval-4.jsonl after this round.
    """
    trained = [n for c in training if (n := blind_number(c.path)) is not None]
    newest_trained = max(trained, default=0)
    unread = sorted(
        (n, path)
        for path in blind_dir.glob("crisis-eval-*.jsonl")
        if (n := blind_number(path)) is not None and n > newest_trained
    )
    if not unread:
        return None
    number, path = unread[-1]
    return Corpus(
        f"eval{number}",
        path,
        "written blind, never trained or tuned on: THE HONEST FIGURE, measured once",
    )


def expected_honest_name(training: tuple[Corpus, ...] = TRAINING) -> str:
    """The file the next honest figure will come from: crisis-eval-4.jsonl after round 3."""
    trained = [n for c in training if (n := blind_number(c.path)) is not None]
    return f"crisis-eval-{max(trained, default=0) + 1}.jsonl"
