"""Train the distress model (src/bounceback/lib/distress/model.json) from the labelled sentences.

    uv run python scripts/train_distress.py            # cross-validate, then train and write
    uv run python scripts/train_distress.py --check    # cross-validate only, write nothing
    uv run python scripts/train_distress.py --check --writers   # also each writer held out whole

Data: the files in scripts/distress_corpus.py (TRAINING, shared with evaluate_distress.py):
corpus/blind/crisis-train.jsonl (by kind, written blind), corpus/crisis-train-extra.jsonl
(by kind, team-written), corpus/blind/crisis-eval-2.jsonl and crisis-eval-3.jsonl (by kind,
written blind, each measured once, then read), tests/data/distress_cases.jsonl (crisis or
not; a crisis case takes the kind of the phrase that catches it) and, as ordinary writing,
corpus/blind/themes-train.jsonl (reflection answers). Never an unread blind set.

A softmax regression over the features in model.py (words, pairs, pieces of words, negation,
joking and job-talk cues), fitted with plain gradient descent in numpy (no scikit-learn
needed). Five-fold cross-validation over every line picks the threshold in one place,
pick_threshold(): recall first, so the lowest probability of crisis whose out-of-fold false
alarms (phrases and model together) stay within their budgets, checked against TARGET_RECALL.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "scripts"))

import distress_corpus  # noqa: E402

from bounceback.lib.distress import model as distress_model  # noqa: E402
from bounceback.lib.distress import phrases  # noqa: E402

# The files, in one list shared with evaluate_distress.py: see scripts/distress_corpus.py.
KINDED = tuple((c.name, c.path) for c in distress_corpus.KINDED)
CASES = distress_corpus.CASES.path
REFLECTIONS = distress_corpus.REFLECTIONS.path
SOURCES = tuple(c.path for c in distress_corpus.TRAINING)  # in the order examples() reads them
# One file each: leave_one_writer_out() holds each out whole (the reflections always train).
WRITERS = distress_corpus.WRITERS
# The newest blind writer trained on: its row in `--writers` is the best predictor of a new one.
NEWEST_WRITER = distress_corpus.KINDED[-1].name

# The threshold (see pick_threshold): recall first. The highest (fewest false alarms) whose
# out-of-fold recall on every crisis line reaches TARGET_RECALL; the budgets only bound it
# from below, and the one that stops it is reported as binding.
TARGET_RECALL = 0.95  # every crisis line of WRITERS: the files by kind and the hand-written cases
FALSE_ALARM_BUDGET = 0.10  # every ordinary line of those four files (issue 12, item 5)
REFLECTION_ALARM_BUDGET = 0.05  # the 600 reflection answers: long writing must stay calm
# Out-of-fold recall flatters: the phrases were written while reading most of these files, so
# pooled recall reaches the target at a high threshold while a writer the matcher never saw
# is caught far less often. With crisis-eval-2's writer held out whole (`--check --writers`,
# round 3): 0.61 caught 0.743 at 0.051 false alarms; 0.40, 0.806 / 0.063; 0.30, 0.846 / 0.097;
# 0.25, 0.869 / 0.103. Recall first, so the threshold comes down towards those; but at 0.45
# and below the model flags a plainly calm note ("I'd never hurt myself, I just need a quiet
# weekend", in the demo and its test), and at 0.30 a fifth of the hard ordinary lines it was
# trained on. 0.50 is the lowest that keeps those calm. Re-read it from a fresh `--writers`
# run whenever a new blind writer's file joins the training data. Round 4, crisis-eval-3 held
# out whole with the round-4 features: 0.53 caught 0.911 at 0.050 false alarms; 0.50, 0.928 /
# 0.067; 0.45, 0.939 / 0.078; 0.40, 0.944 / 0.078 (crisis-eval-2 held out: 0.829 / 0.069,
# 0.834 / 0.069, 0.874 / 0.069, 0.886 / 0.086). Kept at 0.50: its reason above still holds,
# and those rows flatter (the concept words were chosen reading both files' misses).
HELD_OUT_WRITER_CEILING = 0.50
L2 = 1e-4
STEPS = 600
RATE = 10.0
MIN_COUNT = 2  # a feature seen fewer times than this is left out of the model
FOLDS = 5
CRISIS_WEIGHT = 3.0
# The hand-written ordinary cases were written to trip the matcher up ("I don't want to live in
# London"): they count this many times.
HARD_WEIGHT = 3.0
SEED = 12


def load(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def text_of(text: str) -> str:
    return " ".join(phrases.sentences(text))


def examples() -> tuple[list[str], list[str], list[str]]:
    """(normalised text, class, source) for every labelled line."""
    texts, labels, is_train = [], [], []
    for name, path in KINDED:
        for row in load(path):
            kind = row["kind"] if row["crisis"] else distress_model.CALM
            # Texting is a style, not a kind: once the spellings are fixed, learn what it says.
            if kind == "texting":
                kind = phrase_kind(row["text"])
            texts.append(text_of(row["text"]))
            labels.append(kind)
            is_train.append(name)
    for row in load(CASES):
        texts.append(text_of(row["text"]))
        labels.append(phrase_kind(row["text"]) if row["distress"] else distress_model.CALM)
        is_train.append("cases")
    for row in load(REFLECTIONS):
        texts.append(text_of(row["text"]))
        labels.append(distress_model.CALM)
        is_train.append("reflections")
    return texts, labels, is_train


def with_calm_sentences(
    texts: list[str], labels: list[str], raw: list[str]
) -> tuple[list[str], list[str]]:
    """Each sentence of a calm text is calm too: the model reads sentence by sentence."""
    more = []
    for text, label in zip(raw, labels, strict=True):
        parts = phrases.sentences(text) if label == distress_model.CALM else []
        if len(parts) > 1:
            more += parts
    return texts + more, labels + [distress_model.CALM] * len(more)


def phrase_kind(text: str) -> str:
    """The kind a phrase finds in a crisis line that carries no kind of its own."""
    hits = [phrases.find(s) for s in phrases.windows(phrases.sentences(text))]
    return next((h[0] for h in hits if h), "direct")


def fit(
    texts: list[str], labels: list[str], classes: list[str], hard: list[bool] | None = None
) -> dict[str, Any]:
    hard = hard or []
    counts = Counter(f for t in texts for f in set(distress_model.features(t)))
    vocabulary = sorted(f for f, n in counts.items() if n >= MIN_COUNT)
    index = {f: i for i, f in enumerate(vocabulary)}
    # The features as (row, column) pairs: each text holds a few dozen of thousands.
    pairs = [
        (r, index[f])
        for r, t in enumerate(texts)
        for f in set(distress_model.features(t))
        if f in index
    ]
    rows = np.array([r for r, _ in pairs], dtype=np.int64)
    cols = np.array([c for _, c in pairs], dtype=np.int64)
    # Each text's features scaled by the root of their number, as model.py does at run time.
    per_text = np.bincount(rows, minlength=len(texts)).clip(min=1)
    scale = 1.0 / np.sqrt(per_text[rows])
    y = np.zeros((len(texts), len(classes)))
    y[np.arange(len(texts)), [classes.index(label) for label in labels]] = 1.0
    # Every line counts once, a crisis line CRISIS_WEIGHT times: recall first, yet the many
    # ordinary lines that share words with crisis language ("I don't want to live in London")
    # still pull their weight.
    weight = np.where(y[:, classes.index(distress_model.CALM)] == 1.0, 1.0, CRISIS_WEIGHT)
    weight[: len(hard)] = np.where(hard, HARD_WEIGHT, weight[: len(hard)])
    w = np.zeros((len(vocabulary), len(classes)))
    b = np.zeros(len(classes))
    k = len(classes)
    # A sparse product by hand (bincount per class): numpy alone, and fast enough to
    # cross-validate in seconds.
    for _ in range(STEPS):
        contrib = w[cols] * scale[:, None]
        logits = b + np.stack(
            [np.bincount(rows, contrib[:, c], minlength=len(texts)) for c in range(k)], axis=1
        )
        p = np.exp(logits - logits.max(axis=1, keepdims=True))
        p /= p.sum(axis=1, keepdims=True)
        error = (p - y) * weight[:, None] / len(texts)
        spread = error[rows] * scale[:, None]
        gradient = L2 * w + np.stack(
            [np.bincount(cols, spread[:, c], minlength=len(vocabulary)) for c in range(k)], axis=1
        )
        w -= RATE * gradient
        b -= RATE * error.sum(axis=0)
    return {
        "classes": classes,
        "bias": [round(float(v), 5) for v in b],
        "features": vocabulary,
        "weights": w.astype(np.float32),
    }


def as_model(data: dict[str, Any], threshold: float) -> distress_model.Model:
    names = list(data["features"])
    return distress_model.Model(
        classes=data["classes"],
        names=names,
        index={n: i for i, n in enumerate(names)},
        weights=np.asarray(data["weights"], dtype=np.float64),
        bias=np.array(data["bias"]),
        threshold=threshold,
    )


def windows_of(text: str) -> list[str]:
    return phrases.windows(phrases.sentences(text))


def phrase_hit(text: str) -> bool:
    return any(phrases.find(s) for s in windows_of(text))


@dataclass(frozen=True)
class HeldOut:
    """One labelled line, scored by a model that never saw it (out of fold)."""

    source: str  # a name from WRITERS ("train", "eval3", "cases") or "reflections"
    group: str  # its kind ("plan", "low_mood"), or its split for the hand-written cases
    crisis: bool
    probability: float  # the model's crisis probability, held out
    phrase: bool  # a phrase catches it (the phrases are fixed, written while reading train)

    def shown(self, threshold: float) -> bool:
        return self.phrase or self.probability >= threshold


def groups() -> list[tuple[str, str, bool]]:
    """(source, group, crisis) for every line, in the order examples() reads them."""
    out = [(name, str(r["kind"]), bool(r["crisis"])) for name, path in KINDED for r in load(path)]
    out += [("cases", str(r["split"]), bool(r["distress"])) for r in load(CASES)]
    out += [("reflections", str(r["source"]), False) for r in load(REFLECTIONS)]
    return out


def train_on(
    keep: list[int],
    raw: list[str],
    texts: list[str],
    labels: list[str],
    sources: list[str],
    classes: list[str],
) -> distress_model.Model:
    """A model fitted on the chosen lines only (threshold left at 1: the caller compares)."""
    x, y = with_calm_sentences(
        [texts[i] for i in keep], [labels[i] for i in keep], [raw[i] for i in keep]
    )
    hard = [sources[i] == "cases" and labels[i] == distress_model.CALM for i in keep]
    return as_model(fit(x, y, classes, hard), 1.0)


def probability(m: distress_model.Model, text: str) -> float:
    """A text's crisis probability: its most worrying sentence or pair of sentences."""
    return max(m.crisis_probability(s) for s in windows_of(text) or [""])


