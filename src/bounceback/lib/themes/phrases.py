"""Finding listed phrases in a text: the whole rule for a person's own themes, a feature for the rest.

A phrase is found where its words appear in a row (a trailing * means "any ending"),
unless a cancelling phrase sits just around it ("no concerns about your communication").
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from bounceback.lib.themes.taxonomy import Found, Negation, Theme
from bounceback.lib.themes.text import Token, tokens

# Words either side of a phrase in which a cancelling phrase may sit.
NEGATION_WINDOW = 3

Pattern = tuple[str, ...]


def compile_phrase(phrase: str) -> Pattern:
    """A phrase as the words to look for, split the way texts are ("didn't" → "did not")."""
    words: list[str] = []
    for raw in phrase.split():
        parts = [t.word for t in tokens(raw)]
        if parts and raw.endswith("*"):
            parts[-1] += "*"
        words.extend(parts)
    return tuple(words)


def _matches(pattern: str, word: str) -> bool:
    if pattern.endswith("*"):
        return word.startswith(pattern[:-1])
    return word == pattern


def find(pattern: Pattern, words: Sequence[str]) -> list[int]:
    """Where the phrase starts in the words, every time it appears."""
    size = len(pattern)
    if not size:
        return []
    first = pattern[0]
    return [
        start
        for start in range(len(words) - size + 1)
        if _matches(first, words[start])
        and all(_matches(p, words[start + i]) for i, p in enumerate(pattern[1:], 1))
    ]


def ends_before(patterns: Iterable[Pattern], words: Sequence[str], start: int, window: int) -> bool:
    """Whether one of the phrases ends fewer than ``window`` words before ``start``."""
    for pattern in patterns:
        lo = max(0, start - window - len(pattern) + 1)
        if any(start - (lo + i + len(pattern)) < window for i in find(pattern, words[lo:start])):
            return True
    return False


def starts_after(patterns: Iterable[Pattern], words: Sequence[str], end: int, window: int) -> bool:
    """Whether one of the phrases starts fewer than ``window`` words after ``end``."""
    for pattern in patterns:
        if any(i < window for i in find(pattern, words[end : end + window + len(pattern) - 1])):
            return True
    return False


class PhraseMatcher:
    """Finds themes by their listed phrases. Build once, use for many texts."""

    def __init__(self, themes: Sequence[Theme], negation: Negation | None = None) -> None:
        self.themes = list(themes)
        self._patterns = [(t.slug, [compile_phrase(p) for p in t.triggers]) for t in themes]
        negation = negation or Negation()
        self._before = [compile_phrase(p) for p in negation.before]
        self._after = [compile_phrase(p) for p in negation.after]

    def cancelled(self, words: Sequence[str], start: int, end: int) -> bool:
        return ends_before(self._before, words, start, NEGATION_WINDOW) or starts_after(
            self._after, words, end, NEGATION_WINDOW
        )

    def tag_tokens(self, toks: Sequence[Token], text: str) -> list[Found]:
        words = [t.word for t in toks]
        found: list[Found] = []
        for slug, patterns in self._patterns:
            hits: list[str] = []
            for pattern in patterns:
                for start in find(pattern, words):
                    end = start + len(pattern)
                    if self.cancelled(words, start, end):
                        continue
                    quoted = text[toks[start].start : toks[end - 1].end]
                    if quoted.lower() not in [h.lower() for h in hits]:
                        hits.append(quoted)
            if hits:
                found.append(Found(slug, tuple(hits)))
        return found

    def tag(self, text: str) -> list[Found]:
        """The themes whose phrases are in the text, each with the words found, in list order."""
        return self.tag_tokens(tokens(text), text)
