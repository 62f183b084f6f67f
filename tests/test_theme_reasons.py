"""The words shown for a suggested theme: the shortest span that carried it, never half a sentence."""

from __future__ import annotations

import pytest

from bounceback.lib.themes import builtin_tagger
from bounceback.lib.themes.explain import MAX_WORDS, reasons
from bounceback.lib.themes.features import Features, extract, sentences
from bounceback.lib.themes.phrases import PhraseIndex, compile_phrase
from bounceback.lib.themes.text import tokens, word_lists


def quoted(text: str, shares_by_word: dict[str, float]) -> tuple[str, ...]:
    """The reasons for a text whose words carry the given shares (any other word: none)."""
    toks = tokens(text)
    feats = Features(toks, sentences(text, toks))
    return reasons(text, feats, [shares_by_word.get(t.word, 0.0) for t in toks])


def found(text: str) -> dict[str, tuple[str, ...]]:
    return {f.slug: f.words for f in builtin_tagger().tag(text)}


def test_small_words_around_the_word_that_carried_it_are_left_out() -> None:
    shares = {"was": 0.1, "so": 0.2, "nervous": 1.0, "i": 0.05, "could": 0.1, "not": 0.1}
    assert quoted("I was so nervous I couldn't think.", shares) == ("nervous",)


def test_a_negation_in_front_stays_with_what_it_negates() -> None:
    shares = {"researched": 1.0, "company": 0.2}
    assert quoted("I hadn’t researched the company.", shares) == ("hadn’t researched",)


def test_a_general_word_alone_takes_in_the_telling_word_beside_it() -> None:
    shares = {"more": 1.0, "about": 0.1, "research": 0.4}
    assert quoted("They want it to be more about research now.", shares) == ("more about research",)


def test_a_quote_never_reaches_across_a_comma_or_a_full_stop() -> None:
    shares = {"salary": 1.0, "too": 0.5, "low": 0.9, "commute": 0.8}
    words = quoted("The salary was too low, and the commute. Long.", shares)
    assert words == ("salary was too low", "commute")


def test_a_long_run_is_cut_to_its_strongest_words() -> None:
    text = "they wanted someone with many more years of hands on ward leadership experience"
    shares = {t.word: 1.0 for t in tokens(text)}
    (words,) = quoted(text, shares)
    assert len(words.split()) <= MAX_WORDS


def test_nothing_is_quoted_when_no_word_carried_the_theme() -> None:
    assert quoted("I was fine.", {"fine": -1.0}) == ()


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("My hands were shaking and I lost my place in every answer.", "communication"),
        ("I hadn't looked at their website and knew nothing about the charity.", "preparation"),
        ("They want someone with at least five years of line management.", "experience-gap"),
        ("They offered 38k and I'm on 45k now. They couldn't go higher.", "logistics"),
        ("It went to the person who had been covering the job for a year.", "competition"),
        ("The job turned out to be mostly cold calling, which isn't what I want to do.", "fit"),
    ],
)
def test_the_words_shown_are_a_few_words_from_the_text(text: str, slug: str) -> None:
    words = found(text)[slug]
    assert words and all(w in text and 1 <= len(w.split()) <= MAX_WORDS for w in words)


def test_a_reason_in_one_sentence_of_several_is_still_found() -> None:
    text = (
        "The building was lovely and the team were friendly. We talked about football for a "
        "while. In the end they gave it to the internal candidate who had been covering it."
    )
    assert "competition" in found(text)


def test_a_denied_or_praised_theme_is_not_suggested() -> None:
    assert found("For once I wasn't nervous. I spoke clearly and took my time.") == {}
    assert found("They said my explanation was the clearest they'd heard all day.") == {}
    assert found("We talked about salary and the hours, and it was all fine.") == {}


def test_sums_of_money_and_counts_read_the_same_however_they_are_written() -> None:
    a, b = extract("They offered £31k for ten years."), extract("They offered 31,000 for 10 years.")
    assert "w:#money" in a.hits and "b:# year" in a.hits and "b:# year" in b.hits


def test_many_phrases_are_found_in_one_pass_each_with_its_label() -> None:
    index = PhraseIndex(
        [(compile_phrase("hiring freeze"), "process"), (compile_phrase("nerv*"), "comm")]
    )
    words = [t.word for t in tokens("Nervous, then a hiring freeze. More nerves.")]
    assert index.find(words) == [(0, 1, "comm"), (3, 5, "process"), (6, 7, "comm")]


def test_the_word_lists_are_lower_case_without_repeats_or_overlaps() -> None:
    lists = word_lists()
    assert set(lists) == {"negators", "numbers", "filler", "general"}
    for words in lists.values():
        assert words and all(w == w.lower().strip() and " " not in w for w in words)
    assert not lists["filler"] & lists["general"]
    assert not lists["negators"] & (lists["filler"] | lists["general"])
