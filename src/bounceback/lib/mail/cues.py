"""Phrase cues: the named groups of phrases in ``data/cues.toml``, found in a message.

A cue is a feature ("the mail says it received the application"), never a verdict: the
model weighs them (``features``), and the few cues that on their own settle what kind of
mail it is are marked ``strong`` (``policy`` uses them so that job mail is never dropped
on the model's word alone).

What a mail says might happen is not what happened. Before the cues are looked for,
hypothetical sentences ("If you have not heard from us within three weeks, please
assume your application has been unsuccessful") are set aside: only ``reads = "all"``
cues see them, and ``conditional_outcome`` is on when one of them speaks of the outcome.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final, Literal

from bounceback.lib.mail.message import LABELS, Label
from bounceback.lib.mail.patterns import GatedPatterns, load_data, split_top

HEAD_CHARS = 4000  # what a person reads before deciding; long newsletters stay cheap


@dataclass(frozen=True, slots=True)
class Cue:
    name: str
    hint: Label
    strong: bool
    reads: Literal["stated", "all"]
    about: str


def _load() -> tuple[tuple[Cue, ...], list[int], list[re.Pattern[str]]]:
    cues: list[Cue] = []
    owner: list[int] = []  # pattern index -> cue index
    patterns: list[re.Pattern[str]] = []
    for entry in load_data("cues")["cue"]:
        if entry["hint"] not in LABELS:
            raise ValueError(f"cue {entry['name']}: unknown label {entry['hint']!r}")
        cues.append(
            Cue(
                entry["name"],
                entry["hint"],
                bool(entry.get("strong", False)),
                entry.get("reads", "stated"),
                entry.get("about", ""),
            )
        )
        for pattern in entry["patterns"]:
            # Each alternative on its own: the gate then runs only the alternatives whose
            # first word occurs, several times faster than whole alternations.
            for branch in split_top(pattern):
                owner.append(len(cues) - 1)
                patterns.append(re.compile(branch))
    return tuple(cues), owner, patterns


CUES, _OWNER, _PATTERNS = _load()
CUE_NAMES: Final = tuple(cue.name for cue in CUES)
BY_NAME: Final = {cue.name: cue for cue in CUES}
_GATE = GatedPatterns(_PATTERNS)
_READS_ALL_PATTERNS = {i for i, owner in enumerate(_OWNER) if CUES[owner].reads == "all"}
_READS_STATED = set(range(len(_OWNER))) - _READS_ALL_PATTERNS

_HYPOTHETICAL = load_data("cues")["hypothetical"]
_STARTS = re.compile(r"(?:" + "|".join(_HYPOTHETICAL["sentence_starts"]) + r")")
_MARKER = re.compile("|".join(_HYPOTHETICAL["clause_markers"]))
_OUTCOME = re.compile("|".join(_HYPOTHETICAL["outcome_words"]))
# Sentence ends: a full stop, question or exclamation mark before a space, or a line break.
_SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?]+(?=\s|$)|\n|$)")
_LEAD = re.compile(r"^[\s>*•·\-–—\"'(]*")


def split_hypothetical(text: str) -> tuple[str, str]:
    """The text as stated, and what it only says might happen ("if ...", "should you ...")."""
    stated: list[str] = []
    hypothetical: list[str] = []
    for match in _SENTENCE.finditer(text):
        sentence = match.group(0)
        lead = _LEAD.match(sentence)
        start = lead.end() if lead else 0
        if _STARTS.match(sentence, start):
            hypothetical.append(sentence)
            continue
        marker = _MARKER.search(sentence, start)
        if marker:
            stated.append(sentence[: marker.start()] + "\n")
            hypothetical.append(sentence[marker.start() :])
        else:
            stated.append(sentence)
    return "".join(stated), "\n".join(hypothetical)


@dataclass(frozen=True, slots=True)
class CueHits:
    """The cues found in one message: each cue's name and the phrase that showed it."""

    found: dict[str, str]

    def __contains__(self, name: object) -> bool:
        return name in self.found

    def strongest_job_hint(self) -> Label | None:
        """The label of the first strong job cue found, in the order of the cue file."""
        for cue in CUES:
            if cue.strong and cue.hint != "not_job" and cue.name in self.found:
                return cue.hint
        return None

    def evidence(self, label: str, limit: int = 4) -> list[str]:
        """The phrases of cues that point to ``label``, for "why?" in the app."""
        return [phrase for name, phrase in self.found.items() if BY_NAME[name].hint == label][
            :limit
        ]


def find_cues(subject: str, body: str) -> CueHits:
    """The cues in a message's subject and first part of its body."""
    text = (subject + "\n" + body[:HEAD_CHARS]).lower()
    stated, hypothetical = split_hypothetical(text)
    found: dict[str, str] = {}
    # Cues that read what the mail states, then the few that read all of it.
    for where, wanted in ((stated, _READS_STATED), (text, _READS_ALL_PATTERNS)):
        for index, match in sorted(_GATE.first_matches(where, wanted).items()):
            name = CUES[_OWNER[index]].name
            found.setdefault(name, match.group(0).strip())
    if hypothetical and "conditional_outcome" not in found:
        outcome = _OUTCOME.search(hypothetical)
        if outcome:
            found["conditional_outcome"] = hypothetical.strip().split("\n")[0][:120]
    # report in the order of the cue file, so evidence reads the same every time
    return CueHits({name: found[name] for name in CUE_NAMES if name in found})
