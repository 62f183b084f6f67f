"""The small linear model that reads a text for the nine built-in themes, and says why.

One logistic regression per theme (a text may touch several themes, or none) over the
features of ``features.py``: TF-IDF weighted words, pairs of words and negated words,
plus the listed phrases as cue features. The model reads the whole text and each of its
sentences: the text as a whole and its strongest sentence each have half a say, so a
reason given in one sentence of five is not drowned by the other four. A theme is
suggested when that probability reaches the theme's threshold (chosen out of fold by
``scripts/train_themes.py``, kept in the artefact).

Why a theme was suggested is read straight off the model (see ``explain.py``): each
feature's part of the score is spread over the words it came from, and the shortest runs
of words that carried it are quoted back.

The artefact is plain data, so it loads in milliseconds and needs no scikit-learn:
``model/vocab.json`` (themes, vocabulary, cue names) and ``model/weights.npz`` (idf,
coefficients, intercepts, thresholds; loaded with ``allow_pickle=False``).
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np
import numpy.typing as npt

from bounceback.lib.themes.explain import GENERAL, reasons, token_shares
from bounceback.lib.themes.features import Features, extract
from bounceback.lib.themes.text import Token

MODEL_DIR = Path(__file__).with_name("model")
# The say of a text's strongest sentence in its probability, beside the whole text's.
SENTENCE_SAY = 0.5
# A word in more than about one training text in forty is common: too general to be quoted
# alone as a reason ("role", "experience", "years"), however much it weighs.
COMMON_IDF = 4.3
_Array = npt.NDArray[np.float32]
_Probabilities = npt.NDArray[np.float64]


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
    vocab: dict[str, int]  # word features (w:, b:, n:), TF-IDF weighted
    cues: dict[str, int]  # cue features, 1.0 when present; indexed after the vocabulary
    idf: _Array
    coef: _Array  # (len(vocab) + len(cues), len(slugs))
    intercept: _Array
    thresholds: _Array

    def general(self, token: Token) -> bool:
        """Whether a word is too general to stand alone as a reason (see ``explain.py``)."""
        if token.word in GENERAL:
            return True
        i = self.vocab.get(f"w:{token.stem}")
        return i is not None and float(self.idf[i]) < COMMON_IDF

    def vector(self, feats: Features) -> dict[str, tuple[int, float]]:
        """Sparse feature values by name: sublinear TF-IDF, L2-normalised, for words; 1.0 for cues."""
        out: dict[str, tuple[int, float]] = {}
        for name, spans in feats.hits.items():
            i = self.vocab.get(name)
            if i is not None:
                out[name] = (i, (1.0 + math.log(len(spans))) * float(self.idf[i]))
        norm = math.sqrt(sum(v * v for _, v in out.values())) or 1.0
        out = {name: (i, v / norm) for name, (i, v) in out.items()}
        offset = len(self.vocab)
        for name in feats.hits:
            j = self.cues.get(name)
            if j is not None:
                out[name] = (offset + j, 1.0)
        return out

    def logits(self, vector: dict[str, tuple[int, float]]) -> _Probabilities:
        out = self.intercept.astype(np.float64)
        if vector:
            idx = [i for i, _ in vector.values()]
            vals = np.asarray([v for _, v in vector.values()], dtype=np.float32)
            out = out + vals @ self.coef[idx]
        return out

    def probabilities(self, feats: Features) -> _Probabilities:
        """Each theme's probability: half the whole text's, half its strongest sentence's."""
        whole = _sigmoid(self.logits(self.vector(feats)))
        if len(feats.sentences) < 2:
            return whole
        strongest = whole * 0.0
        for lo, hi in feats.sentences:
            strongest = np.maximum(
                strongest, _sigmoid(self.logits(self.vector(feats.within(lo, hi))))
            )
        return (1.0 - SENTENCE_SAY) * whole + SENTENCE_SAY * strongest

    def score(self, text: str) -> list[Scored]:
        """Every built-in theme's probability for the text, with the words behind each."""
        feats = extract(text)
        probs = self.probabilities(feats)
        vector = self.vector(feats)
        out: list[Scored] = []
        for j, slug in enumerate(self.slugs):
            threshold = float(self.thresholds[j])
            words: tuple[str, ...] = ()
            if probs[j] >= threshold:
                parts = {name: v * float(self.coef[i, j]) for name, (i, v) in vector.items()}
                words = reasons(text, feats, token_shares(feats, parts), self.general)
            out.append(Scored(slug, float(probs[j]), threshold, words))
        return out


def _sigmoid(x: _Probabilities) -> _Probabilities:
    return 1.0 / (1.0 + np.exp(-x))


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
