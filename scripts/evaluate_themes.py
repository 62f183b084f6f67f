"""Measure the theme tagger: precision and recall, overall and per theme.

    uv run --group train python scripts/evaluate_themes.py               # train out of fold, then blind
    uv run --group train python scripts/evaluate_themes.py --train-only  # while working: blind set unread
    uv run --group train python scripts/evaluate_themes.py --json

Three figures, side by side:

- **train, out of fold**: corpus/blind/themes-train.jsonl (600 texts by a writer who saw
  only corpus/guides/themes.md). Each text is tagged by a model trained without it, whose
  bars were chosen out of fold inside its own training part (nested), so the figure
  does not flatter. The texts the team wrote are always in training, never scored.
- **across writers**: the same 600 texts, tagged by a model trained on the team's texts
  only (corpus/themes-*.jsonl). Nothing by that writer is in training: a shift between
  writers like the one to the blind set, measured without touching the blind set.
- **blind**: corpus/blind/themes-eval*.jsonl (each a batch by another writer, same guide),
  tagged by the tagger the package ships, exactly as `bounceback themes` does. Nothing
  was ever tuned on it; this script is the only thing that reads it.

Micro precision = suggested tags that were right / all suggested tags; micro recall =
right tags found / all tags in the labels.

Measured once, untouched, at f9d20a4 (the first model): blind precision 0.856, recall 0.711;
train out of fold 0.796 / 0.815. The word matcher before it: blind 0.735 / 0.260.
Measured once more after the second round (branch themes2, see corpus/blind/README.md):
blind 0.873 / 0.847; out of fold 0.857 / 0.882; across writers 0.846 / 0.885. The blind
set has now been read twice; a later change should be judged on a fresh blind batch.
themes-eval-2 (260 texts by a fresh writer, written before the second round landed and
read once after it): precision 0.851, recall 0.831 — the honest figure for that round.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "scripts"))

from bounceback.lib.themes import builtin_tagger  # noqa: E402
from bounceback.lib.themes.features import extract  # noqa: E402

BLIND = ROOT / "corpus" / "blind"  # themes-eval.jsonl, themes-eval-2.jsonl, ...


@dataclass
class Counts:
    tp: int = 0
    suggested: int = 0
    labelled: int = 0

    @property
    def precision(self) -> float:
        return self.tp / self.suggested if self.suggested else 0.0

    @property
    def recall(self) -> float:
        return self.tp / self.labelled if self.labelled else 0.0


@dataclass
class Score:
    name: str
    texts: int = 0
    micro: Counts = field(default_factory=Counts)
    themes: dict[str, Counts] = field(default_factory=dict)

    def add(self, wanted: set[str], got: set[str], slugs: tuple[str, ...]) -> None:
        self.texts += 1
        for slug in slugs:
            counts = self.themes.setdefault(slug, Counts())
            for c in (counts, self.micro):
                c.tp += slug in wanted and slug in got
                c.suggested += slug in got
                c.labelled += slug in wanted

    def as_dict(self) -> dict[str, object]:
        def figures(c: Counts) -> dict[str, object]:
            return {
                "precision": round(c.precision, 3),
                "recall": round(c.recall, 3),
                "right": c.tp,
                "suggested": c.suggested,
                "labelled": c.labelled,
            }

        return {
            "texts": self.texts,
            **figures(self.micro),
            "themes": {slug: figures(c) for slug, c in self.themes.items()},
        }


def out_of_fold() -> Score:
    """The training set, each text tagged by a model (and bars) that never saw it."""
    import train_themes as training

    train = training.load(training.TRAIN)
    written = [r for path in training.WRITTEN for r in training.load(path)]
    feats = [extract(str(r["text"])) for r in train]
    extra = [extract(str(r["text"])) for r in written]
    y = training.labels(train)
    extra_y = training.labels(written)
    score = Score("train, out of fold")
    for held in training.folds(len(train), seed=101):
        keep = np.setdiff1d(np.arange(len(train)), held)
        inner = training.out_of_fold([feats[i] for i in keep], y[keep], extra, extra_y)
        bars = training.best_thresholds(inner, y[keep])
        model = training.fit([feats[i] for i in keep] + extra, np.vstack([y[keep], extra_y]), bars)
        probs = training.predict(model, [feats[i] for i in held])
        for row, i in enumerate(held):
            got = {s for j, s in enumerate(training.SLUGS) if probs[row, j] >= bars[j]}
            score.add(set(train[i]["themes"]), got, training.SLUGS)  # type: ignore[call-overload]
    return score


def across_writers() -> Score:
    """The blind writer's training texts, tagged by a model trained on the team's texts only.

    A shift between writers, like the one to the blind set: nothing the blind writer wrote
    is in training, and the bars are chosen out of fold on the team's texts alone.
    """
    import train_themes as training

    train = training.load(training.TRAIN)
    written = [r for path in training.WRITTEN for r in training.load(path)]
    feats = [extract(str(r["text"])) for r in train]
    extra = [extract(str(r["text"])) for r in written]
    extra_y = training.labels(written)
    none = np.zeros((0, len(training.SLUGS)), int)
    bars = training.best_thresholds(training.out_of_fold(extra, extra_y, [], none), extra_y)
    probs = training.predict(training.fit(extra, extra_y, bars), feats)
    score = Score("across writers")
    for i, row in enumerate(train):
        got = {s for j, s in enumerate(training.SLUGS) if probs[i, j] >= bars[j]}
        score.add(set(row["themes"]), got, training.SLUGS)  # type: ignore[call-overload]
    return score


def blind_sets() -> list[Path]:
    """Every blind theme set, oldest first: each is measured, none is ever tuned on."""
    return sorted(BLIND.glob("themes-eval*.jsonl"), key=lambda p: (len(p.name), p.name))


def blind(path: Path) -> Score:
    """A blind set, tagged by the shipped tagger exactly as the app and CLI tag."""
    tagger = builtin_tagger()
    slugs = tuple(t.slug for t in tagger.themes)
    score = Score(f"blind {path.stem.removeprefix('themes-')}")
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                row = json.loads(line)
                got = {f.slug for f in tagger.tag(row["text"])}
                score.add(set(row["themes"]), got, slugs)
    return score


def _table(scores: list[Score]) -> None:
    print(f"{'set':<20} {'texts':>5} {'precision':>9} {'recall':>7}")
    for s in scores:
        print(f"{s.name:<20} {s.texts:>5} {s.micro.precision:>9.3f} {s.micro.recall:>7.3f}")
    for s in scores:
        print(f"\n{s.name}, per theme")
        print(
            f"  {'theme':<16} {'precision':>9} {'recall':>7} {'right':>6} {'suggested':>9} {'labelled':>8}"
        )
        for slug, c in s.themes.items():
            print(
                f"  {slug:<16} {c.precision:>9.3f} {c.recall:>7.3f} {c.tp:>6} {c.suggested:>9} {c.labelled:>8}"
            )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.add_argument(
        "--train-only",
        action="store_true",
        help="only the out-of-fold figure; the blind set stays unread",
    )
    args = parser.parse_args()
    scores = [out_of_fold(), across_writers()]
    if not args.train_only:
        scores += [blind(path) for path in blind_sets()]
    if args.json:
        print(json.dumps({s.name: s.as_dict() for s in scores}, indent=2))
    else:
        _table(scores)


if __name__ == "__main__":
    main()
