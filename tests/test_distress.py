"""The distress matcher: catches crisis language of every kind, leaves job-search talk alone."""

from __future__ import annotations

import ast
import importlib.util
import json
import re
import sys
import tomllib
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from bounceback.lib import distress
from bounceback.lib.distress import detect, matches, model, phrases

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = Path(distress.__file__).parent
KINDS = {
    "direct", "passive", "burden", "hopeless", "self_harm", "means", "plan", "farewell", "affairs",
}  # fmt: skip


def _evaluator() -> Any:
    spec = importlib.util.spec_from_file_location(
        "evaluate_distress", ROOT / "scripts" / "evaluate_distress.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["evaluate_distress"] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def evaluator() -> Any:
    return _evaluator()


def _raw() -> dict[str, Any]:
    return tomllib.loads(phrases.DATA.read_text(encoding="utf-8"))


# --- the figures the tuned sets must keep (the blind set is only ever read by the script) ---


def test_the_training_set_stays_caught_kind_by_kind(evaluator: Any) -> None:
    scores = evaluator.evaluate(evaluator.load(evaluator.distress_corpus.TRAIN.path))
    assert scores["all"].recall >= 0.98, scores["all"].missed
    assert scores["all"].false_alarm_rate <= 0.05, scores["all"].wrongly_flagged
    for kind in KINDS | {"texting"}:
        assert scores[kind].recall >= 0.9, (kind, scores[kind].missed)


def test_the_team_written_extra_lines_stay_caught_and_calm(evaluator: Any) -> None:
    rows = evaluator.load(evaluator.distress_corpus.EXTRA.path)
    assert len({r["text"] for r in rows}) == len(rows), "no duplicated sentences"
    assert all(r["writer"] == "team" for r in rows), "marked as team-written, not blind"
    scores = evaluator.evaluate(rows)
    assert scores["all"].recall >= 0.95, scores["all"].missed
    assert scores["all"].false_alarm_rate <= 0.10, scores["all"].wrongly_flagged


def test_the_hand_written_cases_stay_where_they_were_measured(evaluator: Any) -> None:
    cases = evaluator.load(evaluator.distress_corpus.CASES.path)
    assert len({c["text"] for c in cases}) == len(cases), "no duplicated sentences"
    scores = evaluator.evaluate(cases)
    assert scores["all"].recall >= 0.98, scores["all"].missed
    assert scores["all"].false_alarm_rate <= 0.06, scores["all"].wrongly_flagged


def test_ordinary_reflection_answers_rarely_bring_up_the_help(evaluator: Any) -> None:
    scores = evaluator.evaluate(evaluator.load(evaluator.distress_corpus.REFLECTIONS.path))
    assert scores["all"].negatives >= 500
    assert scores["all"].false_alarm_rate <= 0.03, scores["all"].wrongly_flagged


def _blind_folder(
    tmp_path: Path, evaluator: Any, monkeypatch: Any, numbers: list[int]
) -> dict[str, str]:
    """A blind folder with the first blind set and crisis-eval-N for each N; their lines."""
    lines = {"blind": "Zebra-lantern sentence one: I want to kill myself."}
    rows = [
        {"text": lines["blind"], "crisis": False, "kind": "ordinary"},  # a mistake, if listed
    ]
    (tmp_path / "crisis-eval.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows))
    for n in numbers:
        crisis = f"Quokka-harbour{n} line: i've got the pills saved up for tonight."
        calm = f"Walrus-meadow{n} line: killed it in the interview."
        lines[f"crisis-eval-{n}"] = crisis
        rows = [
            {"text": crisis, "crisis": True, "kind": "means"},
            {"text": f"Otter-lamp{n} line: I want to die.", "crisis": True, "kind": "direct"},
            {"text": calm, "crisis": False, "kind": "hyperbole"},
            {"text": f"Heron-kettle{n} line: Bought milk and bread.", "crisis": False,
             "kind": "ordinary"},
        ]  # fmt: skip
        (tmp_path / f"crisis-eval-{n}.jsonl").write_text(
            "".join(json.dumps(r) + "\n" for r in rows)
        )
    # A small training file stands in for the real ones, so each run takes a moment.
    training = tmp_path / "training.jsonl"
    training.write_text(
        json.dumps({"text": "I want to die.", "crisis": True, "kind": "direct"}) + "\n"
    )
    corpus = evaluator.distress_corpus
    monkeypatch.setattr(evaluator, "TRAINING", (corpus.Corpus("train", training, "trained on"),))
    monkeypatch.setattr(evaluator, "ROOT", tmp_path)
    monkeypatch.setattr(evaluator, "BLIND_DIR", tmp_path)
    monkeypatch.setattr(
        evaluator,
        "FIRST_BLIND",
        evaluator.distress_corpus.Corpus("blind", tmp_path / "crisis-eval.jsonl", "read before"),
    )
    return lines


def _run(evaluator: Any, monkeypatch: Any, capsys: Any, flags: list[str]) -> str:
    monkeypatch.setattr(sys, "argv", ["evaluate_distress.py", *flags])
    evaluator.main()
    return str(capsys.readouterr().out)


@pytest.mark.parametrize("flags", [["-v"], ["--json", "-v"]])
def test_the_evaluation_never_prints_a_blind_sentence(
    evaluator: Any, tmp_path: Path, monkeypatch: Any, capsys: Any, flags: list[str]
) -> None:
    # Blind sets whose lines would be listed as mistakes if any list reached the output.
    lines = _blind_folder(tmp_path, evaluator, monkeypatch, [3, 4])
    printed = _run(evaluator, monkeypatch, capsys, flags)
    assert "crisis-eval-4" in printed  # the figures are there
    for text in lines.values():
        assert text.split(" ")[0] not in printed
    for n in (3, 4):
        for word in ("Otter-lamp", "Walrus-meadow", "Heron-kettle"):
            assert f"{word}{n}" not in printed


def test_the_newest_blind_set_not_trained_on_is_the_honest_figure_by_kind(
    evaluator: Any, tmp_path: Path, monkeypatch: Any, capsys: Any
) -> None:
    # crisis-eval-2 and -3 are training data; crisis-eval-4 and -5 are not: the newest counts.
    _blind_folder(tmp_path, evaluator, monkeypatch, [2, 3, 4, 5])
    printed = _run(evaluator, monkeypatch, capsys, ["--json"])
    honest = json.loads(printed)["honest"]
    assert honest["set"] == "crisis-eval-5.jsonl"
    assert honest["crisis"] == 2 and honest["ordinary"] == 2
    # Recall by crisis kind, false alarms by ordinary kind, each as [caught or alarms, total].
    assert set(honest["recall_by_kind"]) == {"means", "direct"}
    assert set(honest["false_alarms_by_kind"]) == {"hyperbole", "ordinary"}
    assert honest["recall_by_kind"]["direct"] == [1, 1]  # "I want to die" is always caught
    assert honest["false_alarms_by_kind"]["ordinary"] == [0, 1]
    text = _run(evaluator, monkeypatch, capsys, [])
    assert "THE HONEST FIGURE: crisis-eval-5.jsonl" in text
    assert "recall by crisis kind" in text and "false alarms by ordinary kind" in text


def test_with_no_unread_blind_set_the_evaluation_says_no_figure_is_honest(
    evaluator: Any, tmp_path: Path, monkeypatch: Any, capsys: Any
) -> None:
    _blind_folder(tmp_path, evaluator, monkeypatch, [2, 3])  # both are training data
    text = _run(evaluator, monkeypatch, capsys, [])
    assert "No unread blind set: corpus/blind/crisis-eval-4.jsonl is not here yet" in text
    assert "THE HONEST FIGURE" not in text
    honest = json.loads(_run(evaluator, monkeypatch, capsys, ["--json"]))["honest"]
    assert honest["set"] is None and "crisis-eval-4.jsonl" in honest["note"]


def test_skipping_the_blind_sets_reads_neither(
    evaluator: Any, tmp_path: Path, monkeypatch: Any, capsys: Any
) -> None:
    _blind_folder(tmp_path, evaluator, monkeypatch, [4])
    text = _run(evaluator, monkeypatch, capsys, ["--skip-blind"])
    assert "crisis-eval-4" not in text and "crisis-eval:" not in text
    assert "no honest figure this run" in text


def test_both_scripts_train_and_measure_the_one_list_of_files(evaluator: Any) -> None:
    train = _trainer()
    corpus = evaluator.distress_corpus
    assert tuple(c.path for c in corpus.TRAINING) == train.SOURCES
    assert corpus.TRAINING == evaluator.TRAINING
    # crisis-eval-3 was measured once after round 3, then joined the training data.
    assert corpus.EVAL3 in corpus.TRAINING and "eval3" in train.WRITERS
    assert corpus.expected_honest_name() == "crisis-eval-4.jsonl"


# --- what it catches, and what it says it found ---


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("I want to kill myself", "direct"),
        ("i wanna DIE", "direct"),
        ("I wish I could go to sleep and not wake up.", "passive"),
        ("Everyone would be better off without me.", "burden"),
        ("There's nothing left to live for.", "hopeless"),
        ("I cut again last night.", "self_harm"),
        ("Hitting myself helps, weirdly.", "self_harm"),
        ("I've been saving up my tablets for weeks.", "means"),
        ("Looked up how much it would take.", "means"),
        ("Friday is the day.", "plan"),
        ("I know how I'd do it.", "plan"),
        ("This is my last note. Thank you for everything.", "farewell"),
        ("Wrote my will and found someone to take the dog for good.", "affairs"),
        ("Another rejection.\nI don't want to be alive anymore.", "passive"),
    ],
)
def test_it_catches_each_kind_and_says_which_kind_it_found(text: str, kind: str) -> None:
    found = matches(text)
    assert found, text
    assert found[0].kind == kind
    assert found[0].words and found[0].source in {"phrase", "model"}