def cross_validate(
    raw: list[str], texts: list[str], labels: list[str], sources: list[str], classes: list[str]
) -> list[HeldOut]:
    """Every line's crisis probability from a model trained on the other folds."""
    order = np.random.default_rng(SEED).permutation(len(texts))
    held_out = np.zeros(len(texts))
    for fold in range(FOLDS):
        test = set(order[fold::FOLDS].tolist())
        keep = [i for i in range(len(texts)) if i not in test]
        m = train_on(keep, raw, texts, labels, sources, classes)
        for i in test:
            held_out[i] = probability(m, raw[i])
    return [
        HeldOut(source, group, crisis, float(held_out[i]), phrase_hit(raw[i]))
        for i, (source, group, crisis) in enumerate(groups())
    ]


def leave_one_writer_out(
    raw: list[str], texts: list[str], labels: list[str], sources: list[str], classes: list[str]
) -> list[HeldOut]:
    """Each writer's whole file scored by a model trained on every other file.

    Fresh wording from a writer the model never read is what a blind set (and a person) brings,
    so this predicts a blind set better than folds that mix every writer's lines.
    """
    held_out = np.zeros(len(texts))
    for writer in WRITERS:
        test = [i for i in range(len(texts)) if sources[i] == writer]
        keep = [i for i in range(len(texts)) if sources[i] != writer]
        m = train_on(keep, raw, texts, labels, sources, classes)
        for i in test:
            held_out[i] = probability(m, raw[i])
    return [
        HeldOut(source, group, crisis, float(held_out[i]), phrase_hit(raw[i]))
        for i, (source, group, crisis) in enumerate(groups())
        if source in WRITERS
    ]


