"""The model half of the distress matcher: a small linear model over words and word pieces.

Trained offline by scripts/train_distress.py (numpy only) and shipped as model.json (the
classes, the threshold and the features, readable) with model.npy beside it: for each
feature (a word, a pair of words, or a four-letter piece of a word) one weight per class, the
classes being "calm" and the kinds of crisis language. At run time a sentence's features are
looked up and summed (scaled by the root of their number); nothing is learnt or stored on the
person's machine.

It reads a sentence after phrases.py has normalised it and blanked its idioms, so both halves
see the same text. Explainable by construction: the words that weighed most towards the kind
found are returned with it.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np
import numpy.typing as npt

WEIGHTS = Path(__file__).with_name("model.json")
CALM = "calm"

_WORD = re.compile(r"[a-z0-9']+|[~]")
# Cues, not verdicts: each adds one feature and the model learns how much it weighs.
# A negation in the three words before ("not suicidal", "never hurt myself", "don't want to
# live in london") marks the words it governs, so "n:suicidal" and "w:suicidal" learn apart.
_NEGATION = frozenset(
    [
        "not",
        "never",
        "no",
        "don't",
        "won't",
        "can't",
        "isn't",
        "wasn't",
        "didn't",
        "wouldn't",
        "couldn't",
        "doesn't",
        "nobody",
        "nothing",
    ]
)
# A wink after dark words ("lol", "joking", "not really") is gallows humour far more often.
_JOKE = re.compile(r"\b(?:lol|lmao|haha\w*|jk|joking|kidding|not really|obviously|dramatic)\b")
# Whose words these are: "my friend said", "the character".
_OTHERS = re.compile(
    r"^(?:my )?(?:friend|mate|sister|brother|mum|mom|dad|uncle|aunt|cousin|"
    r"colleague|the character|he|she|they)\b"
)
# Talk about the search itself: the same dark word reads differently beside it.
_JOB = re.compile(
    r"\b(?:interview\w*|application\w*|applying|cv|resume|recruiter\w*|role|job|"
    r"offer|rejection\w*|panel|portal|hiring|employer\w*|assessment|cover letter|"
    # Work that deals with crisis for others: training, wards, protocols (added in round 4).
    r"post|ward|training|course|safeguarding|certification\w*|protocol\w*|apprentice\w*|"
    r"internship|coordinator|worker|technician|clerk|shift)\b"
)


# Endings cut to find a word's stem, longest first: "killing", "kills", "killed" -> "kill".
_SUFFIXES = ("ingly", "edly", "ness", "ment", "ing", "ies", "ied", "ed", "es", "ly", "s")
# Words by concept, not phrases: crisis language says the same few things in endless wordings
# ("no point waking up", "won't be around much longer"), so the model also learns from which
# concepts a sentence holds, alone, with the writer's own "i"/"me", and two together. Matched
# by stem, so each list names a word once.
_CONCEPTS: dict[str, frozenset[str]] = {
    "self": frozenset(
        ["i", "i'm", "im", "me", "my", "myself", "i've", "ive", "i'd", "id", "i'll", "ill", "mine"]
    ),
    "death": frozenset(
        [
            "exist",
            "existing",
            "nonexistence",
            "born",
            "erase",
            "erased",
            "fade",
            "switch",
            "quiet",
            "permanently",
            "stop",
            "wake",
            "die",
            "dead",
            "death",
            "dying",
            "died",
            "kill",
            "suicide",
            "suicidal",
            "overdose",
            "od",
            "grave",
            "funeral",
            "buried",
            "kms",
            "unalive",
            "hang",
            "jump",
            "drown",
            "end",
            "alive",
            "live",
            "living",
            "life",
            "exist",
            "breathe",
            "wake",
            "sleep",
            "gone",
            "disappear",
            "vanish",
        ]
    ),
    "absence": frozenset(
        [
            "anymore",
            "forever",
            "away",
            "gone",
            "disappear",
            "vanish",
            "nothing",
            "nobody",
            "empty",
            "over",
            "stop",
            "no",
            "more",
            "without",
            "around",
            "longer",
            "here",
        ]
    ),
    "burden": frozenset(
        [
            "deserve",
            "space",
            "kindness",
            "fix",
            "holding",
            "carry",
            "worry",
            "pension",
            "removing",
            "solution",
            "burden",
            "better",
            "off",
            "without",
            "weight",
            "drag",
            "trouble",
            "relief",
            "relieved",
            "easier",
            "cost",
            "load",
            "problem",
        ]
    ),
    "hopeless": frozenset(
        [
            "bother",
            "bothered",
            "forward",
            "holding",
            "track",
            "meant",
            "nothing",
            "hope",
            "hopeless",
            "point",
            "pointless",
            "reason",
            "future",
            "trapped",
            "way",
            "out",
            "done",
            "enough",
            "tired",
            "exhausted",
            "can't",
            "cant",
            "keep",
            "going",
            "worth",
        ]
    ),
    "harm": frozenset(
        [
            "razor",
            "sting",
            "compass",
            "scrub",
            "habit",
            "relapse",
            "forearm",
            "dug",
            "dress",
            "cut",
            "blade",
            "razor",
            "burn",
            "bleed",
            "blood",
            "hurt",
            "harm",
            "scratch",
            "hit",
            "punch",
            "bruise",
            "scar",
            "wrist",
            "skin",
            "arm",
            "thigh",
        ]
    ),
    "means": frozenset(
        [
            "poison",
            "pesticide",
            "charcoal",
            "hook",
            "hose",
            "tape",
            "stash",
            "supply",
            "prescription",
            "script",
            "chemist",
            "pharmacy",
            "doses",
            "insulin",
            "bleach",
            "antifreeze",
            "safe",
            "tallest",
            "high",
            "height",
            "deep",
            "platform",
            "edge",
            "train",
            "sea",
            "boxes",
            "counted",
            "stock",
            "hidden",
            "pill",
            "tablet",
            "meds",
            "paracetamol",
            "rope",
            "bridge",
            "gun",
            "ladder",
            "stockpile",
            "saved",
            "hoard",
            "belt",
            "cord",
            "tracks",
            "roof",
            "cliff",
            "knife",
            "bottle",
            "dose",
            "enough",
            "much",
            "take",
        ]
    ),
    "plan": frozenset(
        [
            "payday",
            "calendar",
            "route",
            "spot",
            "timing",
            "weekend",
            "planned",
            "picked",
            "chose",
            "chosen",
            "mapped",
            "rehearsed",
            "deadline",
            "until",
            "once",
            "month",
            "worked",
            "booked",
            "hotel",
            "through",
            "decide",
            "sorted",
            "plan",
            "tonight",
            "tomorrow",
            "friday",
            "saturday",
            "sunday",
            "monday",
            "date",
            "when",
            "how",
            "method",
            "decided",
            "ready",
            "week",
            "soon",
            "time",
        ]
    ),
    "farewell": frozenset(
        [
            "timer",
            "explains",
            "after",
            "voice",
            "recorded",
            "journal",
            "owed",
            "goodbye",
            "bye",
            "farewell",
            "last",
            "final",
            "love",
            "sorry",
            "remember",
            "forgive",
            "miss",
            "thank",
            "note",
            "letter",
            "message",
        ]
    ),
    "affairs": frozenset(
        [
            "instructions",
            "charity",
            "cleared",
            "returned",
            "owed",
            "handed",
            "library",
            "funeral",
            "belongings",
            "will",
            "pet",
            "cat",
            "dog",
            "give",
            "gave",
            "password",
            "insurance",
            "policy",
            "letter",
            "sorted",
            "order",
            "belonging",
            "keep",
            "look",
            "after",
            "rehome",
        ]
    ),
    # Wishing it would happen without doing it ("kinda hoping the plane goes down").
    "wish": frozenset(
        ["wish", "hope", "hoping", "pray", "praying", "mind", "rather", "secretly", "easier"]
    ),
    # Keeping it from others: pretexts and hiding ("so they wouldn't ask", "not for the view").
    "secret": frozenset(
        [
            "secret",
            "secretly",
            "hide",
            "hidden",
            "hid",
            "stash",
            "code",
            "notice",
            "knows",
            "anyone",
            "empty",
            "alone",
            "case",
            "excuse",
            "pretend",
            "told",
            "ask",
        ]
    ),
    # No way back: "for good", "not coming back", "that's it", "that'll be that".
    "final": frozenset(
        [
            "permanently",
            "permanent",
            "forever",
            "final",
            "finish",
            "decided",
        ]
    ),
}


def stem(word: str) -> str:
    """A rough stem, enough to group a word's forms; never shorter than three letters."""
    word = word.removesuffix("'s")
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3 and not word.endswith("ss"):
            word = word[: -len(suffix)]
            doubled = len(word) > 3 and word[-1] == word[-2] and word[-1] not in "lsz"
            return word[:-1] if doubled else word
    return word