@pytest.mark.parametrize(
    "text",
    [
        "idw to be here anymore",
        "kms",
        "cant do this anymore fr, done w everything",
        "gonna kms tonight fr not joking",
        "no1 wud miss me tbh",
        "I\u2019ve been cutting myself again",
        "I'm sucidal",
    ],
)
def test_it_reads_texting_style(text: str) -> None:
    assert detect(text)


@pytest.mark.parametrize(
    "text",
    [
        "I killed it in the interview",
        "this commute is killing me",
        "stuck in a dead-end job",
        "I'd rather die than do another group interview.",
        "This cover letter is going to be the death of me.",
        "Dead tired after the assessment day.",
        "If I die in this waiting room, tell HR I was a strong culture fit.",
        "I feel useless today.",
        "I cried after the call.",
        "Applied for a role in suicide prevention.",
        "The nurse post on the self-harm ward pays better.",
        "They want me to present how I'd execute a plan for my first ninety days.",
        'My favourite line from the film is "I want to die" and I quote it too much.',
        "My friend said she wanted to die after her layoff.",
        "Applying there would be career suicide.",
        "I cut myself shaving before the interview.",
        "",
    ],
)
def test_it_leaves_ordinary_job_search_talk_alone(text: str) -> None:
    assert not detect(text), matches(text)


