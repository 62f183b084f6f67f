"""The feature space of the theme tagger: what it can notice in a text, and where.

Two kinds of feature, each remembering the words it came from (so a suggestion can
show them):

- **words**: stems and pairs of stems (``w:nervous``, ``b:did not``), and stems said
  under a negation (``n:prepar`` in "I didn't prepare", "no questions ready"), weighted
  by TF-IDF in the model. They let it learn ordinary wording nobody listed.
- **cues**: the phrases listed in ``insights/data/themes.toml``. A theme's phrase found
  plainly is ``t:<slug>``; found with a cancelling phrase just around it ("no concerns
  about your communication") it is ``t:<slug>:cancelled``; with praise beside it ("your
  examples were strong") it is ``t:<slug>:praised``; in a sentence that also says
  something fell short ("my examples were vague") it is ``t:<slug>:short``. Shared
  groups of words (praise, reassurance, …) are ``c:<group>``. Rule hits are features,
  not verdicts: the model learns how much each is worth.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache

from bounceback.lib.themes.phrases import NEGATION_WINDOW, PhraseIndex, compile_phrase, near
from bounceback.lib.themes.taxonomy import Negation, Theme, builtin_data, cue_groups
from bounceback.lib.themes.text import Token, tokens, word_lists

Span = tuple[int, int]  # token indices, end excluded

# Praise this close to a theme's phrase turns it into praise of a strength.
PRAISE_WINDOW = 4
# Words that open a negation (``words.toml``), and how many words after one it reaches (it
# stops sooner at a comma or a full stop): "didn't research the company" negates three words.
NEGATORS = word_lists()["negators"]
NEGATION_REACH = 3
_PAUSES = ".,;:!?()\n"
_MONEY = re.compile(r"\d+(?:[.,]\d+)?(?:k|m|grand|lpa|pa|ph|p/h)")
_CURRENCY = frozenset("£$€₹")
_ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)")
_NUMBERS = word_lists()["numbers"]
# The prefixes of word features (TF-IDF weighted); every other feature is a cue (0 or 1).
WORD_KINDS = ("w:", "b:", "n:")


@dataclass
class Features:
    """The features of one text, each with the token spans that produced it."""

    tokens: list[Token]
    sentences: list[Span] = field(default_factory=list)
    hits: dict[str, list[Span]] = field(default_factory=dict)

    def add(self, name: str, span: Span) -> None:
        self.hits.setdefault(name, []).append(span)

    def within(self, lo: int, hi: int) -> Features:
        """Only the features found inside tokens ``lo:hi`` (one sentence, say), spans kept."""
        part = Features(self.tokens, [(lo, hi)])
        for name, spans in self.hits.items():
            inside = [s for s in spans if lo <= s[0] and s[1] <= hi]
            if inside:
                part.hits[name] = inside
        return part


@dataclass(frozen=True)
class CueSpace:
    """The compiled phrase lists, in one index: each theme's phrases, the groups, the negations.

    Labels are (kind, name): ``("theme", slug)``, ``("group", name)``, and ``("before", "")``,
    ``("after", "")``, ``("praise", "")``, ``("short", "")`` for the context of a theme's phrase.
    """

    slugs: tuple[str, ...]
    group_names: tuple[str, ...]
    index: PhraseIndex[tuple[str, str]]

    @classmethod
    def build(
        cls, themes: Sequence[Theme], negation: Negation, groups: dict[str, list[str]]
    ) -> CueSpace:
        entries: list[tuple[str, tuple[str, str]]] = [
            (p, ("theme", t.slug)) for t in themes for p in t.triggers
        ]
        entries += [(p, ("group", name)) for name, words in groups.items() for p in words]
        entries += [(p, ("before", "")) for p in negation.before]
        entries += [(p, ("after", "")) for p in negation.after]
        entries += [(p, ("praise", "")) for p in groups.get("praise", [])]
        entries += [
            (p, ("short", "")) for p in groups.get("lack", []) + groups.get("self_blame", [])
        ]
        return cls(
            slugs=tuple(t.slug for t in themes),
            group_names=tuple(sorted(groups)),
            index=PhraseIndex((compile_phrase(p), label) for p, label in entries),
        )

    def names(self) -> list[str]:
        """Every cue feature this space can produce, in a fixed order."""
        out: list[str] = []
        for slug in self.slugs:
            out += [f"t:{slug}", f"t:{slug}:cancelled", f"t:{slug}:praised", f"t:{slug}:short"]
        out += [f"c:{name}" for name in self.group_names]
        return out


@cache
def builtin_cues() -> CueSpace:
    themes, negation = builtin_data()
    return CueSpace.build(themes, negation, cue_groups())


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


def shape(token: Token, text: str) -> str:
    """A word's stem, but any amount of money is ``#money`` and any other number ``#``.

    "38k", "£31,000", "$62k" and "9 LPA" all read the same, and so do "ten years" and
    "10 years": what matters is that a sum or a count was given, not which.
    """
    word = token.word
    if _MONEY.fullmatch(word) or (
        word[:1].isdigit() and text[max(0, token.start - 1) : token.start] in _CURRENCY
    ):
        return "#money"
    if word.isdigit() or word in _NUMBERS or _ORDINAL.fullmatch(word):
        return "#"
    return token.stem


def _words(feats: Features, text: str) -> None:
    toks = feats.tokens
    stems = [shape(t, text) for t in toks]
    reach = 0
    for i, s in enumerate(stems):
        feats.add(f"w:{s}", (i, i + 1))
        if i + 1 < len(stems):
            feats.add(f"b:{s} {stems[i + 1]}", (i, i + 2))
        if i and any(mark in text[toks[i - 1].end : toks[i].start] for mark in _PAUSES):
            reach = 0
        if reach and s not in NEGATORS:
            feats.add(f"n:{s}", (i, i + 1))
            reach -= 1
        if toks[i].word in NEGATORS:
            reach = NEGATION_REACH


def _cues(feats: Features, space: CueSpace) -> None:
    found = space.index.find([t.word for t in feats.tokens])
    for start, end, (kind, name) in found:
        if kind == "group":
            feats.add(f"c:{name}", (start, end))
    for lo, hi in feats.sentences:
        # A theme's phrase is read in the context of its own sentence only.
        inside = [(s, e, label) for s, e, label in found if lo <= s and e <= hi]
        context: dict[str, list[Span]] = {}
        for s, e, (kind, _) in inside:
            context.setdefault(kind, []).append((s, e))
        short = "short" in context
        for start, end, (kind, slug) in inside:
            if kind != "theme":
                continue
            if (
                near(context.get("before", []), start, end, NEGATION_WINDOW)[0]
                or (near(context.get("after", []), start, end, NEGATION_WINDOW)[1])
            ):
                name = f"t:{slug}:cancelled"
            elif short:
                name = f"t:{slug}:short"
            elif any(near(context.get("praise", []), start, end, PRAISE_WINDOW)):
                name = f"t:{slug}:praised"
            else:
                name = f"t:{slug}"
            feats.add(name, (start, end))


def extract(text: str, space: CueSpace | None = None) -> Features:
    """Every feature of a text, with where each came from."""
    toks = tokens(text)
    feats = Features(toks, sentences(text, toks))
    _words(feats, text)
    _cues(feats, space or builtin_cues())
    return feats
