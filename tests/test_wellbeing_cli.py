"""`bounceback checkin` and `bounceback help-now`."""

from __future__ import annotations

import json
import logging
from typing import Any

import pytest

from bounceback.wellbeing.models import CheckIn

pytestmark = pytest.mark.django_db


def test_checkin_saves_mood_tags_and_note(cli: Any) -> None:
    result = cli("checkin", "--mood", "4", "--tag", "exercised", "--note", "Long walk")
    assert result.exit_code == 0, result.output
    saved = CheckIn.objects.get()
    assert (saved.mood, saved.tags, saved.note) == (4, ["exercised"], "Long walk")
    assert "Saved: 4" in result.output and "Long walk" not in result.output


def test_checkin_prints_json_without_the_note(cli: Any) -> None:
    data = json.loads(cli("checkin", "--mood", "2", "--note", "meh", "--json").output)
    assert data["mood"] == 2 and data["private"] is True and "note" not in data
    assert "support" not in data


@pytest.mark.parametrize("mood", ["0", "6", "nine"])
def test_a_mood_outside_one_to_five_is_a_clear_error(cli: Any, mood: str) -> None:
    result = cli("checkin", "--mood", mood)
    assert result.exit_code == 1
    assert "1 (rough) to 5 (really good)" in " ".join(result.output.split())
    assert not CheckIn.objects.exists()


def test_an_unknown_tag_lists_the_known_ones(cli: Any) -> None:
    result = cli("checkin", "--mood", "3", "--tag", "gym")
    assert result.exit_code == 1 and "exercised" in result.output
    assert not CheckIn.objects.exists()


def test_without_a_mood_and_no_keyboard_it_says_what_to_do(cli: Any) -> None:
    result = cli("checkin", "--note", "hi")
    assert result.exit_code == 1 and "--mood" in result.output


def test_crisis_words_in_the_note_save_and_print_the_lines_calmly(
    cli: Any, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    note = "I don't want to be alive anymore"
    result = cli("checkin", "--mood", "1", "--note", note)
    assert result.exit_code == 0
    assert CheckIn.objects.get().note == note
    assert "988" in result.output and "116 123" in result.output
    assert note not in result.output and note not in caplog.text


def test_crisis_words_with_json_keep_stdout_parseable(cli: Any) -> None:
    result = cli("checkin", "--mood", "1", "--note", "I want to kill myself", "--json")
    data = json.loads(result.stdout)
    assert data["support"]["lines"][0]["how"].startswith("Call or text 988")


def test_interactive_checkin_asks_for_each_part(cli: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("bounceback.cli.wellbeing._at_keyboard", lambda: True)
    result = cli("checkin", input="5\nsaw-friends, outside\nLunch with Jo\n")
    assert result.exit_code == 0, result.output
    saved = CheckIn.objects.get()
    assert (saved.mood, saved.tags, saved.note) == (5, ["saw-friends", "outside"], "Lunch with Jo")


def test_help_now_prints_the_lines_and_json(cli: Any) -> None:
    text = " ".join(cli("help-now").output.split())  # Rich wraps to the terminal width
    assert "988" in text and "116 123" in text and "findahelpline.com" in text
    assert "not an emergency service" in text
    data = json.loads(cli("help-now", "--json").output)
    assert data["last_verified"] and len(data["lines"]) == 3