# --- specifications by kind (issue 12: the kinds the acceptance set found missed) ---

BY_KIND = {
    "self_harm": [
        "Cut myself again on Tuesday, third time this month.",
        "i used to cut and last night i did it again",
        "I burn my arm when the rejections come, it's a habit now.",
        "Punched the wall on purpose till my knuckles bled.",
    ],
    "means": [
        "I've been keeping my tablets instead of taking them.",
        "Bought a rope on the way home. It's in the boot.",
        "Looked up how many paracetamol would be enough.",
        "There's a box of blades hidden under my bed, just in case.",
    ],
    "plan": [
        "Saturday night is when I'll do it.",
        "I've picked the bridge and the time.",
        "gonna do it tonight when the house is empty",
        "When mum goes on holiday, that's when.",
    ],
    "farewell": [
        "This is my last entry. Thank you for trying with me.",
        "By the time you read this I won't be here.",
        "Goodbye everyone, I love you all.",
        "Tell my brother I loved him and I'm sorry.",
    ],
    "affairs": [
        "Wrote my will last night and left it on the desk.",
        "Found someone to take the dog permanently.",
        "I've been giving my things away so nobody has to sort them after.",
        "Sorted my passwords and bank details for my sister for when I'm gone.",
    ],
    "passive": [
        "I hope I don't wake up tomorrow.",
        "I just want to stop existing.",
        "wish i could disappear forever",
        "I'd be fine if I never woke up.",
    ],
    "burden": [
        "I'm a burden to everyone who loves me.",
        "My family would be better off without me.",
        "They'd be happier if I wasn't around.",
        "I'm just dead weight to them now.",
    ],
    "texting": [
        "kms fr",
        "idw to b here anymore",
        "every1 wud be better off w/o me",
        "im tryna not unalive myself tbh",
        "cant do this anymore, wanna die",
    ],
}


@pytest.mark.parametrize(
    ("kind", "text"), [(kind, text) for kind, texts in BY_KIND.items() for text in texts]
)
def test_crisis_language_of_each_kind_brings_up_the_help(kind: str, text: str) -> None:
    assert detect(text), (kind, text)


