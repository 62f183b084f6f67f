"""The labelled mail sets in ``corpus/``, read the way the importer reads a mailbox.

Each set is a folder with one message a file (``.eml`` as received, ``.txt`` as pasted)
and a ``labels.jsonl`` with one row a file (see ``corpus/guides/mail.md``). The sets
differ in what they may be used for, and that decides what the evaluation may print:

* ``tuned``: written by the team and tuned on for months (``corpus/handwritten``);
* ``train``: written blind, trained and tuned on freely (``corpus/blind/mail-train``,
  and the team's own variety set ``corpus/variety``);
* ``frozen``: the frozen split (``corpus/blind/mail-frozen``): never tuned on, never
  printed message by message;
* ``blind``: a fresh batch (``corpus/blind/mail-blind-N``), measured once like the
  frozen split, then it joins the training data;
* ``read``: a blind batch that has been measured once and is training data since
  (``READ_BATCHES``): trained and tuned on like ``train``, printed as "read: training".
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final, Literal

from bounceback.lib.mail.message import MailMessage
from bounceback.lib.mail.mime import parse

CORPUS = Path(__file__).resolve().parents[4] / "corpus"
Use = Literal["tuned", "train", "read", "frozen", "blind"]
_BLIND_BATCH = re.compile(r"^mail-blind-(\d+)$")
# Blind batches measured once (their honest figure is in corpus/blind/README.md) and
# trained on since. A batch joins this list only after the lead has measured it.
READ_BATCHES: Final = frozenset({"mail-blind-9", "mail-blind-10", "mail-blind-11"})
# The sets the training script learns from and the threshold is chosen on.
TRAINING_USES: Final = frozenset({"tuned", "train", "read"})


@dataclass(frozen=True, slots=True)
class LabelledSet:
    name: str
    folder: Path
    use: Use

    @property
    def shown_as(self) -> str:
        """How the evaluation names its use: a read blind batch is training data now."""
        return "read: training" if self.use == "read" else self.use

    @property
    def private(self) -> bool:
        """Only figures may be printed: no file names, no texts, no single mistakes."""
        return self.use in ("frozen", "blind")


@dataclass(frozen=True, slots=True)
class Example:
    """One labelled message: the row of labels.jsonl and the message as the app reads it."""

    row: dict[str, Any]
    message: MailMessage | None  # an .eml, read by the app's own reader
    pasted: str | None  # a .txt, analysed as pasted text
    unrelated: bool  # the header prefilter skipped it without reading the body

    @property
    def label(self) -> str:
        return str(self.row["label"])


def labelled_sets(root: Path = CORPUS) -> list[LabelledSet]:
    """Every labelled set present, in the order the evaluation prints them."""
    found = [
        LabelledSet("handwritten", root / "handwritten", "tuned"),
        LabelledSet("variety", root / "variety", "train"),
        LabelledSet("mail-train", root / "blind" / "mail-train", "train"),
        LabelledSet("mail-frozen", root / "blind" / "mail-frozen", "frozen"),
    ]
    blind_root = root / "blind"
    batches = sorted(
        (int(m.group(1)), path)
        for path in (blind_root.iterdir() if blind_root.is_dir() else [])
        if (m := _BLIND_BATCH.match(path.name)) and path.is_dir()
    )
    found += [
        LabelledSet(path.name, path, "read" if path.name in READ_BATCHES else "blind")
        for _, path in batches
    ]
    return [s for s in found if (s.folder / "labels.jsonl").is_file()]


def find_set(name: str, root: Path = CORPUS) -> LabelledSet:
    for labelled in labelled_sets(root):
        if labelled.name == name:
            return labelled
    known = ", ".join(s.name for s in labelled_sets(root))
    raise ValueError(f"There is no labelled mail set called {name!r}. Known sets: {known}.")


def training_sets(root: Path = CORPUS) -> list[LabelledSet]:
    """The sets the model is trained on: never the frozen split or an unread blind batch."""
    return [s for s in labelled_sets(root) if s.use in TRAINING_USES]


def rows(labelled: LabelledSet) -> list[dict[str, Any]]:
    text = (labelled.folder / "labels.jsonl").read_text(encoding="utf-8")
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def load(labelled: LabelledSet) -> list[Example]:
    """The set's messages, each read as the importer (.eml) or the paste form (.txt) would."""
    examples = []
    for row in rows(labelled):
        path = labelled.folder / row["file"]
        if path.suffix == ".txt":
            examples.append(Example(row, None, path.read_text(encoding="utf-8"), False))
            continue
        parsed = parse(path.read_bytes(), prefilter=True, location=row["file"])
        examples.append(Example(row, parsed.message, None, parsed.unrelated))
    return examples
