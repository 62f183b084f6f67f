"""Does learning from the person work? "Corrections on the first mails of a sender fix
the rest", measured.

For each sender series (one sender's mail to one person, in the order it arrived), a
simulated person answers the first ``n`` mails in Mail review: each becomes an example
with the right label, *corrected* when bounceback (having learnt from the ones before)
read it otherwise, *confirmed* when it read it right. The rest of the series is then
read twice, with and without the person's examples, and scored the way
``evaluation`` scores a set:

* **accuracy**: the label read is the right one;
* **wrong without asking**: filed by the importer on its own (a label it files,
  confidence at or above ``policy.AUTO_FILE_AT``, no reason to ask) but wrong;
* **sent to review**: of the messages read with a label the importer files, the share
  it would ask about;
* **fixed / broken**: messages learning turned right / turned wrong (accuracy alone
  hides a change that fixes two and breaks one).

The simulated person answers every one of the first ``n`` mails (a real person answers
only those bounceback asked about, and only some of those), so the figure is what
learning can do at best with ``n`` answers, not what a typical person gets from ``n``
mails arriving.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bounceback.lib.mail import analysis, personal
from bounceback.lib.mail.corpora import Example, LabelledSet, load
from bounceback.lib.mail.message import Analysis, MailMessage
from bounceback.lib.mail.policy import AUTO_FILE_AT, FILED
from bounceback.lib.mail.triage import UNRELATED


@dataclass(frozen=True, slots=True)
class Mail:
    """One message of a series: the example and the message as the app reads it."""

    example: Example
    message: MailMessage

    @property
    def label(self) -> str:
        return self.example.label


def as_message(example: Example) -> MailMessage:
    if example.pasted is not None:
        return analysis.pasted_message(example.pasted)
    assert example.message is not None
    return example.message


def series_of(labelled: LabelledSet, key: str | None = None) -> dict[str, list[Mail]]:
    """The set's messages grouped into sender series, in file order.

    ``key``: a column of labels.jsonl naming the series (``series``); without one, the
    sender as the personal layer groups it (an employer's domain).
    """
    grouped: dict[str, list[Mail]] = defaultdict(list)
    for example in load(labelled):
        message = as_message(example)
        name = (
            str(example.row.get(key) or "")
            if key
            else personal.sender_of(message.from_addr, message.from_name)
        )
        if name:
            grouped[name].append(Mail(example, message))
    return dict(grouped)


def _read(mail: Mail, model: personal.PersonalModel | None) -> Analysis:
    """What the importer would read, as ``evaluation.predict`` reads a labelled set."""
    if mail.example.unrelated:
        return UNRELATED
    if mail.example.pasted is not None:
        return analysis.analyse_text(mail.example.pasted, personal=model)
    return analysis.analyse_many([mail.message], personal=model)[0]


def example_of(mail: Mail, proposed: str, ident: int) -> personal.Example:
    """The example the person's answer to ``mail`` leaves: what Mail review stores."""
    sender, hashes = personal.learn_from(mail.message)
    model = personal.examples_from([(ident, sender, mail.label, proposed, hashes)])
    return model.examples[0]


def taught(mails: Sequence[Mail]) -> tuple[personal.PersonalModel, int]:
    """The person answers each mail in turn; the model after, and how many they corrected."""
    examples: list[personal.Example] = []
    corrected = 0
    for i, mail in enumerate(mails):
        proposed = _read(mail, personal.PersonalModel(examples)).label
        corrected += proposed != mail.label
        examples.append(example_of(mail, proposed, i + 1))
    return personal.PersonalModel(examples), corrected


@dataclass
class Score:
    messages: int = 0
    right: int = 0
    filed: int = 0
    wrong_filed: int = 0
    read_as_job: int = 0
    to_review: int = 0

    def add(self, truth: str, got: Analysis) -> None:
        self.messages += 1
        self.right += truth == got.label
        if got.label in FILED:
            self.read_as_job += 1
            if got.confidence >= AUTO_FILE_AT and got.review_reason is None:
                self.filed += 1
                self.wrong_filed += truth != got.label
            else:
                self.to_review += 1

    def as_dict(self) -> dict[str, Any]:
        return {
            "messages": self.messages,
            "accuracy": round(self.right / self.messages, 4) if self.messages else None,
            "filed_without_asking": self.filed,
            "wrong_without_asking": self.wrong_filed,
            "read_as_job": self.read_as_job,
            "sent_to_review": self.to_review,
            "review_share": round(self.to_review / self.read_as_job, 4)
            if self.read_as_job
            else None,
        }


@dataclass
class Row:
    n: int
    series: int  # series long enough to leave mail to score
    corrected: int  # of the n x series answers, how many were corrections
    without: Score
    with_learning: Score
    fixed: int = 0  # wrong without learning, right with it
    broken: int = 0  # right without learning, wrong with it

    def as_dict(self) -> dict[str, Any]:
        return {
            "n": self.n,
            "series": self.series,
            "corrections": self.corrected,
            "fixed": self.fixed,
            "broken": self.broken,
            "without_learning": self.without.as_dict(),
            "with_learning": self.with_learning.as_dict(),
        }


def evaluate(series: dict[str, list[Mail]], ns: Sequence[int]) -> list[Row]:
    """One row per ``n``: the rest of every series longer than ``n``, read both ways."""
    plain = {name: [_read(m, None) for m in mails] for name, mails in series.items()}
    rows = []
    for n in ns:
        row = Row(n, 0, 0, Score(), Score())
        for name, mails in series.items():
            if len(mails) <= n:
                continue
            row.series += 1
            model, corrected = taught(mails[:n])
            row.corrected += corrected
            for mail, before in zip(mails[n:], plain[name][n:], strict=True):
                after = _read(mail, model if n else None)
                row.without.add(mail.label, before)
                row.with_learning.add(mail.label, after)
                row.fixed += before.label != mail.label == after.label
                row.broken += before.label == mail.label != after.label
        rows.append(row)
    return rows


def table(rows: Sequence[Row], title: str) -> str:
    lines = [
        title,
        f"{'first n answered':>17} {'series':>6} {'corr.':>5}  {'accuracy':>15}  "
        f"{'wrong w/o asking':>17}  {'sent to review':>19}  {'fixed/broken':>12}",
    ]
    for r in rows:
        a, b = r.without.as_dict(), r.with_learning.as_dict()
        lines.append(
            f"{r.n:>17} {r.series:>6} {r.corrected:>5}  "
            f"{a['accuracy'] or 0:>6.3f} → {b['accuracy'] or 0:<6.3f}  "
            f"{a['wrong_without_asking']:>3}/{a['filed_without_asking']:<3}→"
            f"{b['wrong_without_asking']:>3}/{b['filed_without_asking']:<3}   "
            f"{a['sent_to_review']:>3}/{a['read_as_job']:<3}→"
            f"{b['sent_to_review']:>3}/{b['read_as_job']:<3}  {r.fixed:>5}/{r.broken:<6} "
            f"(of {a['messages']})"
        )
    return "\n".join(lines)


def folder_set(folder: Path, name: str | None = None) -> LabelledSet:
    """A folder of labelled mail (one message a file, labels.jsonl) as a set to read."""
    if not (folder / "labels.jsonl").is_file():
        raise ValueError(f"{folder} has no labels.jsonl.")
    return LabelledSet(name or folder.name, folder, "train")


def has_series_column(labelled: LabelledSet) -> bool:
    first = (labelled.folder / "labels.jsonl").read_text(encoding="utf-8").split("\n", 1)[0]
    return bool(first.strip()) and "series" in json.loads(first)