CALM_LINES = [
    "I'd never hurt myself, I just need a quiet weekend.",
    "I'm not a burden, I'm between jobs.",
    "I don't want to wake up early for that commute.",
    "The recruiter said goodbye and wished me luck.",
    "I'll do it tomorrow after the interview.",
    "Tonight's the night I finally finish my portfolio!",
    "Sent four applications, then made soup.",
    "Gutted about the rejection, going for a run.",
    "The role is in a suicide prevention charity's fundraising team.",
    "That panel interview nearly killed me, but I got through it.",
    "My last day at the shop is Friday, then the new job starts.",
]


@pytest.mark.parametrize("text", CALM_LINES)
def test_ordinary_lines_that_share_words_with_crisis_stay_calm(text: str) -> None:
    assert not detect(text), matches(text)


def test_a_phrase_denied_by_the_word_before_it_is_not_a_match() -> None:
    assert phrases.negated("i'd never hurt myself", len("i'd never "))
    assert not phrases.negated("i hurt myself", len("i "))


def test_texting_forms_are_written_out_before_matching() -> None:
    assert phrases.normalise("every1 tryna imma") == "everyone trying to i'm going to"


def test_spoken_and_dialect_spellings_are_written_out_too() -> None:
    assert phrases.normalise("ded tired, mi cyaan go on, nuttin fi live for") == (
        "dead tired, i can't go on, nothing to live for"
    )
    # Only where the dialect word stands in for one: "mi" and "fi" elsewhere stay as typed.
    assert phrases.normalise("do re mi fa") == "do re mi fa"


def test_the_model_reads_what_a_sentence_is_about_not_only_its_words() -> None:
    def held(text: str) -> set[str]:
        sentence = " ".join(phrases.sentences(text))
        return set(model.concepts(model._WORD.findall(sentence), sentence))

    # Wishing it would happen, keeping it hidden, no way back: said in words no phrase lists.
    assert "k:death+wish" not in held("hoping for sunshine at the picnic")
    assert {"k:death", "k:wish"} <= held("secretly hoping i don't wake up")
    assert {"k:means", "k:secret"} <= held("bought extra boxes at the chemist so they wouldn't ask")
    assert {"k:final", "k:plan"} <= held("picked the weekend, then that'll be that")
    # A job about crisis work is job talk: its dark concepts learn apart ("j:harm").
    assert "j:harm" in model.features("interview for the self-harm ward post")


def test_the_model_reads_negation_and_joking_as_cues_not_verdicts() -> None:
    found = model.features("i'm not suicidal lol")
    assert "n:suicidal" in found and "w:suicidal" in found
    assert "q:joke" in found


# --- the phrase data ---


def test_every_phrase_compiles_and_every_kind_is_one_of_the_guides() -> None:
    data = _raw()
    assert set(data["kinds"]) == KINDS
    compiled = phrases.parse(data)
    assert all(compiled.kinds[kind] for kind in KINDS)
    assert compiled.calm and compiled.spelling


def test_no_phrase_is_listed_twice() -> None:
    data = _raw()
    everything = [p for patterns in data["kinds"].values() for p in patterns]
    everything += data["calm"]["patterns"] + [p for p, _ in data["spelling"]["fixes"]]
    repeated = [p for p, n in Counter(everything).items() if n > 1]
    assert not repeated


def test_a_macro_is_only_used_where_it_exists() -> None:
    data = _raw()
    for patterns in data["kinds"].values():
        for pattern in patterns:
            expanded = phrases.expand(pattern, data["macros"])
            assert not re.search(r"\$[A-Z_]+", expanded), pattern


def test_no_calm_idiom_blanks_out_a_crisis_sentence_from_the_training_set(evaluator: Any) -> None:
    """A calm pattern that swallowed real crisis words would hide them from both halves."""
    calm = phrases.phrases().calm
    for row in evaluator.load(evaluator.distress_corpus.TRAIN.path):
        if row["crisis"]:
            text = phrases.normalise(row["text"])
            blanked = [p.pattern for p in calm if p.search(text)]
            assert not blanked, (row["text"], blanked)


def test_a_bad_phrase_is_named_in_the_error() -> None:
    data = _raw()
    data["kinds"]["plan"] = ["(unclosed"]
    with pytest.raises(re.error, match="unclosed"):
        phrases.parse(data)


# --- the model ---


def test_the_shipped_model_knows_the_kinds_and_has_one_threshold() -> None:
    shipped = model.model()
    assert shipped is not None
    assert shipped.classes[0] == model.CALM
    assert set(shipped.classes[1:]) <= KINDS | {"texting"}
    assert 0.0 < shipped.threshold < 1.0
    assert shipped.weights.shape == (len(shipped.names), len(shipped.classes))