_CONCEPT_STEMS = {name: frozenset(stem(w) for w in ws) | ws for name, ws in _CONCEPTS.items()}
# The few concepts that only a run of common words carries: "for good", "not for the view".
_CONCEPT_RUNS = {
    "final": re.compile(
        r"\b(?:for good|not coming back|no going back|that's it|that'll be that|"
        r"through with it|(?:day|night|it) is it|is it\. |check out|the end)\b"
    ),
    "secret": re.compile(
        r"\b(?:not for (?:the|any)|so (?:they|nobody)|nobody (?:knows|gets)|just in case|"
        r"before anyone|without anyone|wouldn't ask)\b"
    ),
    "wish": re.compile(r"\b(?:wouldn't mind|i'd mind|give anything|would be easier)\b"),
}


def concepts(words: list[str], sentence: str = "") -> list[str]:
    """The concepts a sentence holds, alone, in the writer's own voice, and in pairs."""
    stems = {stem(w) for w in words} | set(words)
    held = {name for name, ws in _CONCEPT_STEMS.items() if stems & ws}
    held |= {name for name, run in _CONCEPT_RUNS.items() if run.search(sentence)}
    present = sorted(held)
    found = [f"k:{name}" for name in present]
    if "self" in present:
        found += [f"k:self+{name}" for name in present if name != "self"]
    found += [
        f"k:{a}+{b}"
        for i, a in enumerate(present)
        for b in present[i + 1 :]
        if "self" not in (a, b)
    ]
    return found