def rates(lines: list[HeldOut], threshold: float) -> tuple[float, float]:
    """(recall, false alarms) of phrases and model together at a threshold."""
    pos = [line for line in lines if line.crisis]
    neg = [line for line in lines if not line.crisis]
    recall = sum(line.shown(threshold) for line in pos) / len(pos) if pos else 1.0
    alarms = sum(line.shown(threshold) for line in neg) / len(neg) if neg else 0.0
    return recall, alarms


@dataclass(frozen=True)
class Choice:
    threshold: float
    recall: float  # out of fold, every crisis line of WRITERS
    alarms: float  # out of fold, every ordinary line of WRITERS
    reflection_alarms: float
    # "recall" when the target was met within the budgets, else the budget that stopped it.
    binds: str


def pick_threshold(lines: list[HeldOut], ceiling: float = 1.0) -> Choice:
    """THE one place the threshold is chosen, recall first.

    The highest threshold (so the fewest false alarms) whose out-of-fold recall on every crisis
    line reaches TARGET_RECALL. If that costs more false alarms than a budget allows (ordinary
    lines, or the reflections), the lowest threshold within the budgets instead, and the budget
    that stopped it is named: a missed crisis costs far more than a calm panel shown once too
    often, but a panel on every long reflection would teach people to ignore it.
    """
    notes = [line for line in lines if line.source in WRITERS]
    reflections = [line for line in lines if line.source == "reflections"]

    def choice(threshold: float, binds: str) -> Choice:
        recall, alarms = rates(notes, threshold)
        return Choice(threshold, recall, alarms, rates(reflections, threshold)[1], binds)

    # Whole hundredths, so the threshold written is exactly the one measured.
    grid = [round(0.05 + step / 100, 2) for step in range(91)]
    reaching = [t for t in grid if rates(notes, t)[0] >= TARGET_RECALL]
    within = [
        t
        for t in grid
        if rates(notes, t)[1] <= FALSE_ALARM_BUDGET
        and rates(reflections, t)[1] <= REFLECTION_ALARM_BUDGET
    ]
    if reaching and within and max(reaching) >= min(within):
        if max(reaching) > ceiling >= min(within):
            return choice(ceiling, "recall on a writer held out whole (HELD_OUT_WRITER_CEILING)")
        return choice(max(reaching), "recall")
    if not within:
        return choice(0.95, "no threshold fits the budgets")
    lowest = min(within)
    below = round(lowest - 0.01, 2)
    over_notes = rates(notes, below)[1] > FALSE_ALARM_BUDGET
    return choice(
        lowest,
        f"false alarms on ordinary lines (≤ {FALSE_ALARM_BUDGET})"
        if over_notes
        else f"false alarms on reflections (≤ {REFLECTION_ALARM_BUDGET})",
    )


