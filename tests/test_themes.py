"""Themes: the taxonomy as data, an explainable tagger, tags kept apart by source and fixable in one click."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest

from bounceback.applications.services import add_application
from bounceback.insights.models import Source, TagState, ThemeTag
from bounceback.insights.tagging import retag_all
from bounceback.lib.themes import Tagger, builtin_data, builtin_themes, normalise
from bounceback.recovery.models import Feedback
from bounceback.recovery.reflection import save_answer
from bounceback.recovery.services import record_rejection
from tests.clock import TODAY

REQUIRED = {
    "core-skill",
    "examples",
    "communication",
    "preparation",
    "experience-gap",
    "fit",
    "logistics",
    "competition",
    "process",
}


def tagger() -> Tagger:
    themes, negation = builtin_data()
    return Tagger(list(themes), negation)


def slugs(text: str) -> dict[str, tuple[str, ...]]:
    return {found.slug: found.words for found in tagger().tag(text)}


def test_the_taxonomy_covers_the_common_reasons_each_with_suggested_actions() -> None:
    themes = {t.slug: t for t in builtin_themes()}
    assert set(themes) >= REQUIRED
    for theme in themes.values():
        assert theme.name and theme.description and theme.triggers
        assert theme.actions and all(a.title and a.why for a in theme.actions)


def test_the_tagger_names_the_words_that_triggered_each_theme() -> None:
    found = slugs(
        "The panel wanted a clearer story of how you handled disagreement with stakeholders."
    )
    assert found["examples"] == ("clearer story",)
    assert set(found["communication"]) == {"disagreement", "stakeholders"}


def test_praise_and_reassurance_do_not_count_as_a_reason() -> None:
    found = slugs(
        "We had no concerns about your communication. Your preparation was not an issue; "
        "we need more depth in experiment design."
    )
    assert "communication" not in found and "preparation" not in found
    assert "core-skill" in found


def test_curly_quotes_and_case_do_not_hide_a_theme() -> None:
    assert normalise("Didn’t PREPARE") == ["didn't", "prepare"]
    assert "process" in slugs("The role has been put ON HOLD after a budget review.")


def test_a_role_put_on_hold_is_outside_the_candidates_control() -> None:
    assert set(slugs("Unfortunately there is a hiring freeze.")) == {"process"}


@pytest.fixture
def rejection(alice: Any) -> Any:
    application = add_application(
        alice, company="Acme", role="Analyst", applied_on=TODAY - timedelta(days=20)
    )
    return record_rejection(application, stage_reached="interview")


def test_feedback_is_tagged_on_save_as_what_the_employer_said(alice: Any, rejection: Any) -> None:
    Feedback.objects.create(
        owner=alice,
        application=rejection.application,
        text="They were looking for more hands-on experience with dbt.",
    )
    tag = ThemeTag.objects.get(owner=alice, theme="core-skill")
    assert tag.source == Source.EMPLOYER and tag.feedback_id and tag.reflection_id is None
    assert "hands on experience" in tag.words


def test_a_reflection_is_tagged_as_what_the_person_noted_and_kept_apart(
    alice: Any, rejection: Any
) -> None:
    save_answer(rejection, "struggled", "I was nervous and rambled on the stakeholder question.")
    tags = ThemeTag.objects.filter(owner=alice)
    assert {t.theme for t in tags} == {"communication", "examples"}
    assert {t.source for t in tags} == {Source.SELF}


def test_what_went_well_is_not_mistaken_for_a_reason(alice: Any, rejection: Any) -> None:
    save_answer(rejection, "went_well", "I explained the SQL exercise and my preparation.")
    assert not ThemeTag.objects.filter(owner=alice).exists()


def test_editing_an_answer_updates_its_suggested_tags(alice: Any, rejection: Any) -> None:
    save_answer(rejection, "struggled", "I was nervous.")
    save_answer(rejection, "struggled", "Salary expectations were far apart.")
    assert list(ThemeTag.objects.filter(owner=alice).values_list("theme", flat=True)) == [
        "logistics"
    ]


def test_a_removed_tag_stays_removed_when_everything_is_tagged_again(
    alice: Any, alice_client: Any, rejection: Any
) -> None:
    save_answer(rejection, "struggled", "I was nervous and rambled.")
    tag = ThemeTag.objects.get(owner=alice, theme="communication")
    response = alice_client.post(f"/insights/tags/{tag.pk}/remove/", HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    assert "Communication" not in response.content.decode().split("Add a theme")[0]
    retag_all(alice)
    tag.refresh_from_db()
    assert tag.state == TagState.REJECTED
    assert ThemeTag.objects.filter(owner=alice, theme="examples", state=TagState.AUTO).exists()


def test_a_missing_theme_is_added_in_one_click_without_javascript(
    alice: Any, alice_client: Any, rejection: Any
) -> None:
    feedback = Feedback.objects.create(
        owner=alice, application=rejection.application, text="Thanks for your time."
    )
    response = alice_client.post(f"/insights/tags/feedback/{feedback.pk}/add/", {"theme": "fit"})
    assert response.status_code == 302
    tag = ThemeTag.objects.get(owner=alice, feedback=feedback)
    assert (tag.theme, tag.state, tag.source) == ("fit", TagState.CONFIRMED, Source.EMPLOYER)


def test_someone_else_cannot_touch_your_tags(alice: Any, bob_client: Any, rejection: Any) -> None:
    save_answer(rejection, "struggled", "I was nervous.")
    tag = ThemeTag.objects.get(owner=alice)
    assert bob_client.post(f"/insights/tags/{tag.pk}/remove/").status_code == 404
    assert (
        bob_client.post(
            f"/insights/tags/reflection/{tag.reflection_id}/add/", {"theme": "fit"}
        ).status_code
        == 404
    )
    tag.refresh_from_db()
    assert tag.state == TagState.AUTO


def test_a_theme_of_your_own_is_used_for_tagging(
    alice: Any, alice_client: Any, rejection: Any
) -> None:
    save_answer(rejection, "struggled", "They asked for a portfolio and I had none ready.")
    response = alice_client.post(
        "/insights/themes/new/",
        {"name": "Portfolio", "triggers": "portfolio, case studies", "actions": "Build one"},
    )
    assert response.status_code == 302
    tag = ThemeTag.objects.get(owner=alice, theme="portfolio")
    assert tag.words == ["portfolio"]
    page = alice_client.get("/insights/themes/").content.decode()
    assert "Portfolio" in page


def test_a_duplicate_theme_name_is_explained_and_the_form_keeps_what_was_typed(
    alice_client: Any, alice: Any
) -> None:
    response = alice_client.post(
        "/insights/themes/new/", {"name": "Communication", "triggers": "my own words here"}
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "already a theme called" in html and "my own words here" in html
