"""Words as the theme tagger sees them: folded, split, lightly stemmed, with their place in the text.

Every token keeps the span of characters it came from, so the words that led to a theme
can be quoted back exactly as the person wrote them.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

_WORD = re.compile(r"[A-Za-z0-9\u00C0-\u024F]+(?:['\u2019][A-Za-z]+)?")
_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'})

# "didn't" and the apostrophe-less "didnt" people type in a hurry both become "did not",
# so a negation reads the same however it was spelled.
_NOT = {
    "can't": ("can", "not"),
    "cant": ("can", "not"),
    "cannot": ("can", "not"),
    "won't": ("will", "not"),
    "wont": ("will", "not"),
    "shan't": ("shall", "not"),
}
_NT_BASES = {
    "did", "do", "does", "was", "were", "is", "are", "had", "has", "have", "could",
    "would", "should", "must", "need", "might", "ai",
}  # fmt: skip
# Endings stripped to join the forms of a word ("prepared", "preparing" → "prepar").
# Longest first; each needs a stem of at least three letters left over.
_SUFFIXES = (
    "ational", "ations", "ation", "ments", "ment", "ness", "ingly", "ings", "ing",
    "ities", "ity", "ably", "ibly", "ally", "edly", "ies", "ied", "ers", "er", "ed",
    "ly", "es", "s", "e",
)  # fmt: skip
_KEEP = {"was", "has", "is", "does", "less", "process", "business", "this", "us", "yes"}


@dataclass(frozen=True, slots=True)
class Token:
    """One word: its folded form, its stem, and where it sits in the original text."""

    word: str
    stem: str
    start: int
    end: int


def fold(text: str) -> str:
    """Lower case, curly quotes straightened, accents dropped ("café" → "cafe")."""
    text = unicodedata.normalize("NFKD", text.translate(_QUOTES))
    return "".join(ch for ch in text if not unicodedata.combining(ch)).lower()


@lru_cache(maxsize=20_000)
def stem(word: str) -> str:
    """A deliberately light stemmer: forms of one word meet, different words rarely do."""
    if word in _KEEP or len(word) <= 3 or word.isdigit():
        return word
    if word.endswith("ss"):
        return word
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            base = word[: -len(suffix)]
            # "planned" → "plan", "stopping" → "stop": undouble a final consonant.
            if len(base) > 3 and base[-1] == base[-2] and base[-1] not in "lsz":
                base = base[:-1]
            return base
    return word


def _split(word: str) -> tuple[str, ...]:
    if word in _NOT:
        return _NOT[word]
    if word.endswith("n't"):
        return (word[:-3], "not")
    if word.endswith("nt") and word[:-2] in _NT_BASES:
        return (word[:-2], "not")
    if "'" in word:
        return (word.split("'")[0],)  # "I'd", "they're", "company's": the word itself
    return (word,)


def tokens(text: str) -> list[Token]:
    """The words of a text, in order, each with its stem and character span."""
    folded = fold(text)
    # fold() can change the length of a text (a combining accent dropped), so spans are
    # read from the original where the lengths agree and from the folded text otherwise.
    out: list[Token] = []
    same = len(folded) == len(text)
    for match in _WORD.finditer(folded if same else text):
        raw = fold(match.group()) if not same else match.group()
        for part in _split(raw):
            if part:
                out.append(Token(part, stem(part), match.start(), match.end()))
    return out


@cache
def word_lists() -> dict[str, frozenset[str]]:
    """The tagger's small word lists (``words.toml``): negators, numbers, filler, general."""
    data = tomllib.loads(Path(__file__).with_name("words.toml").read_text(encoding="utf-8"))
    return {name: frozenset(str(w) for w in words) for name, words in data.items()}


def normalise(text: str) -> list[str]:
    """Lower-case word tokens; curly quotes and accents folded so "don’t" matches "don't"."""
    return [w for w in re.findall(r"[a-z0-9]+(?:'[a-z]+)?", fold(text))]
