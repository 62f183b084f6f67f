"""Forgiving company names: "ACME Corp.", "Acme, Inc" and "acme" are one company.

Used by the applications app (one Company row per normalised key) and by the
mail importer (matching an e-mail to an application). No Django in here.
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


def similarity(a: str, b: str) -> float:
    """0..100: how alike two company names are once normalised."""
    ka, kb = company_key(a), company_key(b)
    if not ka or not kb:
        return 0.0
    if ka == kb:
        return 100.0
    return float(fuzz.ratio(ka, kb))


def role_key(role: str) -> str:
    """Comparable form of a job title: lower case, punctuation and seniority spacing folded."""
    text = unicodedata.normalize("NFKD", role).encode("ascii", "ignore").decode().lower()
    return " ".join(w for w in _NON_WORD.split(text) if w)
