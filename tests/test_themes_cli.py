"""`bounceback themes`: the app's tagger on standard input, for people and scripts alike."""

from __future__ import annotations

import json
from typing import Any

import pytest

from bounceback.insights.models import ThemeTag

pytestmark = pytest.mark.django_db


def test_json_lists_each_suggested_theme_with_its_name_and_the_words_behind_it(cli: Any) -> None:
    result = cli(
        "themes", "--json", input="I was so nervous, and I hadn’t researched the company at all."
    )
    assert result.exit_code == 0, result.output
    themes = {t["slug"]: t for t in json.loads(result.output)["themes"]}
    assert set(themes) == {"communication", "preparation"}
    assert themes["preparation"]["name"] == "Preparation and company research"
    assert "hadn’t researched" in themes["preparation"]["words"]
    assert 0.5 < themes["preparation"]["probability"] <= 1


def test_a_text_that_touches_no_theme_gives_an_empty_list(cli: Any) -> None:
    result = cli("themes", "--json", input="I would explain how I ran the tests.")
    assert result.exit_code == 0 and json.loads(result.output) == {"themes": []}
    assert "No theme found" in cli("themes", input="I would explain how I ran the tests.").output


def test_without_json_a_short_readable_list(cli: Any) -> None:
    result = cli("themes", input="They went with an internal candidate after a hiring freeze.")
    assert result.exit_code == 0
    assert "Stronger competition or an internal candidate" in result.output
    assert "“internal candidate”" in result.output and "confirm" in result.output


@pytest.mark.parametrize("text", ["", "   \n\n"])
def test_empty_input_is_a_clear_message_and_exit_one(cli: Any, text: str) -> None:
    result = cli("themes", "--json", input=text)
    assert result.exit_code == 1
    assert "There was no text to read" in result.output and "bounceback themes" in result.output


def test_a_very_long_text_is_refused_with_the_reason(cli: Any) -> None:
    result = cli("themes", input="word " * 5000)
    assert result.exit_code == 1 and "one reflection answer" in result.output


def test_your_own_themes_are_suggested_too_and_nothing_is_saved(cli: Any, alice: Any) -> None:
    from bounceback.accounts.services import local_user
    from bounceback.insights.own_themes import add_theme

    add_theme(local_user(), name="Portfolio", triggers=["portfolio"])
    result = cli("themes", "--json", input="They asked for my portfolio and I had none.")
    themes = {t["slug"]: t for t in json.loads(result.output)["themes"]}
    assert themes["portfolio"]["words"] == ["portfolio"]
    assert themes["portfolio"]["probability"] is None
    assert not ThemeTag.objects.exists()
