"""The lists in src/bounceback/lib/mail/data: well formed, no repeats, no overlaps that matter."""

from __future__ import annotations

import re

import pytest

from bounceback.lib.mail.analysis import analyse
from bounceback.lib.mail.cues import CUES, find_cues
from bounceback.lib.mail.extract import is_ats_domain
from bounceback.lib.mail.message import LABELS, MailMessage
from bounceback.lib.mail.patterns import load_data

SENDERS = load_data("senders")
WORDS = load_data("words")
CUE_DATA = load_data("cues")
DOMAIN = re.compile(r"^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+$")
DOMAIN_LISTS = ("ats", "job_boards", "freemail", "shared_employer", "not_job")


@pytest.mark.parametrize("name", DOMAIN_LISTS)
def test_every_domain_is_one_well_formed_lower_case_domain(name: str) -> None:
    bad = [entry for entry in SENDERS[name] if not DOMAIN.match(entry)]
    assert not bad, f"{name}: {bad}"


@pytest.mark.parametrize(
    ("data", "name"),
    [(SENDERS, name) for name in SENDERS] + [(WORDS, name) for name in WORDS],
)
def test_no_list_repeats_an_entry(data: dict[str, list[str]], name: str) -> None:
    entries = data[name]
    assert len(entries) == len(set(entries)), sorted({e for e in entries if entries.count(e) > 1})


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("ats", "freemail"),
        ("job_boards", "freemail"),
        ("ats", "job_boards"),
        ("not_job", "ats"),
        ("not_job", "job_boards"),
        ("not_job", "freemail"),
        ("shared_employer", "freemail"),
        ("shared_employer", "ats"),
    ],
)
def test_sender_lists_that_mean_different_things_do_not_overlap(one: str, other: str) -> None:
    assert not set(SENDERS[one]) & set(SENDERS[other])


def test_webmail_is_never_an_applicant_tracking_system() -> None:
    # The bug this data file replaced: "rippling-" and "mail.com" on two lines of a
    # whitespace-separated list made every mail.com address a tracking system.
    assert not is_ats_domain("mail.com")
    assert is_ats_domain("rippling-mail.com")
    assert is_ats_domain("us.greenhouse-mail.io")


def test_a_dinner_invitation_from_webmail_is_not_job_mail() -> None:
    result = analyse(
        MailMessage(
            None,
            None,
            "Robin Hale",
            "robin.hale@mail.com",
            "Dinner on Friday?",
            "Hi! Would you like to come over for dinner on Friday at 7? Sam is cooking. Robin",
        )
    )
    assert result.label == "not_job"


def test_vendor_names_and_robot_mailboxes_are_lower_case_words() -> None:
    for name in ("vendor_names", "robot_mailboxes"):
        assert all(entry == entry.strip().lower() and entry for entry in SENDERS[name]), name


def test_word_lists_are_lower_case_and_trimmed() -> None:
    for name, entries in WORDS.items():
        bad = [e for e in entries if e != e.strip().lower() or not e or "  " in e]
        assert not bad, f"{name}: {bad}"


def test_a_weak_job_word_is_a_job_word() -> None:
    assert set(WORDS["weak_body_stems"]) <= set(WORDS["body_stems"])


def test_cues_have_unique_names_known_hints_and_a_description() -> None:
    names = [cue.name for cue in CUES]
    assert len(names) == len(set(names))
    for cue in CUES:
        assert cue.hint in LABELS, cue.name
        assert cue.reads in ("stated", "all"), cue.name
        assert cue.about, cue.name


def test_every_cue_pattern_compiles_is_lower_case_and_is_listed_once() -> None:
    seen: set[str] = set()
    for entry in CUE_DATA["cue"]:
        for pattern in entry["patterns"]:
            re.compile(pattern)
            assert pattern not in seen, pattern
            seen.add(pattern)
            # the text is lower-cased before cues run: a capital could never match
            assert not re.search(r"(?<!\\)[A-Z]", pattern), pattern


def test_the_hypothetical_sentence_lists_compile() -> None:
    for name in ("sentence_starts", "clause_markers", "outcome_words"):
        for pattern in CUE_DATA["hypothetical"][name]:
            re.compile(pattern)


def test_a_strong_cue_points_to_job_mail() -> None:
    assert all(cue.hint != "not_job" for cue in CUES if cue.strong)


def test_the_gated_search_finds_exactly_what_searching_every_pattern_finds() -> None:
    texts = [
        "Unfortunately we have decided to move forward with other candidates.",
        "We have received your application and will review it within two weeks.",
        "Wir freuen uns, Sie zu einem Vorstellungsgespräch einzuladen. Leider ...",
        "Nous avons bien reçu votre candidature. Bonne continuation!",
        "Hemos recibido tu candidatura. Lamentablemente el puesto ya está cubierto.",
        "Je sollicitatie is in goede orde ontvangen; helaas is de vacature vervuld.",
    ]
    for text in texts:
        found = find_cues("", text).found
        lowered = text.lower()
        brute = {
            entry["name"]
            for entry in CUE_DATA["cue"]
            if any(re.search(p, lowered) for p in entry["patterns"])
        }
        assert set(found) - {"conditional_outcome"} == brute - {"conditional_outcome"}, text
