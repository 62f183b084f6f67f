"""The mail evaluation: honest sets, no leaks from the frozen split, and floors it must keep."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bounceback.lib.mail.corpora import find_set, labelled_sets, load, training_sets
from bounceback.lib.mail.evaluation import evaluate, same, table

# Recorded from the run at the end of issue 12 (scripts/evaluate_mail.py: accuracy 0.869,
# macro-F1 0.849, company 0.762, stage 0.800, 2 of 89 filings without asking wrong), a
# little under it: CI fails when the frozen split falls below them. Raise them when the
# recogniser improves; never lower them to let a change through. Raised after round 11
# (branch mail11: accuracy 0.875, macro-F1 0.852, company 0.775, stage 0.809, 3 of 94
# filings without asking wrong).
FROZEN_FLOORS = {
    "accuracy": 0.855,
    "macro_f1": 0.83,
    "company": 0.755,
    "stage": 0.785,
}
FROZEN_WRONG_FILINGS_AT_MOST = 0.035  # share of the messages filed without asking


@pytest.fixture(scope="module")
def frozen() -> dict[str, object]:
    result = evaluate([find_set("mail-frozen")], verbose=True, overrides=False)
    return result.reports[0].as_dict()


def test_the_frozen_split_keeps_its_recorded_floor(frozen: dict[str, object]) -> None:
    assert frozen["accuracy"] >= FROZEN_FLOORS["accuracy"]
    assert frozen["macro_f1"] >= FROZEN_FLOORS["macro_f1"]
    fields = frozen["fields"]
    assert isinstance(fields, dict)
    for name in ("company", "stage"):
        right, n = fields[name]["right"], fields[name]["n"]
        assert right / n >= FROZEN_FLOORS[name], name
    filed, wrong = frozen["auto_filed"], frozen["wrong_auto_filed"]
    assert isinstance(filed, int) and isinstance(wrong, int)
    assert wrong <= FROZEN_WRONG_FILINGS_AT_MOST * filed


def test_the_frozen_split_is_only_ever_summed_up(frozen: dict[str, object]) -> None:
    # Asked for every mistake, the evaluation still gives none of the frozen split's.
    assert "mistakes" not in frozen
    assert ".eml" not in json.dumps(frozen) and ".txt" not in json.dumps(frozen)


def test_sets_the_team_may_read_list_their_mistakes_on_request() -> None:
    result = evaluate([find_set("handwritten")], verbose=True, overrides=False)
    report = result.reports[0]
    assert all({"file", "field", "expected", "got"} <= set(m) for m in report.mistakes)


def test_every_set_is_printed_side_by_side_with_the_overrides_effect() -> None:
    result = evaluate([find_set("variety")])
    text = table(result)
    assert "variety" in text
    assert "wrong" in text and "sent to review" in text
    assert all(row["override"] in text for row in result.overrides)


def test_a_new_blind_batch_is_picked_up_and_kept_private(tmp_path: Path) -> None:
    (tmp_path / "handwritten").mkdir()
    (tmp_path / "handwritten" / "labels.jsonl").write_text("", encoding="utf-8")
    for name in ("mail-blind-12", "mail-blind-2", "mail-blind-9", "mail-train", "not-a-set"):
        folder = tmp_path / "blind" / name
        folder.mkdir(parents=True)
        (folder / "labels.jsonl").write_text("", encoding="utf-8")
    found = [(s.name, s.use, s.private) for s in labelled_sets(tmp_path)]
    assert found == [
        ("handwritten", "tuned", False),
        ("mail-train", "train", False),
        ("mail-blind-2", "blind", True),
        ("mail-blind-9", "read", False),
        ("mail-blind-12", "blind", True),
    ]


def test_a_measured_blind_batch_is_training_data_and_an_unread_one_never_is(
    tmp_path: Path,
) -> None:
    for name in ("mail-frozen", "mail-blind-9", "mail-blind-12"):
        folder = tmp_path / "blind" / name
        folder.mkdir(parents=True)
        (folder / "labels.jsonl").write_text("", encoding="utf-8")
    assert [s.name for s in training_sets(tmp_path)] == ["mail-blind-9"]
    read = find_set("mail-blind-9", tmp_path)
    assert read.shown_as == "read: training" and not read.private


def test_a_pasted_text_in_a_set_is_read_as_pasted_text(tmp_path: Path) -> None:
    folder = tmp_path / "blind" / "mail-blind-1"
    folder.mkdir(parents=True)
    (folder / "a.txt").write_text(
        "Subject: Your application\n\nUnfortunately we will not be moving forward.",
        encoding="utf-8",
    )
    (folder / "labels.jsonl").write_text(
        json.dumps({"file": "a.txt", "label": "rejection"}) + "\n", encoding="utf-8"
    )
    (blind,) = labelled_sets(tmp_path)
    (example,) = load(blind)
    assert example.pasted is not None and example.message is None


@pytest.mark.parametrize(
    ("expected", "got", "right"),
    [
        ("application", "unknown", True),  # the text does not show the stage
        ("application", "application", True),
        ("offer", "final", True),  # an offer taken back: the furthest stage the app records
        ("interview", "unknown", False),
        ("screen", "interview", False),
    ],
)
def test_how_a_stage_counts_as_right(expected: str, got: str, right: bool) -> None:
    assert same("stage", expected, got) is right


def test_names_match_the_way_the_importer_matches_them() -> None:
    assert same("company", "Oxbow Partners", "Oxbow")
    assert same("company", "Acme Ltd", "ACME")
    assert not same("company", "Saltbush Hotel Group", "Saltbush Hotels")
    assert same("contact_name", "Gemma Ruiz", "Gemma")
    assert same("role", None, None) and not same("role", "Analyst", None)
