"""Evaluate the dates read from job e-mail (lib/mail/dates.py) on a labelled blind set.

    uv run python scripts/evaluate_mail_dates.py                 # mail-train (may be read)
    uv run python scripts/evaluate_mail_dates.py -v              # ... and list every mistake
    uv run python scripts/evaluate_mail_dates.py --frozen        # mail-frozen: figures only
    uv run python scripts/evaluate_mail_dates.py --json

Each message's ``events`` in labels.jsonl (see corpus/guides/mail.md) are the truth. An
event read is right when its kind and its moment agree: the same day, the same time when
the label gives one, the same offset when the label gives one ("exact"). "Right day" also
accepts the right kind on the right day whatever the time. Two runs: with the analyser's
own label for each message (how the app reads a mailbox: an offer's dates are only looked
for in what it takes for an offer) and with the true label (the dates reader alone).

The frozen split is never shown: no message, no file name, only the figures.

Measured once on mail-frozen at e89b079 (2026-12-07), after developing on mail-train only:
exact, true labels: precision 0.889, recall 0.780 (36 read, 41 labelled); right day:
0.944 / 0.829. With the analyser's labels (as the app runs): exact 0.871 / 0.659, right day
0.935 / 0.707. By kind (true labels, exact): interview 9/13 (3 wrong), assessment_due
11/12 (1 wrong), reply_by 5/8, start 7/8. mail-train, developed against: 1.000 / 1.000
with true labels, 0.952 / 0.690 with the analyser's.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from bounceback.lib.mail.analysis import analyse, analyse_text  # noqa: E402
from bounceback.lib.mail.dates import KINDS, MailEvent, find_events  # noqa: E402
from bounceback.lib.mail.mime import parse  # noqa: E402

SETS = {
    "train": ROOT / "corpus" / "blind" / "mail-train",
    "frozen": ROOT / "corpus" / "blind" / "mail-frozen",
}


def load(folder: Path) -> list[tuple[dict[str, Any], str, datetime | None, str]]:
    """(labels row, text, Date:, the analyser's label) for every message."""
    rows = [
        json.loads(line)
        for line in (folder / "labels.jsonl").read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    out = []
    for row in rows:
        raw = (folder / row["file"]).read_bytes()
        if row["file"].endswith(".txt"):
            text = raw.decode("utf-8", errors="replace")
            out.append((row, text, None, analyse_text(text).label))
        else:
            message = parse(raw, prefilter=False).message
            out.append((row, message.text, message.date, analyse(message).label))
    return out


def _moment(when: str) -> tuple[date, str | None, Any]:
    """(day, "HH:MM" or None, utc offset or None) of an ISO date or date-time."""
    if "T" not in when:
        return date.fromisoformat(when), None, None
    moment = datetime.fromisoformat(when)
    return moment.date(), f"{moment:%H:%M}", moment.utcoffset()


def matches(gold: dict[str, str], got: MailEvent, *, exact: bool) -> bool:
    if gold["kind"] != got.kind:
        return False
    day, clock, offset = _moment(gold["when"])
    got_day, got_clock, got_offset = _moment(got.iso())
    if day != got_day:
        return False
    if not exact:
        return True
    return clock == got_clock and offset == got_offset


def score(data: list[tuple[dict[str, Any], list[MailEvent]]], *, exact: bool) -> dict[str, Any]:
    tp = fp = fn = 0
    by_kind = {k: {"tp": 0, "fp": 0, "fn": 0} for k in KINDS}
    for row, got in data:
        gold = list(row["events"])
        unmatched = list(gold)
        for event in got:
            hit = next((g for g in unmatched if matches(g, event, exact=exact)), None)
            if hit is not None:
                unmatched.remove(hit)
                tp += 1
                by_kind[event.kind]["tp"] += 1
            else:
                fp += 1
                by_kind[event.kind]["fp"] += 1
        fn += len(unmatched)
        for g in unmatched:
            by_kind[g["kind"]]["fn"] += 1
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "precision": round(precision, 3),
        "recall": round(recall, 3),
        "f1": round(f1, 3),
        "events": tp + fn,
        "found": tp + fp,
        "by_kind": by_kind,
    }


def evaluate(which: str, verbose: bool = False) -> dict[str, Any]:
    loaded = load(SETS[which])
    report: dict[str, Any] = {"set": which, "messages": len(loaded)}
    for labels in ("analyser", "true"):
        data = [
            (row, find_events(text, sent, predicted if labels == "analyser" else row["label"]))
            for row, text, sent, predicted in loaded
        ]
        report[f"{labels}_labels"] = {
            "exact": score(data, exact=True),
            "right_day": score(data, exact=False),
        }
        if verbose and labels == "true" and which != "frozen":
            for row, got in data:
                gold = sorted((g["kind"], g["when"]) for g in row["events"])
                read = sorted((e.kind, e.iso()) for e in got)
                if gold != read:
                    print(f"{row['file']} [{row['label']}]\n  label: {gold}\n  read:  {read}")
    return report


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--frozen", action="store_true", help="the frozen split (figures only)")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("-v", "--verbose", action="store_true", help="list mistakes (train only)")
    args = parser.parse_args()
    report = evaluate("frozen" if args.frozen else "train", verbose=args.verbose)
    if args.json:
        print(json.dumps(report, indent=2))
        return
    print(f"mail-{report['set']}: {report['messages']} messages")
    for labels in ("analyser", "true"):
        for how in ("exact", "right_day"):
            s = report[f"{labels}_labels"][how]
            print(
                f"  {labels + ' labels':<16} {how:<10} precision {s['precision']:.3f}  "
                f"recall {s['recall']:.3f}  F1 {s['f1']:.3f}  "
                f"({s['found']} read, {s['events']} labelled)"
            )
    kinds = report["true_labels"]["exact"]["by_kind"]
    print(
        "  by kind (true labels, exact): "
        + ", ".join(
            f"{k} {v['tp']}/{v['tp'] + v['fn']} ({v['fp']} wrong)" for k, v in kinds.items()
        )
    )


if __name__ == "__main__":
    main()
