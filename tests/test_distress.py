"""The distress matcher: catches crisis language in the writer's own voice, leaves job-search talk alone."""

from __future__ import annotations

import ast
import importlib.util
import sys
from pathlib import Path
from typing import Any

import pytest

from bounceback.lib import distress
from bounceback.lib.distress import detect

ROOT = Path(__file__).resolve().parents[1]


def _evaluator() -> Any:
    spec = importlib.util.spec_from_file_location(
        "evaluate_distress", ROOT / "scripts" / "evaluate_distress.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["evaluate_distress"] = module
    spec.loader.exec_module(module)
    return module


def test_the_labelled_set_is_large_and_varied_enough_to_mean_something() -> None:
    cases = _evaluator().load()
    positives = [c for c in cases if c["distress"]]
    negatives = [c for c in cases if not c["distress"]]
    assert len(positives) >= 120 and len(negatives) >= 200
    assert len({c["text"] for c in cases}) == len(cases), "no duplicated sentences"
    assert {c["split"] for c in cases} == {"tune", "holdout1", "holdout2", "holdout3", "holdout4"}


def test_recall_and_false_positive_rate_stay_where_they_were_measured() -> None:
    scores = _evaluator().evaluate(_evaluator().load())
    assert scores["all"].recall >= 0.95, scores["all"].missed
    assert scores["all"].false_positive_rate <= 0.03, scores["all"].wrongly_flagged
    # The batch never tuned on (measured 0.900 / 0.000): a change must not make it worse.
    assert scores["holdout4"].recall >= 0.9, scores["holdout4"].missed
    assert scores["holdout4"].false_positive_rate <= 0.03


@pytest.mark.parametrize(
    "text",
    [
        "I want to kill myself",
        "no point in going on",
        "Everyone would be better off without me.",
        "I want to disappear forever",
        "i wanna DIE",
        "I'm sucidal",
        "Another rejection.\nI don't want to be alive anymore.",
        "I keep thinking about ending it all",
        "I\u2019ve been cutting myself again",
    ],
)
def test_it_catches_the_real_thing_however_it_is_written(text: str) -> None:
    assert detect(text)


@pytest.mark.parametrize(
    "text",
    [
        "I killed it in the interview",
        "this commute is killing me",
        "stuck in a dead-end job",
        "I'd kill for that role",
        "the project died",
        "I'm dying to hear back",
        "shoot me an email",
        'My favourite line from the film is "I want to die" and I quote it too much.',
        "The news said suicide rates rose in the recession.",
        "My friend said she wanted to die after her layoff.",
        "Applying there would be career suicide.",
        "",
    ],
)
def test_it_leaves_ordinary_job_search_talk_alone(text: str) -> None:
    assert not detect(text)


def test_the_matcher_is_pure_python_with_no_django_and_no_network() -> None:
    tree = ast.parse(Path(distress.__file__).read_text(encoding="utf-8"))
    imported = {
        alias.name.split(".")[0]
        for node in ast.walk(tree)
        if isinstance(node, ast.Import | ast.ImportFrom)
        for alias in (
            node.names if isinstance(node, ast.Import) else [ast.alias(node.module or "")]
        )
    }
    assert imported <= {"__future__", "re", "unicodedata"}
