"""Measure learning from the person: the first n mails of each sender answered in Mail
review, the rest read with and without what bounceback learned from them
(``bounceback.lib.mail.learning_evaluation`` says exactly what is counted).

    uv run python scripts/evaluate_learning.py                         # personal-dev and mail-train
    uv run python scripts/evaluate_learning.py --set corpus/blind/mail-senders --n 0,5,10,20
    uv run python scripts/evaluate_learning.py --json

Series come from a ``series`` column of labels.jsonl when there is one, else from the
sender (an employer's domain). Only figures are printed, never a message.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from bounceback.lib.mail.corpora import CORPUS
from bounceback.lib.mail.learning_evaluation import (
    evaluate,
    folder_set,
    has_series_column,
    series_of,
    table,
)

DEFAULT_SETS = (
    (CORPUS / "personal-dev", "0,5,10,20"),
    (CORPUS / "blind" / "mail-train", "0,1,2"),  # its senders write 2-4 mails each
)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--set", type=Path, action="append", help="a labelled folder")
    parser.add_argument("--n", help="how many first mails are answered, e.g. 0,5,10,20")
    parser.add_argument("--json", action="store_true", help="print JSON")
    args = parser.parse_args()
    chosen = [(p, args.n or "0,5,10,20") for p in args.set] if args.set else DEFAULT_SETS
    out = []
    for folder, ns in chosen:
        try:
            labelled = folder_set(folder)
            counts = [int(x) for x in ns.split(",")]
        except ValueError as error:
            sys.exit(f"{error} Give --n as whole numbers separated by commas.")
        key = "series" if has_series_column(labelled) else None
        series = series_of(labelled, key)
        rows = evaluate(series, counts)
        if args.json:
            out.append(
                {"set": labelled.name, "series": len(series), "rows": [r.as_dict() for r in rows]}
            )
        else:
            by = "its series column" if key else "sender"
            print(
                table(
                    rows,
                    f"{labelled.name}: {len(series)} series (by {by}); without → with learning",
                )
            )
            print()
    if args.json:
        print(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
