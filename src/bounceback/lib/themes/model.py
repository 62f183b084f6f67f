"""The small linear model that reads a text for the nine built-in themes, and says why.

One logistic regression per theme (a text may touch several themes, or none) over the
features of ``features.py``: TF-IDF weighted words and pairs of words, plus the listed
phrases as cue features. A theme is suggested when its probability reaches the theme's
threshold (chosen out of fold by ``scripts/train_themes.py``, kept in the artefact).

Why a theme was suggested is read straight off the model: each feature's share of the
score (its value times its weight) is spread over the words it came from, and the
words with the largest shares, joined into runs, are quoted back.

The artefact is plain data, so it loads in milliseconds and needs no scikit-learn:
``model/vocab.json`` (themes, vocabulary, cue names) and ``model/weights.npz`` (idf,
coefficients, intercepts, thresholds; loaded with ``allow_pickle=False``).
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np
import numpy.typing as npt

from bounceback.lib.themes.features import Features, Span, extract
from bounceback.lib.themes.text import Token

MODEL_DIR = Path(__file__).with_name("model")
# How many runs of words to quote for one theme, and how small a run may be against the
# strongest one before it is left out: enough to see why, few enough to read at a glance.
MAX_REASONS = 3
REASON_SHARE = 0.3
# A word carrying less than this share of the strongest word's part is filler.
WORD_SHARE = 0.25
_Array = npt.NDArray[np.float32]
_PAUSE = re.compile(r"[.,;:!?()\n]")


@dataclass(frozen=True)
class Scored:
    """One built-in theme's verdict on a text: probability, the bar, the words that led to it."""

    slug: str
    probability: float
    threshold: float
    words: tuple[str, ...]

    @property
    def suggested(self) -> bool:
        return self.probability >= self.threshold


@dataclass(frozen=True)
class Model:
    slugs: tuple[str, ...]
    vocab: dict[str, int]  # word features (w:, b:), TF-IDF weighted
    cues: dict[str, int]  # cue features, 1.0 when present; indexed after the vocabulary
    idf: _Array
    coef: _Array  # (len(vocab) + len(cues), len(slugs))
    intercept: _Array
    thresholds: _Array

    def vector(self, feats: Features) -> tuple[list[int], list[float]]:
        """Sparse feature values: sublinear TF-IDF, L2-normalised, for words; 1.0 for cues."""
        idx: list[int] = []
        vals: list[float] = []
        for name, spans in feats.hits.items():
            i = self.vocab.get(name)
            if i is not None:
                idx.append(i)
                vals.append((1.0 + math.log(len(spans))) * float(self.idf[i]))
        norm = math.sqrt(sum(v * v for v in vals)) or 1.0
        vals = [v / norm for v in vals]
        offset = len(self.vocab)
        for name in feats.hits:
            j = self.cues.get(name)
            if j is not None:
                idx.append(offset + j)
                vals.append(1.0)
        return idx, vals

    def logits(self, idx: list[int], vals: list[float]) -> npt.NDArray[np.float64]:
        out = self.intercept.astype(np.float64)
        if idx:
            out = out + np.asarray(vals, dtype=np.float32) @ self.coef[idx]
        return out

    def probabilities(self, text: str) -> npt.NDArray[np.float64]:
        idx, vals = self.vector(extract(text))
        return 1.0 / (1.0 + np.exp(-self.logits(idx, vals)))

    def score(self, text: str) -> list[Scored]:
        """Every built-in theme's probability for the text, with the words behind each."""
        feats = extract(text)
        idx, vals = self.vector(feats)
        probs = 1.0 / (1.0 + np.exp(-self.logits(idx, vals)))
        names = self._names(feats, idx)
        out: list[Scored] = []
        for j, slug in enumerate(self.slugs):
            threshold = float(self.thresholds[j])
            words: tuple[str, ...] = ()
            if probs[j] >= threshold:
                words = reasons(text, feats, names, idx, vals, self.coef[:, j])
            out.append(Scored(slug, float(probs[j]), threshold, words))
        return out

    def _names(self, feats: Features, idx: list[int]) -> list[str]:
        """The feature name behind each index of a vector, to find its words again."""
        by_index = {}
        offset = len(self.vocab)
        for name in feats.hits:
            if name in self.vocab:
                by_index[self.vocab[name]] = name
            elif name in self.cues:
                by_index[offset + self.cues[name]] = name
        return [by_index[i] for i in idx]


