"""The phrase half of the distress matcher: phrases.toml, normalised text, own-voice checks.

Everything a non-programmer may want to change (the phrases by kind, the spellings, the
idioms that keep job-search talk calm) lives in phrases.toml; this module only loads it and
applies it to one text.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

DATA = Path(__file__).with_name("phrases.toml")

# Curly quotes and dashes become plain ones so the patterns need only one spelling.
_TRANSLATE = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u2013": "-",
        "\u2014": "-",
        "`": "'",
    }
)
_QUOTED = re.compile(r'"[^"]*"')
_SELF = re.compile(r"\b(?:i|i'm|i've|i'd|i'll|me)\b")
# "better off without me", "kill myself": the phrase itself says whose words these are.
_SELF_IN_PHRASE = re.compile(r"\b(?:i|i'm|i've|i'd|i'll|me|my|myself)\b")
# A phrase right after one of these is denied, not said ("never hurt myself", "not a burden").
_NEGATORS = frozenset({"never", "not", "wouldn't", "won't", "couldn't"})
# Where one sentence ends; a clause after a semicolon or a line break counts as one too.
_SENTENCE_END = re.compile(r"(?<=[.!?;])\s+|\n+")


@dataclass(frozen=True)
class Phrases:
    """phrases.toml, compiled."""

    spelling: list[tuple[re.Pattern[str], str]]
    calm: list[re.Pattern[str]]
    kinds: dict[str, list[re.Pattern[str]]]
    # Each kind's patterns as one alternation: one search rules a kind out for most
    # sentences, which nearly halves the time per note (bench/bench_distress.py).
    gates: dict[str, re.Pattern[str]]
    others: re.Pattern[str]
    media: re.Pattern[str]
    embarrassment: re.Pattern[str]


def _words(words: list[str]) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b")


def expand(pattern: str, macros: dict[str, str]) -> str:
    """A pattern with each `$NAME` replaced by its macro (longest names first)."""
    for name in sorted(macros, key=len, reverse=True):
        pattern = pattern.replace("$" + name, macros[name])
    return pattern


def parse(data: dict[str, Any]) -> Phrases:
    """Compile the parsed TOML; a bad pattern raises re.error naming it."""
    macros: dict[str, str] = data.get("macros", {})

    def compiled(pattern: str) -> re.Pattern[str]:
        try:
            return re.compile(expand(pattern, macros))
        except re.error as error:
            raise re.error(f"{error} in phrase {pattern!r}") from None

    voice = data["voice"]
    kinds = {kind: [compiled(p) for p in patterns] for kind, patterns in data["kinds"].items()}
    return Phrases(
        spelling=[(compiled(p), r) for p, r in data["spelling"]["fixes"]],
        calm=[compiled(p) for p in data["calm"]["patterns"]],
        kinds=kinds,
        gates={
            kind: re.compile("|".join(f"(?:{p.pattern})" for p in patterns))
            for kind, patterns in kinds.items()
        },
        others=_words(voice["others"]),
        media=_words(voice["media"]),
        embarrassment=_words(voice["embarrassment"]),
    )


@cache
def phrases() -> Phrases:
    with DATA.open("rb") as handle:
        return parse(tomllib.load(handle))


def normalise(text: str) -> str:
    """Lower case, plain punctuation, stretched letters cut, spellings fixed."""
    text = unicodedata.normalize("NFKC", text).translate(_TRANSLATE).lower()
    # Long stretched letters ("diiiie", "plzzzz") become one, so "die" still matches.
    text = re.sub(r"([a-z])\1{2,}", r"\1", text)
    text = re.sub(r"[ \t\r\f\v]+", " ", text)
    for pattern, replacement in phrases().spelling:
        text = pattern.sub(replacement, text)
    return text


def sentences(text: str) -> list[str]:
    """Normalised sentences, quoted lines from films or songs left out, idioms blanked."""
    found = []
    for sentence in _SENTENCE_END.split(normalise(text)):
        if '"' in sentence and phrases().media.search(sentence):
            sentence = _QUOTED.sub(" ", sentence)
        sentence = calm(sentence.strip())
        if sentence:
            found.append(sentence)
    return found


def calm(sentence: str) -> str:
    """The sentence with every idiom and job-talk phrase from [calm] blanked out."""
    for pattern in phrases().calm:
        sentence = pattern.sub(" ~ ", sentence)
    return sentence


def windows(parts: list[str]) -> list[str]:
    """Each sentence, then each pair of neighbours ("gave the cat away. told him it's forever")."""
    return parts + [f"{a} {b}" for a, b in zip(parts, parts[1:], strict=False)]


def in_own_voice(sentence: str, start: int, end: int) -> bool:
    """False when the words just before name someone else and the phrase itself not the writer."""
    if _SELF_IN_PHRASE.search(sentence[start:end]):
        return True
    before = " ".join(sentence[:start].split()[-4:])
    return not (phrases().others.search(before) and not _SELF.search(before))


def negated(sentence: str, start: int) -> bool:
    """True when the word just before a phrase denies it ("i'd never hurt myself")."""
    before = sentence[:start].split()[-1:]
    return bool(before) and before[0] in _NEGATORS


def find(sentence: str) -> tuple[str, str] | None:
    """The first (kind, words) the sentence holds in the writer's own voice, or None."""
    compiled = phrases()
    for kind, patterns in compiled.kinds.items():
        if not compiled.gates[kind].search(sentence):
            continue
        for pattern in patterns:
            for found in pattern.finditer(sentence):
                if not in_own_voice(sentence, found.start(), found.end()):
                    continue
                if negated(sentence, found.start()):
                    continue
                if found.group(0).startswith("wanted to die") and phrases().embarrassment.search(
                    sentence
                ):
                    continue
                return kind, found.group(0).strip()
    return None
