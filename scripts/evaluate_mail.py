"""Evaluate the mail recogniser on every labelled set side by side (see
``bounceback.lib.mail.evaluation`` for what each figure means).

    uv run python scripts/evaluate_mail.py                      # the table
    uv run python scripts/evaluate_mail.py --json               # machine-readable
    uv run python scripts/evaluate_mail.py --set handwritten -v # one set and its mistakes

The frozen split and blind batches are only ever summed up: ``-v`` lists mistakes for
the sets the team may read (handwritten, variety, mail-train, and the blind batches
measured once and trained on since, shown as "read: training"), never for those.
"""

from __future__ import annotations

import argparse
import json
import sys

from bounceback.lib.mail.corpora import find_set, labelled_sets
from bounceback.lib.mail.evaluation import evaluate, table


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    parser.add_argument(
        "-v", "--verbose", action="store_true", help="list mistakes (readable sets only)"
    )
    parser.add_argument("--set", action="append", help="only this set (repeatable)")
    parser.add_argument(
        "--no-overrides", action="store_true", help="skip measuring each override's effect"
    )
    args = parser.parse_args()
    try:
        sets = [find_set(name) for name in args.set] if args.set else labelled_sets()
    except ValueError as error:
        sys.exit(str(error))
    result = evaluate(
        sets,
        verbose=args.verbose,
        overrides=not args.no_overrides,
        progress=lambda what: print(f"… {what}", file=sys.stderr),
    )
    if args.json:
        data = {
            "sets": [r.as_dict() for r in result.reports],
            "overrides": result.overrides,
        }
        print(json.dumps(data, indent=2, ensure_ascii=False))
        return
    print(table(result))
    for report in result.reports:
        for mistake in report.mistakes:
            print(report.name, mistake)


if __name__ == "__main__":
    main()
