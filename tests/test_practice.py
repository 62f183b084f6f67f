"""The practice deck: stumbled questions and a few bank ones a day, scheduled with FSRS."""

from __future__ import annotations

import json
from datetime import timedelta
from typing import Any

import pytest

from bounceback.applications.services import add_application, record_event
from bounceback.practice import deck
from bounceback.practice.models import Card, Rating, Review
from bounceback.recovery.models import PracticeQuestion, StageReached
from bounceback.recovery.reflection import save_answer
from bounceback.recovery.services import record_rejection
from tests.clock import CURRENT_TIME, TODAY

pytestmark = pytest.mark.django_db


def _stumbled(owner: Any, *questions: str) -> None:
    app = add_application(
        owner, company="Acme", role="Analyst", applied_on=TODAY - timedelta(days=20)
    )
    rejection = record_rejection(app, stage_reached=StageReached.INTERVIEW)
    save_answer(rejection, "stumbled", "\n".join(questions))


def test_the_bank_is_data_with_a_stage_theme_and_hint_for_every_question() -> None:
    questions = deck.bank()
    assert len(questions) >= 20
    assert len({q.key for q in questions}) == len(questions)
    for q in questions:
        assert q.text.endswith("?") or q.text.endswith(".")
        assert set(q.stages) <= set(deck.STAGES) and q.stages and q.theme and q.hint


def test_every_stumbled_question_joins_the_deck_and_bank_questions_come_a_few_a_day(
    alice: Any, frozen_clock: Any
) -> None:
    _stumbled(alice, "Tell me about a disagreement", "Design an A/B test")
    ready = deck.due(alice)
    assert {c.text for c in ready if c.source == "stumbled"} == {
        "Tell me about a disagreement",
        "Design an A/B test",
    }
    assert sum(1 for c in ready if c.source == "bank") == deck.NEW_PER_DAY
    deck.due(alice)  # asking again the same day adds nothing
    assert Card.objects.filter(owner=alice).exclude(bank_key="").count() == deck.NEW_PER_DAY
    frozen_clock.shift(timedelta(days=1))
    deck.due(alice)  # yesterday's new questions are still untried: no more yet
    assert Card.objects.filter(owner=alice).exclude(bank_key="").count() == deck.NEW_PER_DAY
    for card in deck.due(alice):
        deck.rate(card.card, Rating.GOOD)
    deck.due(alice)
    assert Card.objects.filter(owner=alice).exclude(bank_key="").count() == 2 * deck.NEW_PER_DAY


def test_bank_questions_on_the_persons_own_themes_come_first(alice: Any) -> None:
    from bounceback.applications.services import add_application as add
    from bounceback.insights.models import Source, TagState, ThemeTag

    app = add(alice, company="Acme", role="Analyst", applied_on=TODAY - timedelta(days=9))
    record_event(app, "interview", occurred_on=TODAY - timedelta(days=2))
    ThemeTag.objects.create(
        owner=alice,
        theme="logistics",
        source=Source.SELF,
        application=app,
        state=TagState.CONFIRMED,
    )
    first = [c for c in deck.due(alice) if c.source == "bank"]
    assert {c.theme for c in first} == {"logistics"} or first[0].theme == "logistics"


def test_fsrs_brings_a_good_answer_back_later_than_one_that_needs_another_go(alice: Any) -> None:
    _stumbled(alice, "Why this role?", "Why you?")
    one, two = [c.card for c in deck.due(alice) if c.source == "stumbled"]
    deck.rate(one, Rating.AGAIN)
    deck.rate(two, "good")
    one.refresh_from_db()
    two.refresh_from_db()
    assert one.due < two.due and two.reviews == 1
    assert Review.objects.filter(owner=alice).count() == 2
    with pytest.raises(deck.UserError, match="Again, Hard, Good or Easy"):
        deck.rate(one, "brilliant")


def test_cards_come_forward_before_an_interview_at_the_same_stage(
    alice: Any, frozen_clock: Any
) -> None:
    _stumbled(alice, "Tell me about a disagreement")
    for card in deck.due(alice):
        deck.rate(card.card, Rating.EASY)
    assert deck.due(alice) == []
    deck.add_upcoming(alice, TODAY + timedelta(days=3), "interview")
    assert deck.due(alice) == []  # practised today already: once a day is enough
    frozen_clock.shift(timedelta(days=1))
    forward = [c for c in deck.due(alice) if c.before is not None]
    assert forward and forward[0].text == "Tell me about a disagreement"
    assert len(forward) <= deck.FORWARD_MAX
    assert all("interview" in c.stages for c in forward)


def test_an_interview_in_the_past_is_refused(alice: Any) -> None:
    with pytest.raises(deck.UserError, match="has passed"):
        deck.add_upcoming(alice, TODAY - timedelta(days=1), "interview")
    with pytest.raises(deck.UserError, match="screen, interview or final"):
        deck.add_upcoming(alice, TODAY, "astronaut")


def test_practice_due_json_lists_the_cards(cli: Any, alice: Any) -> None:
    _stumbled(alice, "Tell me about a disagreement")
    cards = json.loads(cli("practice", "--due", "--json").output)
    assert cards[0]["question"] == "Tell me about a disagreement"
    assert cards[0]["source"] == "stumbled" and cards[0]["stages"] == ["interview"]
    assert {"id", "due", "theme", "before_interview"} <= set(cards[0])


def test_the_interactive_practice_rates_each_card_and_stops_on_q(cli: Any, alice: Any) -> None:
    _stumbled(alice, "Tell me about a disagreement")
    result = cli("practice", input="\n3\n\nnope\n1\nq\n")
    assert result.exit_code == 0
    assert "Tell me about a disagreement" in result.output
    assert "Rate it Again, Hard, Good or Easy" in result.output
    assert "2 answers practised" in result.output
    assert Review.objects.filter(owner=alice).count() == 2


def test_the_page_shows_one_card_and_rating_it_works_without_javascript(
    alice: Any, alice_client: Any
) -> None:
    _stumbled(alice, "Tell me about a disagreement")
    page = alice_client.get("/practice/").content.decode()
    assert page.count('name="rating"') == 4 and "Say your answer out loud" in page
    card = deck.due(alice)[0].card
    answer = alice_client.post(f"/practice/{card.pk}/rate/", {"rating": "3"})
    assert answer.status_code == 302
    card.refresh_from_db()
    assert card.reviews == 1 and card.due > CURRENT_TIME


def test_a_question_of_ones_own_is_ready_at_once(alice: Any, alice_client: Any) -> None:
    alice_client.post("/practice/questions/", {"text": "Why did you leave?"})
    assert PracticeQuestion.objects.get(owner=alice).text == "Why did you leave?"
    assert "Why did you leave?" in [c.text for c in deck.due(alice)]


def test_practice_on_today_counts_the_cards_ready(alice: Any) -> None:
    from bounceback.recovery.today_items import collect

    _stumbled(alice, "Tell me about a disagreement")
    item = next(i for i in collect(alice) if i.area == "practice")
    assert item.title == f"Practise out loud: {1 + deck.NEW_PER_DAY} questions ready"


def test_the_bank_waits_until_interviews_are_part_of_the_search(alice: Any) -> None:
    add_application(alice, company="Acme", role="Analyst")
    assert deck.due(alice) == []
    deck.add_upcoming(alice, TODAY + timedelta(days=10), "screen")
    assert len(deck.due(alice)) == deck.NEW_PER_DAY