def features(sentence: str) -> list[str]:
    """Words, stems, pairs, pieces of words, concepts, and a few cues."""
    words = _WORD.findall(sentence)
    stems = [stem(w) for w in words]
    found = [f"w:{w}" for w in words]
    found += [f"l:{s}" for s in stems]
    found += [f"m:{a} {b}" for a, b in zip(stems, stems[1:], strict=False)]
    found += concepts(words, sentence)
    found += [f"b:{a} {b}" for a, b in zip(words, words[1:], strict=False)]
    # "want to die", "want to just die": pairs one word apart generalise over the filler.
    found += [f"s:{a} {b}" for a, b in zip(words, words[2:], strict=False)]
    negated = 0
    for word in words:
        padded = f"<{word}>"
        if len(padded) > 4:
            found += [f"c:{padded[i : i + 4]}" for i in range(len(padded) - 3)]
        if negated:
            found.append(f"n:{word}")
            negated -= 1
        if word in _NEGATION:
            negated = 3
    if _JOKE.search(sentence):
        found.append("q:joke")
    if _OTHERS.search(sentence):
        found.append("q:others")
    if _JOB.search(sentence):
        found.append("q:job")
        # "this interview is killing me": the same dark concept beside job talk.
        found += [f"j:{f[2:]}" for f in found if f.startswith("k:") and "+" not in f]
    if "~" in words:
        found.append("q:idiom")
    return found


@dataclass(frozen=True)
class Model:
    classes: list[str]
    names: list[str]  # the features, in the order of the weights' rows
    index: dict[str, int]  # each feature's row
    weights: npt.NDArray[np.float64]  # features x classes
    bias: npt.NDArray[np.float64]
    threshold: float  # the least probability of crisis that shows the help panel

    def scores(self, sentence: str) -> tuple[npt.NDArray[np.float64], list[int]]:
        rows = sorted({self.index[f] for f in features(sentence) if f in self.index})
        # Scaled by the root of their number, so a long sentence weighs no more than a short one.
        logits = self.bias + (
            self.weights[rows].sum(axis=0) / math.sqrt(len(rows)) if rows else 0.0
        )
        shifted = np.exp(logits - logits.max())
        return shifted / shifted.sum(), rows

    def crisis_probability(self, sentence: str) -> float:
        probabilities, _ = self.scores(sentence)
        return 1.0 - float(probabilities[self.classes.index(CALM)])

    def judge(self, sentence: str) -> tuple[str, str] | None:
        """(kind, the words that weighed most) when the sentence reads as crisis, else None."""
        probabilities, rows = self.scores(sentence)
        calm = self.classes.index(CALM)
        if 1.0 - float(probabilities[calm]) < self.threshold:
            return None
        ranked = [i for i in np.argsort(-probabilities) if i != calm]
        kind = int(ranked[0])
        # Whole words and pairs of words read better than pieces of words, so they come first.
        towards = [r for r in rows if self.weights[r, kind] > 0]
        top = sorted(towards, key=lambda r: (self.names[r][0] == "c", -self.weights[r, kind]))
        return self.classes[kind], ", ".join(self.names[r][2:] for r in top[:3])


def load(path: Path = WEIGHTS) -> Model:
    """model.json (classes, threshold, features) and, beside it, model.npy (their weights)."""
    data = json.loads(path.read_text(encoding="utf-8"))
    names = list(data["features"])
    weights = np.load(path.with_suffix(".npy")).astype(np.float64)
    if weights.shape != (len(names), len(data["classes"])):
        raise ValueError(f"{path.name} and its weights disagree: retrain the model")
    return Model(
        classes=list(data["classes"]),
        names=names,
        index={name: i for i, name in enumerate(names)},
        weights=weights,
        bias=np.array(data["bias"], dtype=np.float64),
        threshold=float(data["threshold"]),
    )


@cache
def model() -> Model | None:
    """The shipped model, or None before one has been trained (the phrases still work)."""
    return load() if WEIGHTS.exists() else None