def test_the_model_says_which_words_weighed_most() -> None:
    shipped = model.model()
    assert shipped is not None
    judged = shipped.judge(phrases.calm(phrases.normalise("i have nothing to live for")))
    assert judged is not None
    kind, words = judged
    assert kind in KINDS | {"texting"} and words


def test_the_training_script_learns_a_model_the_matcher_can_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    spec = importlib.util.spec_from_file_location(
        "train_distress", ROOT / "scripts" / "train_distress.py"
    )
    assert spec and spec.loader
    train = importlib.util.module_from_spec(spec)
    sys.modules["train_distress"] = train  # its dataclasses look their module up by name
    spec.loader.exec_module(train)
    monkeypatch.setattr(train, "STEPS", 60)
    texts = ["i want to die", "i want to end it all", "great interview today", "sent my cv"] * 2
    labels = ["direct", "direct", "calm", "calm"] * 2
    data = train.fit([train.text_of(t) for t in texts], labels, ["calm", "direct"])
    weights = tmp_path / "model.json"
    np.save(weights.with_suffix(".npy"), data.pop("weights"))
    weights.write_text(json.dumps({"threshold": 0.5, **data}), encoding="utf-8")
    learnt = model.load(weights)
    assert learnt.crisis_probability("i want to die") > learnt.crisis_probability("sent my cv")


def _trainer() -> Any:
    spec = importlib.util.spec_from_file_location(
        "train_distress", ROOT / "scripts" / "train_distress.py"
    )
    assert spec and spec.loader
    train = importlib.util.module_from_spec(spec)
    sys.modules["train_distress"] = train  # its dataclasses look their module up by name
    spec.loader.exec_module(train)
    return train


def _held_out(crisis: list[float], ordinary: list[float], reflections: list[float]) -> Any:
    train = _trainer()
    line = train.HeldOut
    lines = [line("eval2", "plan", True, p, False) for p in crisis]
    lines += [line("cases", "tune", False, p, False) for p in ordinary]
    lines += [line("reflections", "reflection", False, p, False) for p in reflections]
    return train.pick_threshold(lines)


def test_the_threshold_is_the_highest_that_still_catches_nineteen_crises_in_twenty() -> None:
    chosen = _held_out([0.9] * 19 + [0.3], [0.1] * 10, [0.1] * 20)
    # Every threshold up to 0.90 catches 19 of 20 (0.95): the highest costs the fewest alarms.
    assert chosen.threshold == 0.9
    assert chosen.recall == 0.95 and chosen.binds == "recall"


def test_when_catching_enough_would_alarm_too_often_the_ordinary_budget_binds() -> None:
    chosen = _held_out([0.9] * 18 + [0.3] * 2, [0.1] * 8 + [0.35] * 2, [0.1] * 20)
    # 0.30 would catch 19 in 20 but alarm on two ordinary lines in ten (over 0.10).
    assert chosen.threshold == 0.36
    assert chosen.recall == 0.9 and "ordinary" in chosen.binds


def test_long_reflections_have_their_own_tighter_budget() -> None:
    chosen = _held_out([0.9] * 18 + [0.3] * 2, [0.1] * 10, [0.1] * 18 + [0.35] * 2)
    assert chosen.threshold == 0.36 and "reflections" in chosen.binds
    assert chosen.reflection_alarms == 0.0


def test_the_matcher_needs_no_django_no_network_and_no_scikit_learn() -> None:
    allowed = {
        "__future__", "re", "unicodedata", "tomllib", "json", "dataclasses", "functools",
        "pathlib", "typing", "math", "numpy", "bounceback",
    }  # fmt: skip
    for path in PACKAGE.glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        imported = {
            alias.name.split(".")[0]
            for node in ast.walk(tree)
            if isinstance(node, ast.Import | ast.ImportFrom)
            for alias in (
                node.names if isinstance(node, ast.Import) else [ast.alias(node.module or "")]
            )
        }
        assert imported <= allowed, (path.name, imported - allowed)


def test_a_ceiling_from_a_writer_held_out_whole_lowers_a_flattering_threshold() -> None:
    train = _trainer()
    line = train.HeldOut
    lines = [line("eval2", "plan", True, p, False) for p in [0.9] * 19 + [0.3]]
    lines += [line("cases", "tune", False, p, False) for p in [0.1] * 10]
    chosen = train.pick_threshold(lines, ceiling=0.5)
    # Pooled recall would allow 0.90; what a writer never seen needs says 0.50.
    assert chosen.threshold == 0.5 and "held out whole" in chosen.binds