def token_shares(
    feats: Features, names: list[str], vals: list[float], weights: list[float]
) -> list[float]:
    """Each word's share of a theme's score: a feature's part spread over the words it covers."""
    shares = [0.0] * len(feats.tokens)
    for name, value, weight in zip(names, vals, weights, strict=True):
        part = value * weight
        spans: list[Span] = feats.hits[name]
        for start, end in spans:
            for i in range(start, end):
                shares[i] += part / len(spans) / (end - start)
    return shares


def reasons(
    text: str,
    feats: Features,
    names: list[str],
    idx: list[int],
    vals: list[float],
    column: _Array,
) -> tuple[str, ...]:
    """The runs of words that carried a theme, strongest first, quoted from the text."""
    shares = token_shares(feats, names, vals, [float(column[i]) for i in idx])
    top = max(shares, default=0.0)
    if top <= 0:
        return ()
    # A word counts when it carries a fair part of what the strongest word carries; runs of
    # such words are the reasons, a single weak word between two strong ones bridging them.
    strong = [share >= WORD_SHARE * top for share in shares]
    for i in range(1, len(strong) - 1):
        if not strong[i] and strong[i - 1] and strong[i + 1] and shares[i] > 0:
            strong[i] = True
    runs: list[tuple[float, int, int]] = []
    start = None
    toks = feats.tokens
    for i, keep in enumerate([*strong, False]):
        # A run stops at punctuation too: a quote never reaches across two clauses.
        if start is not None and (not keep or _PAUSE.search(text[toks[i - 1].end : toks[i].start])):
            runs.append((sum(shares[start:i]), start, i))
            start = None
        if keep and start is None:
            start = i
    runs.sort(reverse=True)
    best = runs[0][0]
    kept = sorted((s, e) for total, s, e in runs[:MAX_REASONS] if total >= REASON_SHARE * best)
    return tuple(_quote(text, feats.tokens, s, e) for s, e in kept)


def _quote(text: str, toks: list[Token], start: int, end: int) -> str:
    return " ".join(text[toks[start].start : toks[end - 1].end].split())


def save_model(model: Model, folder: Path = MODEL_DIR) -> None:
    """Write the artefact the package ships (by ``scripts/train_themes.py``)."""
    folder.mkdir(parents=True, exist_ok=True)
    meta = {
        "slugs": list(model.slugs),
        "vocab": sorted(model.vocab, key=model.vocab.__getitem__),
        "cues": sorted(model.cues, key=model.cues.__getitem__),
    }
    (folder / "vocab.json").write_text(json.dumps(meta, ensure_ascii=False, indent=0) + "\n")
    np.savez_compressed(
        folder / "weights.npz",
        idf=model.idf.astype(np.float32),
        coef=model.coef.astype(np.float32),
        intercept=model.intercept.astype(np.float32),
        thresholds=model.thresholds.astype(np.float32),
    )


def load_model(folder: Path = MODEL_DIR) -> Model:
    meta = json.loads((folder / "vocab.json").read_text(encoding="utf-8"))
    with np.load(folder / "weights.npz", allow_pickle=False) as data:
        return Model(
            slugs=tuple(meta["slugs"]),
            vocab={name: i for i, name in enumerate(meta["vocab"])},
            cues={name: i for i, name in enumerate(meta["cues"])},
            idf=data["idf"],
            coef=data["coef"],
            intercept=data["intercept"],
            thresholds=data["thresholds"],
        )


@cache
def shipped_model() -> Model:
    """The model in the package, loaded once."""
    return load_model()
