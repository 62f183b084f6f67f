"""Regular-expression helpers that keep the rules fast: trie-shaped word lists and gating.

Python's ``re`` tries every branch of an alternation at every position, so a
flat list of 80 words costs ~30 µs on a subject line; the same words as a trie
cost ~1 µs. ``GatedPatterns`` goes further for the phrase rules: it finds which
first words occur (one trie pass) and only runs the patterns that could match.
"""

from __future__ import annotations

import re
from typing import TypeAlias

# One character per level; the key "" marks the end of a word.
_Trie: TypeAlias = dict[str, "_Trie"]


def words(text: str) -> frozenset[str]:
    """A set from a whitespace-separated block: keeps long word lists readable and editable."""
    return frozenset(text.split())


def trie_regex(words: list[str]) -> str:
    """One regex for many literal words, shaped as a trie: ~30x faster than a flat alternation."""
    trie: _Trie = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: _Trie) -> str:
        alts = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not alts:
            return ""
        if "" in node:
            return "(?:" + "|".join(alts) + ")?"
        return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"

    return build(trie)


def phrases(text: str) -> list[str]:
    """Whitespace-separated entries; "_" stands for a space inside one ("next_step")."""
    return [entry.replace("_", " ") for entry in text.split()]


def _split_top(pattern: str) -> list[str]:
    """A regex split on its top-level '|' (escapes, classes and groups respected)."""
    out, depth, current, i = [], 0, "", 0
    while i < len(pattern):
        char = pattern[i]
        if char == "\\":
            current += pattern[i : i + 2]
            i += 2
            continue
        if char == "[":
            end = pattern.index("]", i + 2 if pattern[i + 1] == "^" else i + 1)
            current += pattern[i : end + 1]
            i = end + 1
            continue
        depth += char == "("
        depth -= char == ")"
        if char == "|" and depth == 0:
            out.append(current)
            current = ""
        else:
            current += char
        i += 1
    return [*out, current]


def first_words(pattern: str) -> set[str] | None:
    """Literal word starts any match of ``pattern`` must begin with; None when unbounded."""
    found: set[str] = set()
    for branch in _split_top(pattern):
        while branch.startswith("\\b"):
            branch = branch[2:]
        if branch.startswith("(?:"):
            depth = 0
            for end, char in enumerate(branch):
                if char == "(" and branch[end - 1 : end] != "\\":
                    depth += 1
                elif char == ")" and branch[end - 1] != "\\":
                    depth -= 1
                    if depth == 0:
                        break
            inner, rest = first_words(branch[3:end]), branch[end + 1 :]
            if inner is None or rest.startswith("*"):
                return None
            found |= inner
            if rest.startswith("?"):  # an optional group: what follows may come first
                after = first_words(rest[1:].lstrip())
                if after is None:
                    return None
                found |= after
            continue
        literal = re.match(r"[a-zà-ÿ'’]+", branch)
        if not literal:
            return None
        word = literal.group(0)
        if branch[len(word) : len(word) + 1] in ("?", "*", "{"):
            word = word[:-1]
        if not word:
            return None
        found.add(word.split(" ")[0])
    return found


class GatedPatterns:
    """Run many case-insensitive patterns over lower-cased text, skipping the ones that
    cannot match: one pass of a trie regex finds which first words occur at all.
    Several times faster than searching every pattern; results are identical."""

    def __init__(self, patterns: list[re.Pattern[str]]) -> None:
        self.patterns = [re.compile(p.pattern) for p in patterns]  # input is lower-cased
        self.always: list[int] = []
        self.by_word: dict[str, list[int]] = {}
        for index, pattern in enumerate(patterns):
            words = first_words(pattern.pattern)
            if words is None:
                self.always.append(index)
                continue
            for word in words:
                self.by_word.setdefault(word, []).append(index)
        self.trigger = re.compile(r"\b" + trie_regex(sorted(self.by_word)))
        self.max_len = max(map(len, self.by_word))

    def active(self, lowered: str) -> list[int]:
        chosen = set(self.always)
        for token in set(self.trigger.findall(lowered)):
            # the trie reports the longest trigger at a place; shorter ones are its prefixes
            for size in range(1, len(token) + 1):
                hits = self.by_word.get(token[:size])
                if hits:
                    chosen.update(hits)
        return sorted(chosen)
