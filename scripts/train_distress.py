"""Train the distress model (src/bounceback/lib/distress/model.json) from the labelled sentences.

    uv run python scripts/train_distress.py            # cross-validate, then train and write
    uv run python scripts/train_distress.py --check    # cross-validate only, write nothing

Data: corpus/blind/crisis-train.jsonl (by kind), tests/data/distress_cases.jsonl (crisis or
not; a crisis case takes the kind of the phrase that catches it) and, as ordinary writing,
corpus/blind/themes-train.jsonl (reflection answers). Never a blind evaluation set.

A softmax regression over the features in model.py, fitted with plain gradient descent in numpy
(no scikit-learn needed). Five-fold cross-validation on the training set picks the threshold:
the lowest probability of crisis whose false alarms across the folds stay within
FALSE_ALARM_BUDGET, phrases included, so recall is as high as that budget allows.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from bounceback.lib.distress import model as distress_model  # noqa: E402
from bounceback.lib.distress import phrases  # noqa: E402

TRAIN = ROOT / "corpus" / "blind" / "crisis-train.jsonl"
CASES = ROOT / "tests" / "data" / "distress_cases.jsonl"
# Reflection answers and feedback lines written for the theme tagger: ordinary, often long,
# words about interviews. None is crisis language, so all are calm examples here.
REFLECTIONS = ROOT / "corpus" / "blind" / "themes-train.jsonl"

FALSE_ALARM_BUDGET = 0.05  # share of ordinary training sentences the model alone may add
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
    for row in load(TRAIN):
        kind = row["kind"] if row["crisis"] else distress_model.CALM
        if (
            kind == "texting"
        ):  # a style, not a kind: once the spellings are fixed, learn what it says
            kind = phrase_kind(row["text"])
        texts.append(text_of(row["text"]))
        labels.append(kind)
        is_train.append("train")
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
    rows = np.array([r for r, _ in pairs])
    cols = np.array([c for _, c in pairs])
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
    for _ in range(STEPS):
        logits = np.tile(b, (len(texts), 1))
        np.add.at(logits, rows, w[cols] * scale[:, None])
        p = np.exp(logits - logits.max(axis=1, keepdims=True))
        p /= p.sum(axis=1, keepdims=True)
        error = (p - y) * weight[:, None] / len(texts)
        gradient = L2 * w
        np.add.at(gradient, cols, error[rows] * scale[:, None])
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


def cross_validate(
    raw: list[str], texts: list[str], labels: list[str], sources: list[str], classes: list[str]
) -> dict[str, tuple[npt.NDArray[np.float64], list[bool], list[bool]]]:
    """For each training-set and reflection line, the model's crisis probability held out."""
    rows = [i for i, source in enumerate(sources) if source in ("train", "reflections")]
    order = np.random.default_rng(SEED).permutation(rows)
    held_out = np.zeros(len(texts))
    for fold in range(FOLDS):
        test = set(order[fold::FOLDS].tolist())
        keep = [i for i in range(len(texts)) if i not in test]
        x, y = with_calm_sentences(
            [texts[i] for i in keep], [labels[i] for i in keep], [raw[i] for i in keep]
        )
        hard = [sources[i] == "cases" and labels[i] == distress_model.CALM for i in keep]
        m = as_model(fit(x, y, classes, hard), 1.0)
        for i in test:
            held_out[i] = max(m.crisis_probability(s) for s in windows_of(raw[i]) or [""])
    out = {}
    for name in ("train", "reflections"):
        chosen = [i for i in rows if sources[i] == name]
        crisis = [labels[i] != distress_model.CALM for i in chosen]
        out[name] = (held_out[chosen], crisis, [phrase_hit(raw[i]) for i in chosen])
    return out


def pick_threshold(
    held_out: dict[str, tuple[npt.NDArray[np.float64], list[bool], list[bool]]],
) -> float:
    """The lowest threshold whose false alarms (the model's own, beyond the phrases') fit the
    budget on short notes and on longer reflections alike."""
    for threshold in np.arange(0.05, 0.96, 0.01):
        rates = []
        for prob, crisis, phrase in held_out.values():
            calm = [i for i, c in enumerate(crisis) if not c]
            alarms = sum(1 for i in calm if prob[i] >= threshold and not phrase[i])
            rates.append(alarms / len(calm))
        if max(rates) <= FALSE_ALARM_BUDGET:
            return round(float(threshold), 2)
    return 0.95


def report(
    name: str, prob: npt.NDArray[np.float64], crisis: list[bool], phrase: list[bool], chosen: float
) -> None:
    pos = [i for i, c in enumerate(crisis) if c]
    neg = [i for i, c in enumerate(crisis) if not c]
    for t in sorted({0.3, 0.4, 0.5, 0.6, 0.7, chosen}):
        model_hit = [p >= t for p in prob]
        both = [m or f for m, f in zip(model_hit, phrase, strict=True)]
        line = f"  {name:<12} threshold {t:.2f}:"
        if pos:
            line += f" model recall {sum(model_hit[i] for i in pos) / len(pos):.3f}"
            line += f" (with phrases {sum(both[i] for i in pos) / len(pos):.3f}),"
        line += f" model alarms {sum(model_hit[i] for i in neg) / len(neg):.3f}"
        line += f" (with phrases {sum(both[i] for i in neg) / len(neg):.3f})"
        print(line + ("   <- chosen" if t == chosen else ""))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true", help="cross-validate only")
    args = parser.parse_args()
    raw = [r["text"] for path in (TRAIN, CASES, REFLECTIONS) for r in load(path)]
    texts, labels, sources = examples()
    classes = [distress_model.CALM] + sorted(set(labels) - {distress_model.CALM})
    held_out = cross_validate(raw, texts, labels, sources, classes)
    threshold = pick_threshold(held_out)
    print(f"{FOLDS}-fold cross-validation, each line held out once (phrases were tuned on train):")
    for name, (p, c, f) in held_out.items():
        report(name, p, c, f, threshold)
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
