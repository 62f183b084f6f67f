"""Per-note cost of the distress matcher: loading it, then reading one note.

    uv run python bench/bench_distress.py
    uv run python bench/bench_distress.py --json

Speed is measured here (CPU time of this process), never asserted in a test. Aim: well under a millisecond per short
note, so saving a check-in never waits on the matcher. The notes are the team's training
lines (corpus/crisis-train-extra.jsonl and tests/data/distress_cases.jsonl) and the longer
reflection answers (corpus/blind/themes-train.jsonl), read several times over. The blind
evaluation set is never read here.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from pathlib import Path

from timing import per_text, spread

from bounceback.lib.distress import detect, model, phrases

ROOT = Path(__file__).resolve().parents[1]
SETS = {
    "short notes": [
        ROOT / "corpus" / "crisis-train-extra.jsonl",
        ROOT / "tests" / "data" / "distress_cases.jsonl",
    ],
    "reflections": [ROOT / "corpus" / "blind" / "themes-train.jsonl"],
}


def texts(paths: list[Path]) -> list[str]:
    out: list[str] = []
    for path in paths:
        with path.open(encoding="utf-8") as handle:
            out += [json.loads(line)["text"] for line in handle if line.strip()]
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.add_argument("--rounds", type=int, default=3, help="times over the notes")
    args = parser.parse_args()

    start = time.perf_counter()
    phrases.phrases()
    model.model()
    load_ms = (time.perf_counter() - start) * 1000

    figures: dict[str, object] = {"load_ms": round(load_ms, 1)}
    for name, paths in SETS.items():
        notes = texts(paths)
        timings = spread(per_text({"detect": detect}, notes, rounds=args.rounds)["detect"])
        figures[name] = {
            "notes": len(notes),
            "words_mean": round(statistics.mean(len(n.split()) for n in notes), 1),
            **{f"{key}_ms": value for key, value in timings.items()},
        }
    if args.json:
        print(json.dumps(figures, indent=2))
        return
    print(f"loading the phrases and the model: {figures['load_ms']} ms (once per process)")
    for name in SETS:
        f = figures[name]
        assert isinstance(f, dict)
        print(
            f"{name:<12} {f['notes']} notes, {f['words_mean']} words on average: "
            f"mean {f['mean_ms']} ms, median {f['median_ms']} ms, 95th {f['p95_ms']} ms, "
            f"max {f['max_ms']} ms per note"
        )


if __name__ == "__main__":
    main()
