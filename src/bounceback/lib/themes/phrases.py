"""Finding listed phrases in a text: the whole rule for a person's own themes, a feature for the rest.

A phrase is found where its words appear in a row (a trailing * means "any ending"),
unless a cancelling phrase sits just around it ("no concerns about your communication").
Many phrases are found in one pass over the words (``PhraseIndex``): each word looks up
only the phrases that can start with it, so a text is read once, not once per phrase.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Generic, TypeVar

from bounceback.lib.themes.taxonomy import Found, Negation, Theme
from bounceback.lib.themes.text import Token, tokens

# Words either side of a phrase in which a cancelling phrase may sit.
NEGATION_WINDOW = 3

# Words whose candidate phrases are remembered (a few hundred kilobytes at most).
MEMO_SIZE = 20_000

Pattern = tuple[str, ...]
Label = TypeVar("Label")


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


class PhraseIndex(Generic[Label]):
    """Labelled phrases, found together in one pass over the words of a text."""

    def __init__(self, entries: Iterable[tuple[Pattern, Label]]) -> None:
        self._exact: dict[str, list[tuple[Pattern, Label]]] = {}
        self._prefix: dict[str, list[tuple[Pattern, Label]]] = {}
        seen: set[tuple[Pattern, object]] = set()
        for pattern, label in entries:
            if not pattern or (pattern, label) in seen:
                continue
            seen.add((pattern, label))
            first = pattern[0]
            if first.endswith("*"):
                self._prefix.setdefault(first[:-1], []).append((pattern, label))
            else:
                self._exact.setdefault(first, []).append((pattern, label))
        self._sizes = sorted({len(p) for p in self._prefix})
        self._memo: dict[str, list[tuple[Pattern, Label]]] = {}

    def _starting(self, word: str) -> list[tuple[Pattern, Label]]:
        out = self._memo.get(word)
        if out is None:
            out = list(self._exact.get(word, ()))
            for n in self._sizes:
                if n > len(word):
                    break
                out += self._prefix.get(word[:n], ())
            if len(self._memo) > MEMO_SIZE:
                self._memo.clear()
            self._memo[word] = out
        return out

    def find(self, words: Sequence[str]) -> list[tuple[int, int, Label]]:
        """Every phrase found: (first word, one past the last word, label), in reading order."""
        hits: list[tuple[int, int, Label]] = []
        size = len(words)
        for start, word in enumerate(words):
            for pattern, label in self._starting(word):
                end = start + len(pattern)
                if end <= size and all(
                    _matches(p, words[start + i]) for i, p in enumerate(pattern[1:], 1)
                ):
                    hits.append((start, end, label))
        return hits


def near(hits: Sequence[tuple[int, int]], start: int, end: int, window: int) -> tuple[bool, bool]:
    """Whether one of ``hits`` ends just before ``start``, and whether one starts just after ``end``.

    "Just" is fewer than ``window`` words away; a hit overlapping the span is neither.
    """
    before = any(e <= start and start - e < window for _, e in hits)
    after = any(s >= end and s - end < window for s, _ in hits)
    return before, after


class PhraseMatcher:
    """Finds themes by their listed phrases. Build once, use for many texts."""

    def __init__(self, themes: Sequence[Theme], negation: Negation | None = None) -> None:
        self.themes = list(themes)
        self._order = [t.slug for t in self.themes]
        self._index = PhraseIndex((compile_phrase(p), t.slug) for t in themes for p in t.triggers)
        negation = negation or Negation()
        self._before = PhraseIndex((compile_phrase(p), True) for p in negation.before)
        self._after = PhraseIndex((compile_phrase(p), True) for p in negation.after)

    def tag_tokens(self, toks: Sequence[Token], text: str) -> list[Found]:
        words = [t.word for t in toks]
        if not self._order:
            return []
        before = [(s, e) for s, e, _ in self._before.find(words)]
        after = [(s, e) for s, e, _ in self._after.find(words)]
        hits: dict[str, list[str]] = {}
        for start, end, slug in self._index.find(words):
            if near(before, start, end, NEGATION_WINDOW)[0]:
                continue
            if near(after, start, end, NEGATION_WINDOW)[1]:
                continue
            quoted = text[toks[start].start : toks[end - 1].end]
            theirs = hits.setdefault(slug, [])
            if quoted.lower() not in [h.lower() for h in theirs]:
                theirs.append(quoted)
        return [Found(slug, tuple(hits[slug])) for slug in self._order if slug in hits]

    def tag(self, text: str) -> list[Found]:
        """The themes whose phrases are in the text, each with the words found, in list order."""
        return self.tag_tokens(tokens(text), text)
