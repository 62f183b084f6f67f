"""Per-text cost of suggesting themes: loading the model, reading a text, tagging it.

    uv run python bench/bench_themes.py
    uv run python bench/bench_themes.py --json

Speed is measured here, never asserted in a test. Aim: tagging one reflection answer in
a millisecond or two, so saving an answer never waits on the tagger. The texts are the
team's written training texts (corpus/themes-*.jsonl), read several times over.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from pathlib import Path

from timing import per_text, spread

from bounceback.lib.themes import builtin_tagger
from bounceback.lib.themes.features import extract
from bounceback.lib.themes.model import load_model

CORPUS = Path(__file__).resolve().parents[1] / "corpus"


def texts() -> list[str]:
    out: list[str] = []
    for path in sorted(CORPUS.glob("themes-*.jsonl")):
        with path.open(encoding="utf-8") as handle:
            out += [json.loads(line)["text"] for line in handle if line.strip()]
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.add_argument("--rounds", type=int, default=3, help="times over the texts")
    args = parser.parse_args()
    corpus = texts()

    start = time.perf_counter()
    load_model()
    load_ms = (time.perf_counter() - start) * 1000

    tagger = builtin_tagger()
    tagger.tag("warm up: the model and the phrase lists load once")
    timings = per_text(
        {"extract": extract, "tag": tagger.tag}, corpus, rounds=args.rounds, clock=time.perf_counter
    )
    words = statistics.mean(len(t.split()) for t in corpus)
    summary = {name: spread(ms) for name, ms in timings.items()}
    if args.json:
        figures = {"texts": len(corpus), "mean_words": round(words, 1)}
        figures |= {"model_load_ms": round(load_ms, 1)} | {f"{k}_ms": v for k, v in summary.items()}
        print(json.dumps(figures, indent=2))
        return
    print(f"{len(corpus)} texts, {words:.1f} words on average")
    print(f"model load: {load_ms:.1f} ms (once per process)")
    for name, f in summary.items():
        print(f"{name:<8} mean {f['mean']:.3f} ms   p95 {f['p95']:.3f} ms   max {f['max']:.3f} ms")


if __name__ == "__main__":
    main()