def report(lines: list[HeldOut], threshold: float, by_kind: tuple[str, ...] = ()) -> None:
    """Recall and false alarms by set (and by kind for the sets named), at a threshold."""
    for source in (*WRITERS, "reflections"):
        chosen = [line for line in lines if line.source == source]
        if not chosen:
            continue
        recall, alarms = rates(chosen, threshold)
        model_only = [line for line in chosen if line.crisis]
        model_recall = (
            sum(line.probability >= threshold for line in model_only) / len(model_only)
            if model_only
            else 0.0
        )
        model_alarms = [line for line in chosen if not line.crisis]
        model_alarm_rate = (
            sum(line.probability >= threshold for line in model_alarms) / len(model_alarms)
            if model_alarms
            else 0.0
        )
        print(
            f"  {source:<12} recall {recall:.3f} (model alone {model_recall:.3f}), false alarms "
            f"{alarms:.3f} (model alone {model_alarm_rate:.3f})  "
            f"[{len(model_only)} crisis, {len(model_alarms)} ordinary]"
        )
        if source in by_kind:
            for group in sorted({line.group for line in chosen}):
                mine = [line for line in chosen if line.group == group]
                shown = sum(line.shown(threshold) for line in mine)
                what = "caught" if mine[0].crisis else "alarms"
                print(f"    {group:<10} {what} {shown}/{len(mine)}")


