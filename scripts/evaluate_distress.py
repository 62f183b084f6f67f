"""Measure the distress matcher: recall and false alarms, overall and by kind.

    uv run python scripts/evaluate_distress.py                # every set, the honest one last
    uv run python scripts/evaluate_distress.py --skip-blind   # while changing the matcher
    uv run python scripts/evaluate_distress.py --json
    uv run python scripts/evaluate_distress.py -v             # also list mistakes (never blind ones)
    uv run python scripts/evaluate_distress.py --oof          # add the out-of-fold figures by kind
                                                              # (retrains five models: minutes)

The sets (scripts/distress_corpus.py lists them, shared with train_distress.py):

- **training**: crisis-train (written blind for building the matcher), crisis-train-extra
  (team-written), crisis-eval-2 and crisis-eval-3 (each written blind, measured once, then
  read and trained on), the hand-written cases and the reflection answers (ordinary, trained
  on as calm). The phrases were tuned and the model trained on them, so they flatter.
- **blind** (crisis-eval.jsonl): never trained on, but its figures were read at commit b6cbf42
  and after, so it is no longer blind: printed for comparison only.
- **the honest figure**: the newest numbered blind set that is not training data
  (corpus/blind/crisis-eval-4.jsonl after round 3), found by distress_corpus.honest():
  written by someone who never saw the matcher, never opened while changing it, measured
  once. Printed last: recall by crisis kind and false alarms by ordinary kind. When no such
  file is here the script says so, and no figure it prints is honest.
- **out of fold** (--oof): each training line scored by a model trained without it, phrases
  and model together, by kind. The phrases were written while reading the training files, so
  this still flatters; the model alone is printed beside it.

No sentence of a blind set is ever printed: only its figures leave this script.

Recall is the share of crisis sentences caught; false alarms, the share of ordinary
sentences that would bring up the help panel.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "scripts"))

import distress_corpus  # noqa: E402

from bounceback.lib.distress import detect  # noqa: E402

# The files, in one list shared with train_distress.py.
TRAINING = distress_corpus.TRAINING
FIRST_BLIND = distress_corpus.FIRST_BLIND
BLIND_DIR = distress_corpus.BLIND_DIR


@dataclass
class Score:
    positives: int = 0
    negatives: int = 0
    caught: int = 0
    false_alarms: int = 0
    missed: list[str] = field(default_factory=list)
    wrongly_flagged: list[str] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.caught / self.positives if self.positives else 0.0

    @property
    def false_alarm_rate(self) -> float:
        return self.false_alarms / self.negatives if self.negatives else 0.0

    def add(self, text: str, wanted: bool, got: bool) -> None:
        if wanted:
            self.positives += 1
            self.caught += got
            if not got:
                self.missed.append(text)
        else:
            self.negatives += 1
            self.false_alarms += got
            if got:
                self.wrongly_flagged.append(text)

    def as_dict(self, mistakes: bool) -> dict[str, Any]:
        out: dict[str, Any] = {
            "crisis": self.positives,
            "ordinary": self.negatives,
            "recall": round(self.recall, 4),
            "false_alarms": round(self.false_alarm_rate, 4),
        }
        if mistakes:
            out |= {"missed": self.missed, "wrongly_flagged": self.wrongly_flagged}
        return out


def load(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def label(case: dict[str, Any]) -> tuple[bool, str]:
    """(crisis?, group) for a line of any of the three file formats."""
    if "themes" in case:
        return False, str(case["source"])
    if "crisis" in case:
        return bool(case["crisis"]), str(case["kind"])
    return bool(case["distress"]), str(case["split"])


def evaluate(cases: list[dict[str, Any]]) -> dict[str, Score]:
    """Scores for "all" and for each kind (or split)."""
    scores: dict[str, Score] = defaultdict(Score)
    for case in cases:
        wanted, group = label(case)
        got = detect(str(case["text"]))
        scores["all"].add(str(case["text"]), wanted, got)
        scores[group].add(str(case["text"]), wanted, got)
    return dict(scores)


def _table(name: str, scores: dict[str, Score]) -> list[str]:
    lines = [
        f"\n{name}",
        f"  {'group':<10} {'crisis':>7} {'caught':>7} {'recall':>7} {'ordinary':>9} {'alarms':>7} {'rate':>6}",
    ]
    order = ["all"] + sorted(k for k in scores if k != "all")
    for key in order:
        s = scores[key]
        recall = f"{s.recall:.3f}" if s.positives else "-"
        rate = f"{s.false_alarm_rate:.3f}" if s.negatives else "-"
        lines.append(
            f"  {key:<10} {s.positives:>7} {s.caught:>7} {recall:>7} {s.negatives:>9} {s.false_alarms:>7} {rate:>6}"
        )
    return lines


def out_of_fold() -> None:
    """Recall and false alarms with each training line held out of the model, by kind."""
    import train_distress

    raw = [r["text"] for path in train_distress.SOURCES for r in load(path)]
    texts, labels, sources = train_distress.examples()
    classes = [train_distress.distress_model.CALM] + sorted(
        set(labels) - {train_distress.distress_model.CALM}
    )
    lines = train_distress.cross_validate(raw, texts, labels, sources, classes)
    threshold = train_distress.distress_model.model()
    chosen = threshold.threshold if threshold else 0.5
    print(f"\nout of fold ({train_distress.FOLDS} folds, the shipped threshold {chosen:.2f}):")
    train_distress.report(lines, chosen, by_kind=tuple(c.name for c in distress_corpus.KINDED))


def honest_figures(scores: dict[str, Score]) -> dict[str, Any]:
    """Overall recall and false alarms, recall by crisis kind and false alarms by ordinary kind."""
    groups = sorted(k for k in scores if k != "all")
    return {
        "recall": round(scores["all"].recall, 4),
        "false_alarms": round(scores["all"].false_alarm_rate, 4),
        "crisis": scores["all"].positives,
        "ordinary": scores["all"].negatives,
        "recall_by_kind": {
            k: [scores[k].caught, scores[k].positives] for k in groups if scores[k].positives
        },
        "false_alarms_by_kind": {
            k: [scores[k].false_alarms, scores[k].negatives] for k in groups if scores[k].negatives
        },
    }


def _honest_lines(corpus: distress_corpus.Corpus, figures: dict[str, Any]) -> list[str]:
    lines = [
        f"\nTHE HONEST FIGURE: {corpus.path.name} ({corpus.what})",
        f"  recall {figures['recall']:.3f} ({figures['crisis']} crisis sentences), "
        f"false alarms {figures['false_alarms']:.3f} ({figures['ordinary']} ordinary)",
        "  recall by crisis kind:",
    ]
    for kind, (caught, total) in figures["recall_by_kind"].items():
        lines.append(f"    {kind:<10} caught {caught}/{total} ({caught / total:.3f})")
    lines.append("  false alarms by ordinary kind:")
    for kind, (alarms, total) in figures["false_alarms_by_kind"].items():
        lines.append(f"    {kind:<10} alarms {alarms}/{total} ({alarms / total:.3f})")
    return lines


def no_honest_set_note() -> str:
    expected = distress_corpus.expected_honest_name()
    return (
        f"No unread blind set: corpus/blind/{expected} is not here yet. Every figure above is"
        " on text the matcher was trained or tuned on, or has read before: none is the honest"
        " figure for a writer it has never seen."
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.add_argument(
        "-v", "--verbose", action="store_true", help="list mistakes on the training sets"
    )
    parser.add_argument(
        "--skip-blind", action="store_true", help="leave the blind sets unread (while tuning)"
    )
    parser.add_argument(
        "--oof", action="store_true", help="also cross-validate the model on the training sets"
    )
    args = parser.parse_args()
    sets = {c.name: load(c.path) for c in TRAINING}
    titles = {c.name: f"{c.name}: {c.path.relative_to(ROOT)} ({c.what})" for c in TRAINING}
    honest = None if args.skip_blind else distress_corpus.honest(BLIND_DIR)
    if not args.skip_blind and FIRST_BLIND.path.exists():
        sets[FIRST_BLIND.name] = load(FIRST_BLIND.path)
        titles[FIRST_BLIND.name] = f"crisis-eval: {FIRST_BLIND.path.name} ({FIRST_BLIND.what})"
    results = {name: evaluate(cases) for name, cases in sets.items()}
    blind_names = {FIRST_BLIND.name}
    honest_result = evaluate(load(honest.path)) if honest else None
    if args.json:
        out: dict[str, Any] = {
            name: {
                group: s.as_dict(args.verbose and name not in blind_names)
                for group, s in scores.items()
            }
            for name, scores in results.items()
        }
        if args.skip_blind:
            out["honest"] = {"set": None, "note": "blind sets left unread (--skip-blind)"}
        elif honest and honest_result:
            out["honest"] = {"set": honest.path.name, **honest_figures(honest_result)}
        else:
            out["honest"] = {"set": None, "note": no_honest_set_note()}
        print(json.dumps(out, indent=2))
        return
    for name, scores in results.items():
        print("\n".join(_table(titles[name], scores)))
    if args.oof:
        out_of_fold()
    if args.verbose:
        for c in TRAINING:
            for text in results[c.name]["all"].missed:
                print(f"[{c.name}] missed:  {text}")
            for text in results[c.name]["all"].wrongly_flagged:
                print(f"[{c.name}] flagged: {text}")
    if args.skip_blind:
        print("\nBlind sets left unread (--skip-blind): no honest figure this run.")
    elif honest and honest_result:
        print("\n".join(_honest_lines(honest, honest_figures(honest_result))))
    else:
        print("\n" + no_honest_set_note())


if __name__ == "__main__":
    main()
