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

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache

from bounceback.lib.themes.phrases import NEGATION_WINDOW, PhraseIndex, compile_phrase, near
from bounceback.lib.themes.taxonomy import Negation, Theme, builtin_data, cue_groups
from bounceback.lib.themes.text import Token, tokens

Span = tuple[int, int]  # token indices, end excluded

# Praise this close to a theme's phrase turns it into praise of a strength.
PRAISE_WINDOW = 4
# Words that open a negation, and how many words after one it reaches (it stops sooner
# at a comma or a full stop): "didn't research the company" negates three words.
NEGATORS = frozenset({"not", "no", "never", "without", "nothing", "none", "hardly", "barely"})
NEGATION_REACH = 3
_PAUSES = ".,;:!?()\n"
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
    """The compiled phrase lists: each theme's phrases, the shared groups, the negations."""

    slugs: tuple[str, ...]
    group_names: tuple[str, ...]
    themes: PhraseIndex[str]
    groups: PhraseIndex[str]
    before: PhraseIndex[bool]
    after: PhraseIndex[bool]
    praise: PhraseIndex[bool]
    short: PhraseIndex[bool]

    @classmethod
    def build(
        cls, themes: Sequence[Theme], negation: Negation, groups: dict[str, list[str]]
    ) -> CueSpace:
        def flags(phrases: Sequence[str]) -> PhraseIndex[bool]:
            return PhraseIndex((compile_phrase(p), True) for p in phrases)

        return cls(
            slugs=tuple(t.slug for t in themes),
            group_names=tuple(sorted(groups)),
            themes=PhraseIndex((compile_phrase(p), t.slug) for t in themes for p in t.triggers),
            groups=PhraseIndex(
                (compile_phrase(p), name) for name, words in groups.items() for p in words
            ),
            before=flags(negation.before),
            after=flags(negation.after),
            praise=flags(groups.get("praise", [])),
            short=flags(groups.get("lack", []) + groups.get("self_blame", [])),
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


def _words(feats: Features, text: str) -> None:
    toks = feats.tokens
    stems = [t.stem for t in toks]
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
    words = [t.word for t in feats.tokens]
    for lo, hi in feats.sentences:
        sentence = words[lo:hi]
        found = space.themes.find(sentence)
        if found:
            before = [(s, e) for s, e, _ in space.before.find(sentence)]
            after = [(s, e) for s, e, _ in space.after.find(sentence)]
            praise = [(s, e) for s, e, _ in space.praise.find(sentence)]
            short = bool(space.short.find(sentence))
            for start, end, slug in found:
                if near(before, start, end, NEGATION_WINDOW)[0] or (
                    near(after, start, end, NEGATION_WINDOW)[1]
                ):
                    kind = f"t:{slug}:cancelled"
                elif short:
                    kind = f"t:{slug}:short"
                elif any(near(praise, start, end, PRAISE_WINDOW)):
                    kind = f"t:{slug}:praised"
                else:
                    kind = f"t:{slug}"
                feats.add(kind, (lo + start, lo + end))
    for start, end, name in space.groups.find(words):
        feats.add(f"c:{name}", (start, end))


def extract(text: str, space: CueSpace | None = None) -> Features:
    """Every feature of a text, with where each came from."""
    toks = tokens(text)
    feats = Features(toks, sentences(text, toks))
    _words(feats, text)
    _cues(feats, space or builtin_cues())
    return feats
