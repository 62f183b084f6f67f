"""Forgiving company names: "ACME Corp.", "Acme, Inc" and "acme" are one company.

The one company matcher, behind every place that compares names: the search ("did I
already apply there?", web and `list --search`), the warning before adding a company that
looks like one already there (web and CLI), and matching an e-mail to an application.

- ``company_key``: the normalised name (legal forms, case, accents, punctuation folded);
  one Company row per key.
- ``same_company``: one employer for certain (the keys agree once spaces are set aside:
  "Lumen Cloud" and "LumenCloud").
- ``similarity``: how alike two full names are (small typos, a shortened word, a name and
  its longer form). Alike is never the same: it is asked about, never merged.
- ``search_score``: how well a few typed letters find a name ("nortwind" finds
  "Northwind Analytics").

No Django in here.
"""

from __future__ import annotations

import re
import unicodedata

from rapidfuzz import fuzz

# Legal-form suffixes and filler words that never tell two employers apart.
_SUFFIXES = {
    "inc",
    "incorporated",
    "corp",
    "corporation",
    "co",
    "company",
    "ltd",
    "limited",
    "llc",
    "llp",
    "lp",
    "plc",
    "gmbh",
    "ag",
    "kg",
    "se",
    "sa",
    "sas",
    "sarl",
    "srl",
    "spa",
    "bv",
    "nv",
    "ab",
    "as",
    "asa",
    "oy",
    "oyj",
    "aps",
    "pty",
    "pte",
    "kk",
    "group",
    "holdings",
    "holding",
    "the",
}
_NON_WORD = re.compile(r"[^\w]+")
_DOTTED_LETTER = re.compile(r"\b(\w)\.(?=\w\b)")  # "s.a." -> "sa.", "n.v." -> "nv."


def company_key(name: str) -> str:
    """A stable, comparable key for a company name ("" for an empty name)."""
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    text = _DOTTED_LETTER.sub(r"\1", text.replace("&", " and "))
    words = [w for w in _NON_WORD.split(text) if w]
    # Strip legal forms from the end (and a leading "the"), but never down to nothing.
    while len(words) > 1 and words[-1] in _SUFFIXES:
        words.pop()
    while len(words) > 1 and words[0] == "the":
        words.pop(0)
    return " ".join(words)


# Names at least this alike may be one employer: worth a question, never a merge.
SIMILAR = 88
# Typed letters at least this close to part of a name find it in a search.
FOUND = 85
# Shorter than this, a typed fragment only finds names it is literally part of.
FUZZY_SEARCH_MIN = 4


def compact_key(name: str) -> str:
    """The key without spaces: "Lumen Cloud" and "LumenCloud" are one name."""
    return company_key(name).replace(" ", "")


def same_company(a: str, b: str) -> bool:
    """True when two names are one employer once legal forms and spacing are set aside."""
    ka, kb = compact_key(a), compact_key(b)
    return bool(ka) and ka == kb


def _shortened(short: list[str], long: list[str]) -> bool:
    """ "Wayne Ent" for "Wayne Enterprises", "Northwind" for "Northwind Analytics":
    the first word the same, each later word the start of the other's."""
    if not short or len(short) > len(long) or short[0] != long[0] or short == long:
        return False
    return len(short[0]) >= 3 and all(b.startswith(a) for a, b in zip(short, long, strict=False))


_NUMBER = re.compile(r"\d+")


def _numbers(key: str) -> list[str]:
    """ "Studio 54" and "Studio 45" are two places: numbers are never a typo."""
    return _NUMBER.findall(key)


def similarity(a: str, b: str) -> float:
    """0..100: how alike two company names are once normalised."""
    ka, kb = company_key(a), company_key(b)
    if not ka or not kb:
        return 0.0
    if ka.replace(" ", "") == kb.replace(" ", ""):
        return 100.0
    if _numbers(ka) != _numbers(kb):
        return 0.0
    score = float(fuzz.ratio(ka.replace(" ", ""), kb.replace(" ", "")))
    wa, wb = ka.split(), kb.split()
    if _shortened(wa, wb) or _shortened(wb, wa):
        score = max(score, float(SIMILAR + 2))
    return score


def search_score(text: str, name: str) -> float:
    """0..100: how well typed letters find a company name ("nortwind" → "Northwind Analytics")."""
    query, target = compact_key(text), compact_key(name)
    if not query or not target:
        return 0.0
    if query in target:
        return 100.0
    if len(query) < FUZZY_SEARCH_MIN or not set(_numbers(query)) <= set(_numbers(target)):
        return 0.0
    words = company_key(name).split()
    return max(
        float(fuzz.ratio(query, target)),
        # Part of the name: "nortwind" against "northwind" inside "northwindanalytics".
        float(fuzz.partial_ratio(query, target)) if len(query) <= len(target) else 0.0,
        max(float(fuzz.ratio(query, word)) for word in words),
    )


def matching(text: str, names: dict[int, str], at: float = FOUND) -> list[int]:
    """The ids of the names the typed text finds, best first."""
    scored = [(search_score(text, name), pk) for pk, name in names.items()]
    return [pk for score, pk in sorted(scored, key=lambda s: (-s[0], s[1])) if score >= at]


def alike(name: str, names: dict[int, str], at: float = SIMILAR) -> list[int]:
    """The ids of names that may be the same employer as ``name`` but are not certainly it."""
    scored = [
        (similarity(name, other), pk)
        for pk, other in names.items()
        if not same_company(name, other)
    ]
    return [pk for score, pk in sorted(scored, key=lambda s: (-s[0], s[1])) if score >= at]


def role_key(role: str) -> str:
    """Comparable form of a job title: lower case, punctuation and seniority spacing folded."""
    text = unicodedata.normalize("NFKD", role).encode("ascii", "ignore").decode().lower()
    return " ".join(w for w in _NON_WORD.split(text) if w)
