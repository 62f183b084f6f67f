"""Why a theme was suggested: the shortest runs of the person's own words that carried it.

Each feature's part in a theme's score (its value times its weight) is spread over the
words it came from, giving every word a share. The reasons are the stretches of words
whose shares, less a bar, add up to the most (a maximum-sum run, found within one clause
at a time): a weak word joins a run only when strong words on both sides carry it, so a
quote is "nervous", not "was so nervous I couldn't". Then the edges are trimmed of small
words ("the", "I", "was"), but a negation in front is kept: "hadn't researched" says the
opposite of "researched".
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from bounceback.lib.themes.features import NEGATORS, Features, Span
from bounceback.lib.themes.text import Token, word_lists

# How many runs of words to quote for one theme, and how much a run's strongest word must
# carry against the strongest word of all: enough to see why, few enough to read at a glance.
MAX_REASONS = 3
REASON_PEAK = 0.5
# A word joins a run only if it carries more than this share of the strongest word's part
# (or strong words either side make up for it).
WORD_BAR = 0.3
# The most words one reason quotes; a longer run is cut to its strongest stretch.
MAX_WORDS = 6
# Small words a quote neither starts nor ends with, and words too general to be a reason
# on their own (both in ``words.toml``). Words common in the training texts count as
# general too (see ``Model.general``).
FILLER = word_lists()["filler"]
GENERAL = word_lists()["general"]
# How far a general word looks for a telling word beside it, and the least share (against
# the strongest word's) that makes a word beside it telling.
REACH = 3
WIDEN_FLOOR = 0.05
_PAUSES = ".,;:!?()\n\u2013\u2014"


def token_shares(feats: Features, parts: dict[str, float]) -> list[float]:
    """Each word's share of a theme's score: a feature's part spread over the words it covers."""
    shares = [0.0] * len(feats.tokens)
    for name, part in parts.items():
        spans: list[Span] = feats.hits[name]
        for start, end in spans:
            for i in range(start, end):
                shares[i] += part / len(spans) / (end - start)
    return shares


def clauses(text: str, toks: Sequence[Token]) -> list[Span]:
    """The token spans between punctuation: a quote never reaches across two clauses."""
    out: list[Span] = []
    start = 0
    for i in range(1, len(toks)):
        if any(mark in text[toks[i - 1].end : toks[i].start] for mark in _PAUSES):
            out.append((start, i))
            start = i
    if toks:
        out.append((start, len(toks)))
    return out


def _runs(shares: Sequence[float], lo: int, hi: int, bar: float, out: list[Span]) -> None:
    """The maximum-sum run of ``share - bar`` in ``lo:hi``, then the same either side of it."""
    best, found = 0.0, None
    total, start = 0.0, lo
    for i in range(lo, hi):
        if total <= 0:
            total, start = 0.0, i
        total += shares[i] - bar
        if total > best:
            best, found = total, (start, i + 1)
    if found is None:
        return
    out.append(found)
    _runs(shares, lo, found[0], bar, out)
    _runs(shares, found[1], hi, bar, out)


def _strongest(shares: Sequence[float], start: int, end: int) -> Span:
    """A run longer than MAX_WORDS cut to its strongest MAX_WORDS words."""
    if end - start <= MAX_WORDS:
        return start, end
    best = max(range(start, end - MAX_WORDS + 1), key=lambda s: sum(shares[s : s + MAX_WORDS]))
    return best, best + MAX_WORDS


def _trim(text: str, toks: Sequence[Token], shares: Sequence[float], start: int, end: int) -> Span:
    """Small words off both edges; a negation just in front is kept, or brought in."""
    words = [t.word for t in toks]
    s, e = start, end
    while s < e and (words[s] in FILLER or shares[s] <= 0) and words[s] not in NEGATORS:
        s += 1
    while e > s and (words[e - 1] in FILLER or words[e - 1] in NEGATORS or shares[e - 1] <= 0):
        e -= 1
    if s == e:
        return start, start  # only small words: no reason on its own
    # "didn't prepare", "no questions ready": the negation stays with what it negates.
    if s > 0 and words[s - 1] in NEGATORS:
        gap = text[toks[s - 1].end : toks[s].start]
        if not any(mark in gap for mark in _PAUSES):
            s -= 1
    return s, e


def _widen(
    toks: Sequence[Token],
    shares: Sequence[float],
    span: Span,
    clause: Span,
    general: Callable[[Token], bool],
    floor: float,
) -> Span:
    """One general word on its own takes in the nearest telling word beside it (after, if both)."""
    s, e = span
    if e - s != 1 or not general(toks[s]):
        return span
    lo, hi = clause

    def telling(i: int) -> bool:
        w = toks[i].word
        return shares[i] >= floor and w not in FILLER | NEGATORS and not general(toks[i])

    right = next((i for i in range(e, min(hi, e + REACH)) if telling(i)), None)
    left = next((i for i in range(s - 1, max(lo, s - REACH) - 1, -1) if telling(i)), None)
    if right is None and left is None:
        return span
    if right is not None:
        return s, right + 1
    return left, e  # type: ignore[return-value]


def reasons(
    text: str,
    feats: Features,
    shares: Sequence[float],
    general: Callable[[Token], bool] = lambda t: t.word in GENERAL,
) -> tuple[str, ...]:
    """The runs of words that carried a theme, in reading order, quoted from the text.

    ``general`` says whether a word is too general to be a reason on its own.
    """
    toks = feats.tokens
    top = max(shares, default=0.0)
    if top <= 0:
        return ()
    runs: list[Span] = []
    clause_of: dict[int, Span] = {}
    for lo, hi in clauses(text, toks):
        before = len(runs)
        _runs(shares, lo, hi, WORD_BAR * top, runs)
        for s, _ in runs[before:]:
            clause_of[s] = (lo, hi)
    # Strongest runs first; a run whose best word carries too little beside the strongest
    # word of all is not a reason worth showing.
    ranked = sorted(
        (sum(shares[s:e]), s, e) for s, e in runs if max(shares[s:e]) >= REASON_PEAK * top
    )[::-1]
    quotes: list[tuple[int, str]] = []
    taken: list[Span] = []
    for rank, (_, s, e) in enumerate(ranked):
        if len(quotes) == MAX_REASONS:
            break
        span = _trim(text, toks, shares, *_strongest(shares, s, e))
        if span[0] == span[1]:
            # Small words only ("nothing to do with me"): quoted when nothing ranks above.
            if rank:
                continue
            span = (s, e)
        s, e = _widen(toks, shares, span, clause_of[s], general, WIDEN_FLOOR * top)
        if any(s < end and start < e for start, end in taken):
            continue  # widened into a reason already quoted
        taken.append((s, e))
        quote = " ".join(text[toks[s].start : toks[e - 1].end].split())
        if quote not in (q for _, q in quotes):
            quotes.append((toks[s].start, quote))
    return tuple(q for _, q in sorted(quotes))
