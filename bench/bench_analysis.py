"""Per-message cost of recognising mail: the header prefilter and the full analysis.

    uv run python bench/bench_analysis.py
    uv run python bench/bench_analysis.py --json

Speed is measured here, never asserted in a test: a shared CI machine's timing says
little about the code. Aims: the prefilter in a few microseconds, a full analysis of a
job e-mail well under a millisecond.
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Callable

from bounceback.lib.mail.analysis import analyse, is_clearly_unrelated
from bounceback.lib.mail.message import MailMessage

REJECTION = MailMessage(
    message_id=None,
    date=None,
    subject="Your application to Acme Robotics",
    from_name="Acme Robotics Recruiting",
    from_addr="no-reply@greenhouse.io",
    text=(
        "Hi Sam,\n\nThank you for your interest in Acme Robotics and for taking the time to "
        "interview for the Senior Data Analyst position.\n\nUnfortunately, after careful "
        "consideration we have decided to move forward with other candidates.\n\nBest regards,"
        "\nThe Acme Robotics Talent Team\n\nPowered by Greenhouse"
    ),
)
HEADERS = [
    ("orders@amazon.com", "Amazon", "Your order has shipped", {}),
    ("no-reply@greenhouse.io", "Acme", "Your application", {}),
]


def per_call(work: Callable[[], object], calls: int) -> float:
    """Best of five runs, in microseconds per call."""
    best = float("inf")
    for _ in range(5):
        started = time.perf_counter()
        for _ in range(calls):
            work()
        best = min(best, (time.perf_counter() - started) / calls)
    return best * 1e6


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    analyse(REJECTION)  # load the model once, as the importer does
    results = {
        "prefilter_us": round(
            per_call(lambda: [is_clearly_unrelated(*h) for h in HEADERS], 5000) / len(HEADERS), 2
        ),
        "analyse_us": round(per_call(lambda: analyse(REJECTION), 300), 1),
    }
    if args.json:
        print(json.dumps(results))
        return
    print(f"header prefilter   {results['prefilter_us']:8.2f} µs a message")
    print(f"full analysis      {results['analyse_us']:8.1f} µs a job e-mail")


if __name__ == "__main__":
    main()
