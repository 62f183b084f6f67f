"""The small linear model that weighs words, cues and sender facts into a label.

A multinomial logistic regression over the features of ``features`` (TF-IDF weighted,
L2-normalised words plus dense features), trained offline by
``scripts/train_mail_model.py`` on labelled mail (never on the frozen split).

The artefact is plain data, so it loads in milliseconds and needs no scikit-learn at
run time: ``model/vocab.json`` (labels, vocabulary, dense feature names and how the
model was chosen) and ``model/weights.npz`` (idf, coefficients, intercepts; loaded with
``allow_pickle=False``).
"""

from __future__ import annotations

import json
import math
from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from bounceback.lib.mail.features import DENSE_FEATURES
from bounceback.lib.mail.message import LABELS, Label

MODEL_DIR = Path(__file__).with_name("model")


@dataclass(frozen=True, slots=True)
class Model:
    labels: tuple[Label, ...]
    vocab: dict[str, int]
    idf: npt.NDArray[np.float32]
    coef: npt.NDArray[np.float32]  # (n_vocab + n_dense, n_labels)
    intercept: npt.NDArray[np.float32]
    meta: dict[str, Any] = field(default_factory=dict)  # how it was trained and chosen

    def text_vector(self, toks: list[str]) -> tuple[list[int], list[float]]:
        """Sparse TF-IDF (sublinear tf, L2-normalised) of known tokens."""
        counts = Counter(i for i in map(self.vocab.get, toks) if i is not None)
        if not counts:
            return [], []
        idx = list(counts)
        vals = [(1.0 + math.log(counts[i])) * float(self.idf[i]) for i in idx]
        norm = math.sqrt(sum(v * v for v in vals)) or 1.0
        return idx, [v / norm for v in vals]

    def probabilities(self, toks: list[str], dense: list[float]) -> npt.NDArray[np.float64]:
        idx, vals = self.text_vector(toks)
        logits = self.intercept.astype(np.float64)
        if idx:
            logits = logits + np.asarray(vals, dtype=np.float32) @ self.coef[idx]
        n = len(self.vocab)
        logits = logits + np.asarray(dense, dtype=np.float32) @ self.coef[n : n + len(dense)]
        logits = logits - logits.max()
        exp = np.exp(logits)
        return np.asarray(exp / exp.sum(), dtype=np.float64)

    def probabilities_many(
        self, rows: list[tuple[list[str], list[float]]]
    ) -> npt.NDArray[np.float64]:
        """Batch version: one gather and one segmented sum for all messages (no scipy import)."""
        if not rows:
            return np.zeros((0, len(self.labels)))
        n = len(self.vocab)
        indices: list[int] = []
        data: list[float] = []
        starts: list[int] = []
        for toks, dense in rows:
            starts.append(len(indices))
            idx, vals = self.text_vector(toks)
            indices.extend(idx)
            data.extend(vals)
            indices.extend(range(n, n + len(dense)))  # dense features are always present
            data.extend(dense)
        weighted = self.coef[np.asarray(indices)] * np.asarray(data, dtype=np.float32)[:, None]
        logits = (
            np.add.reduceat(weighted, np.asarray(starts), axis=0).astype(np.float64)
            + self.intercept
        )
        logits -= logits.max(axis=1, keepdims=True)
        exp = np.exp(logits)
        return np.asarray(exp / exp.sum(axis=1, keepdims=True), dtype=np.float64)


def save_model(model: Model, directory: Path = MODEL_DIR) -> None:
    directory.mkdir(parents=True, exist_ok=True)
    vocab = sorted(model.vocab, key=model.vocab.__getitem__)
    meta = {
        "format": 2,
        "labels": list(model.labels),
        "dense": list(DENSE_FEATURES),
        "trained": model.meta,
        "vocab": vocab,
    }
    (directory / "vocab.json").write_text(
        json.dumps(meta, ensure_ascii=False, separators=(",", ":")), encoding="utf-8"
    )
    np.savez_compressed(
        directory / "weights.npz",
        idf=model.idf.astype(np.float16),
        coef=model.coef.astype(np.float16),
        intercept=model.intercept.astype(np.float32),
    )


@cache
def load_model(directory: Path = MODEL_DIR) -> Model | None:
    """The shipped model, loaded once; None when it has not been trained yet (cue hints only)."""
    try:
        meta = json.loads((directory / "vocab.json").read_text(encoding="utf-8"))
        with np.load(directory / "weights.npz", allow_pickle=False) as arrays:
            idf = arrays["idf"].astype(np.float32)
            coef = arrays["coef"].astype(np.float32)
            intercept = arrays["intercept"].astype(np.float32)
    except FileNotFoundError:
        return None
    if tuple(meta["dense"]) != DENSE_FEATURES or tuple(meta["labels"]) != LABELS:
        raise RuntimeError(
            "The mail model was trained with other features; retrain it with "
            "uv run --group train python scripts/train_mail_model.py."
        )
    vocab = {word: i for i, word in enumerate(meta["vocab"])}
    return Model(tuple(meta["labels"]), vocab, idf, coef, intercept, meta.get("trained", {}))