def by_kind_overall(lines: list[HeldOut], threshold: float) -> None:
    """Out-of-fold figures by kind over the three files labelled by kind, together."""
    kinded = [line for line in lines if line.source in dict(KINDED)]
    print(f"  by kind, {' + '.join(dict(KINDED))} together:")
    for group in sorted({line.group for line in kinded}):
        mine = [line for line in kinded if line.group == group]
        shown = sum(line.shown(threshold) for line in mine)
        what = "caught" if mine[0].crisis else "alarms"
        print(f"    {group:<10} {what} {shown}/{len(mine)} ({shown / len(mine):.3f})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true", help="cross-validate only")
    parser.add_argument(
        "--writers", action="store_true", help="also hold each writer's file out whole"
    )
    args = parser.parse_args()
    raw = [r["text"] for path in SOURCES for r in load(path)]
    texts, labels, sources = examples()
    classes = [distress_model.CALM] + sorted(set(labels) - {distress_model.CALM})
    lines = cross_validate(raw, texts, labels, sources, classes)
    chosen = pick_threshold(lines, ceiling=HELD_OUT_WRITER_CEILING)
    threshold = chosen.threshold
    print(
        f"{FOLDS}-fold cross-validation, each line held out once from the model; the phrases were"
        f" written while reading train and extra, so those figures still flatter."
        f" Threshold {threshold:.2f}: recall {chosen.recall:.3f}, false alarms {chosen.alarms:.3f},"
        f" reflections {chosen.reflection_alarms:.3f}; binds: {chosen.binds}"
    )
    report(lines, threshold, by_kind=(NEWEST_WRITER,))
    by_kind_overall(lines, threshold)
    if chosen.recall < TARGET_RECALL:
        print(f"  NOTE: out-of-fold recall is below {TARGET_RECALL} within the false-alarm budget")
    if args.writers:
        print(f"\nleave one writer out (each file held out whole), threshold {threshold:.2f}:")
        report(
            leave_one_writer_out(raw, texts, labels, sources, classes),
            threshold,
            by_kind=(NEWEST_WRITER,),
        )
    if args.check:
        return
    hard = [
        s == "cases" and lab == distress_model.CALM for s, lab in zip(sources, labels, strict=True)
    ]
    data = {"threshold": threshold, **fit(*with_calm_sentences(texts, labels, raw), classes, hard)}
    np.save(distress_model.WEIGHTS.with_suffix(".npy"), data.pop("weights"))
    distress_model.WEIGHTS.write_text(
        json.dumps(data, separators=(",", ":")) + "\n", encoding="utf-8"
    )
    print(
        f"wrote {distress_model.WEIGHTS.relative_to(ROOT)} and model.npy: {len(data['features'])} features"
    )


if __name__ == "__main__":
    main()
