"""The feature space of the theme tagger: what it can notice in a text, and where.

Two kinds of feature, each remembering the words it came from (so a suggestion can
show them):

- **words**: stems and pairs of stems (``w:nervous``, ``b:did not``), weighted by TF-IDF
  in the model. They let it learn ordinary wording nobody listed.
- **cues**: the phrases listed in ``insights/data/themes.toml``. A theme's phrase found
  plainly is ``t:<slug>``; found with a cancelling phrase just around it ("no concerns
  about your communication") it is ``t:<slug>:cancelled``; with praise beside it ("your
  examples were strong") it is ``t:<slug>:praised``; in a sentence that also says
  something fell short ("my examples were vague") it is ``t:<slug>:short``. Shared
  groups of words (praise, reassurance, …) are ``c:<group>``. Rule hits are features, not verdicts: the model
  learns how much each is worth.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache

from bounceback.lib.themes.phrases import (
    NEGATION_WINDOW,
    Pattern,
    compile_phrase,
    ends_before,
    find,
    starts_after,
)
from bounceback.lib.themes.taxonomy import Negation, Theme, builtin_data, cue_groups
from bounceback.lib.themes.text import Token, tokens

Span = tuple[int, int]  # token indices, end excluded

# Praise this close to a theme's phrase turns it into praise of a strength.
PRAISE_WINDOW = 4


@dataclass
class Features:
    """The features of one text, each with the token spans that produced it."""

    tokens: list[Token]
    hits: dict[str, list[Span]] = field(default_factory=dict)

    def add(self, name: str, span: Span) -> None:
        self.hits.setdefault(name, []).append(span)


@dataclass(frozen=True)
class CueSpace:
    """The compiled phrase lists: each theme's phrases, the shared groups, the negations."""

    themes: tuple[tuple[str, tuple[Pattern, ...]], ...]
    groups: tuple[tuple[str, tuple[Pattern, ...]], ...]
    before: tuple[Pattern, ...]
    after: tuple[Pattern, ...]
    praise: tuple[Pattern, ...]
    short: tuple[Pattern, ...]

    @classmethod
    def build(
        cls, themes: Sequence[Theme], negation: Negation, groups: dict[str, list[str]]
    ) -> CueSpace:
        def compiled(phrases: Sequence[str]) -> tuple[Pattern, ...]:
            return tuple(dict.fromkeys(p for p in (compile_phrase(x) for x in phrases) if p))

        return cls(
            themes=tuple((t.slug, compiled(t.triggers)) for t in themes),
            groups=tuple((name, compiled(words)) for name, words in sorted(groups.items())),
            before=compiled(negation.before),
            after=compiled(negation.after),
            praise=compiled(groups.get("praise", [])),
            short=compiled(groups.get("lack", []) + groups.get("self_blame", [])),
        )

    def names(self) -> list[str]:
        """Every cue feature this space can produce, in a fixed order."""
        out: list[str] = []
        for slug, _ in self.themes:
            out += [f"t:{slug}", f"t:{slug}:cancelled", f"t:{slug}:praised", f"t:{slug}:short"]
        out += [f"c:{name}" for name, _ in self.groups]
        return out


@cache
def builtin_cues() -> CueSpace:
    themes, negation = builtin_data()
    return CueSpace.build(themes, negation, cue_groups())


def _words(feats: Features) -> None:
    stems = [t.stem for t in feats.tokens]
    for i, s in enumerate(stems):
        feats.add(f"w:{s}", (i, i + 1))
        if i + 1 < len(stems):
            feats.add(f"b:{s} {stems[i + 1]}", (i, i + 2))


def sentences(text: str, toks: Sequence[Token]) -> list[Span]:
    """The token spans of the sentences (and semicolon clauses) of a text."""
    out: list[Span] = []
    start = 0
    for i in range(1, len(toks)):
        gap = text[toks[i - 1].end : toks[i].start]
        if any(mark in gap for mark in ".!?;\n"):
            out.append((start, i))
            start = i
    if toks:
        out.append((start, len(toks)))
    return out


def _has(patterns: Sequence[Pattern], words: Sequence[str]) -> bool:
    return any(find(p, words) for p in patterns)


def _cues(feats: Features, space: CueSpace, text: str) -> None:
    words = [t.word for t in feats.tokens]
    for lo, hi in sentences(text, feats.tokens):
        sentence = words[lo:hi]
        short = _has(space.short, sentence)
        for slug, patterns in space.themes:
            for pattern in patterns:
                for at in find(pattern, sentence):
                    start, end = lo + at, lo + at + len(pattern)
                    if ends_before(space.before, words, start, NEGATION_WINDOW) or starts_after(
                        space.after, words, end, NEGATION_WINDOW
                    ):
                        kind = f"t:{slug}:cancelled"
                    elif short:
                        kind = f"t:{slug}:short"
                    elif ends_before(space.praise, words, start, PRAISE_WINDOW) or starts_after(
                        space.praise, words, end, PRAISE_WINDOW
                    ):
                        kind = f"t:{slug}:praised"
                    else:
                        kind = f"t:{slug}"
                    feats.add(kind, (start, end))
    for name, patterns in space.groups:
        for pattern in patterns:
            for start in find(pattern, words):
                feats.add(f"c:{name}", (start, start + len(pattern)))


def extract(text: str, space: CueSpace | None = None) -> Features:
    """Every feature of a text, with where each came from."""
    feats = Features(tokens(text))
    _words(feats)
    _cues(feats, space or builtin_cues(), text)
    return feats
