"""Train the mail label model from the synthetic corpus and write it into the package.

    uv run --group train python scripts/train_mail_model.py            # writes src/bounceback/lib/mail/model/
    uv run --group train python scripts/train_mail_model.py --dry-run  # report only

scikit-learn and SciPy are needed here only, so they live in the ``train``
dependency group, not in the app's dependencies: the app reads the written
model (plain JSON and arrays, see ``analysis_model``) with numpy alone.

Deterministic: fixed corpus seed, fixed vocabulary order, a deterministic
solver. Uses exactly the features the analyser computes at run time
(``analysis.features``), so training and inference cannot drift apart.
The hand-written held-out set (corpus/handwritten) is never read here.
"""

from __future__ import annotations

import argparse
import math
import sys
import time
from collections import Counter
from pathlib import Path

import numpy as np
from scipy.sparse import csr_matrix
from sklearn.linear_model import LogisticRegression

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "corpus"))
sys.path.insert(0, str(ROOT / "src"))

from generate import generate  # noqa: E402

from bounceback.lib.mail.analysis import features, prepare  # noqa: E402
from bounceback.lib.mail.analysis_model import DENSE_FEATURES, MODEL_DIR, Model, save_model  # noqa: E402
from bounceback.lib.mail.message import LABELS, MailMessage  # noqa: E402

MIN_DF = 3
MAX_VOCAB = 12000


def build(records: list[dict[str, object]]) -> tuple[list[list[str]], list[list[float]], list[int]]:
    toks, dense, ys = [], [], []
    for rec in records:
        msg = MailMessage(
            None,
            None,
            str(rec["from_name"]),
            str(rec["from_addr"]),
            str(rec["subject"]),
            str(rec["text"]),
        )
        t, d, _, _ = features(prepare(msg))
        toks.append(t)
        dense.append(d)
        ys.append(LABELS.index(rec["label"]))  # type: ignore[arg-type]
    return toks, dense, ys


def matrix(model: Model, toks: list[list[str]], dense: list[list[float]]) -> csr_matrix:
    n = len(model.vocab)
    data: list[float] = []
    indices: list[int] = []
    indptr = [0]
    for t, d in zip(toks, dense, strict=True):
        idx, vals = model.text_vector(t)
        indices += idx + list(range(n, n + len(d)))
        data += vals + d
        indptr.append(len(indices))
    return csr_matrix((data, indices, indptr), shape=(len(toks), n + len(DENSE_FEATURES)))


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--n", type=int, default=8000, help="synthetic messages to generate")
    parser.add_argument("--c", type=float, default=4.0, help="inverse regularisation strength")
    parser.add_argument("--dry-run", action="store_true")
    args = parser.parse_args()
    started = time.perf_counter()
    records = generate(args.n, seed=7)
    dev_records = generate(1500, seed=99)  # a different draw, for a sanity figure only
    toks, dense, ys = build(records)
    df: Counter[str] = Counter()
    for t in toks:
        df.update(set(t))
    kept = sorted((w for w, c in df.items() if c >= MIN_DF), key=lambda w: (-df[w], w))[:MAX_VOCAB]
    kept.sort()
    vocab = {w: i for i, w in enumerate(kept)}
    n_docs = len(toks)
    idf = np.array([math.log((1 + n_docs) / (1 + df[w])) + 1.0 for w in kept], dtype=np.float32)
    empty = np.zeros((len(vocab) + len(DENSE_FEATURES), len(LABELS)), dtype=np.float32)
    shell = Model(LABELS, vocab, idf, empty, np.zeros(len(LABELS), dtype=np.float32))
    x = matrix(shell, toks, dense)
    clf = LogisticRegression(C=args.c, max_iter=2000, solver="lbfgs", random_state=0)
    clf.fit(x, ys)
    coef = np.zeros_like(empty)
    coef[:, clf.classes_] = clf.coef_.T.astype(np.float32)
    intercept = np.full(len(LABELS), -10.0, dtype=np.float32)
    intercept[clf.classes_] = clf.intercept_.astype(np.float32)
    model = Model(LABELS, vocab, idf, coef, intercept)
    dev_toks, dev_dense, dev_ys = build(dev_records)
    predicted = clf.predict(matrix(shell, dev_toks, dev_dense))
    accuracy = float(np.mean(predicted == np.array(dev_ys)))
    print(
        f"trained on {n_docs} synthetic messages, vocabulary {len(vocab)}, synthetic dev accuracy {accuracy:.3f}"
    )
    for name, weight in zip(DENSE_FEATURES, coef[len(vocab) :], strict=True):
        print(f"  {name:24s} " + " ".join(f"{w:+.2f}" for w in weight))
    if not args.dry_run:
        save_model(model, MODEL_DIR)
        size = sum(p.stat().st_size for p in MODEL_DIR.iterdir())
        print(f"wrote {MODEL_DIR} ({size / 1024:.0f} KiB)")
    print(f"took {time.perf_counter() - started:.1f}s")


if __name__ == "__main__":
    main()
