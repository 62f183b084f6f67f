"""Themes: the taxonomy as data, a tagger that reads meaning and says why, tags that are suggestions until confirmed."""

from __future__ import annotations

import subprocess
import sys
from datetime import timedelta
from typing import Any

import pytest

from bounceback.applications.services import add_application
from bounceback.insights.models import Source, TagState, ThemeTag
from bounceback.insights.stats import themes_report
from bounceback.insights.tagging import retag_all
from bounceback.lib.themes import Tagger, builtin_tagger, builtin_themes, normalise
from bounceback.lib.themes.model import shipped_model
from bounceback.lib.themes.taxonomy import theme_from_dict
from bounceback.recovery.models import Feedback
from bounceback.recovery.reflection import save_answer
from bounceback.recovery.services import record_rejection
from tests.clock import TODAY

REQUIRED = (
    "core-skill",
    "examples",
    "communication",
    "preparation",
    "experience-gap",
    "fit",
    "logistics",
    "competition",
    "process",
)


def found(text: str) -> dict[str, tuple[str, ...]]:
    return {f.slug: f.words for f in builtin_tagger().tag(text)}


def test_the_taxonomy_covers_the_common_reasons_each_with_suggested_actions() -> None:
    themes = {t.slug: t for t in builtin_themes()}
    assert tuple(themes) == REQUIRED
    for theme in themes.values():
        assert theme.name and theme.description and theme.triggers
        assert theme.actions and all(a.title and a.why for a in theme.actions)


def test_the_shipped_model_knows_the_nine_built_in_themes_by_their_slugs() -> None:
    model = shipped_model()
    assert model.slugs == REQUIRED
    assert model.coef.shape == (len(model.vocab) + len(model.cues), len(REQUIRED))
    assert all(0 < t < 1 for t in model.thresholds)


def test_a_gap_named_in_ordinary_words_is_found_without_a_listed_trigger() -> None:
    assert set(found("My voice was shaking and I lost my place halfway through every answer.")) == {
        "communication"
    }


def test_a_word_in_passing_is_not_a_theme() -> None:
    assert found("I would explain how I ran the tests, then they asked about my weekend.") == {}


def test_praise_and_reassurance_do_not_count_as_a_reason() -> None:
    assert found("We had no concerns about your communication.") == {}
    assert found("Your examples were specific and well chosen.") == {}


def test_each_suggestion_quotes_the_words_that_led_to_it_as_they_were_written() -> None:
    words = found("I was so nervous I forgot the question, and I hadn’t researched the company.")
    assert "nervous" in words["communication"]
    assert "hadn’t researched" in words["preparation"]  # the curly apostrophe kept


def test_a_text_can_touch_several_themes_or_none() -> None:
    assert set(found("They went with an internal candidate after a hiring freeze.")) == {
        "competition",
        "process",
    }
    assert found("Got the no by email this morning.") == {}


def test_the_tagger_needs_no_scikit_learn_at_run_time() -> None:
    code = (
        "import sys; from bounceback.lib.themes import builtin_tagger;"
        "builtin_tagger().tag('I was nervous and rambled.');"
        "print('sklearn' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_a_persons_own_theme_is_found_by_its_words_beside_the_built_in_ones() -> None:
    portfolio = theme_from_dict(
        {"slug": "portfolio", "name": "Portfolio", "triggers": ["portfolio*"]}, builtin=False
    )
    tagger = Tagger([*builtin_themes(), portfolio])
    tags = {f.slug: f for f in tagger.tag("They asked for my PORTFOLIOS and I had none.")}
    assert tags["portfolio"].words == ("PORTFOLIOS",) and tags["portfolio"].probability is None


def test_curly_quotes_and_case_are_folded_for_listed_words() -> None:
    assert normalise("Didn’t PREPARE") == ["didn't", "prepare"]


@pytest.fixture
def rejection(alice: Any) -> Any:
    application = add_application(
        alice, company="Acme", role="Analyst", applied_on=TODAY - timedelta(days=20)
    )
    return record_rejection(application, stage_reached="interview")


def test_feedback_is_tagged_on_save_as_a_suggestion_of_what_the_employer_said(
    alice: Any, rejection: Any
) -> None:
    Feedback.objects.create(
        owner=alice,
        application=rejection.application,
        text="The panel felt your answers lacked specific examples of what you did.",
    )
    tag = ThemeTag.objects.get(owner=alice, theme="examples")
    assert tag.source == Source.EMPLOYER and tag.feedback_id and tag.reflection_id is None
    assert tag.state == TagState.AUTO and "lacked specific examples" in tag.words


def test_a_reflection_is_tagged_as_what_the_person_noted_and_kept_apart(
    alice: Any, rejection: Any
) -> None:
    save_answer(rejection, "struggled", "I didn’t look at their website and had no questions.")
    tags = ThemeTag.objects.filter(owner=alice)
    assert {t.theme for t in tags} == {"preparation"}
    assert {t.source for t in tags} == {Source.SELF}


def test_what_went_well_is_not_mistaken_for_a_reason(alice: Any, rejection: Any) -> None:
    save_answer(rejection, "went_well", "I explained the SQL exercise and my preparation.")
    assert not ThemeTag.objects.filter(owner=alice).exists()


def test_editing_an_answer_updates_its_suggested_tags(alice: Any, rejection: Any) -> None:
    save_answer(rejection, "struggled", "I was nervous and rambled.")
    save_answer(rejection, "struggled", "The role was put on hold after a budget review.")
    assert list(ThemeTag.objects.filter(owner=alice).values_list("theme", flat=True)) == ["process"]


def test_a_suggestion_counts_nowhere_until_the_person_confirms_it(
    alice: Any, alice_client: Any, rejection: Any
) -> None:
    save_answer(rejection, "struggled", "They went with an internal candidate.")
    report = themes_report(alice)
    assert report.found == [] and report.waiting == 1
    tag = ThemeTag.objects.get(owner=alice)
    response = alice_client.post(f"/insights/tags/{tag.pk}/confirm/", {"back": "/insights/themes/"})
    assert response.status_code == 302 and response["Location"] == "/insights/themes/"
    report = themes_report(alice)
    assert [r.theme.slug for r in report.found] == ["competition"] and report.waiting == 0


def test_confirming_with_htmx_swaps_only_that_texts_tags(
    alice: Any, alice_client: Any, rejection: Any
) -> None:
    save_answer(rejection, "struggled", "They went with an internal candidate.")
    tag = ThemeTag.objects.get(owner=alice)
    response = alice_client.post(f"/insights/tags/{tag.pk}/confirm/", HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert response.status_code == 200 and f'id="tags-reflection-{tag.reflection_id}"' in html
    assert "Yes, fits" not in html and "confirmed" in html


def test_a_removed_tag_stays_removed_when_everything_is_tagged_again(
    alice: Any, alice_client: Any, rejection: Any
) -> None:
    save_answer(rejection, "struggled", "I was nervous, and I hadn’t researched the company.")
    tag = ThemeTag.objects.get(owner=alice, theme="communication")
    response = alice_client.post(f"/insights/tags/{tag.pk}/remove/", HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    assert "Communication" not in response.content.decode().split("Add a theme")[0]
    retag_all(alice)
    tag.refresh_from_db()
    assert tag.state == TagState.REJECTED
    assert ThemeTag.objects.filter(owner=alice, theme="preparation", state=TagState.AUTO).exists()


def test_a_confirmed_tag_stays_confirmed_when_everything_is_tagged_again(
    alice: Any, rejection: Any
) -> None:
    save_answer(rejection, "struggled", "They went with an internal candidate.")
    ThemeTag.objects.filter(owner=alice).update(state=TagState.CONFIRMED)
    retag_all(alice)
    assert list(ThemeTag.objects.filter(owner=alice).values_list("state", flat=True)) == [
        TagState.CONFIRMED
    ]


def test_a_missing_theme_is_added_in_one_click_without_javascript_and_counts_at_once(
    alice: Any, alice_client: Any, rejection: Any
) -> None:
    feedback = Feedback.objects.create(
        owner=alice, application=rejection.application, text="Thanks for your time."
    )
    response = alice_client.post(f"/insights/tags/feedback/{feedback.pk}/add/", {"theme": "fit"})
    assert response.status_code == 302
    tag = ThemeTag.objects.get(owner=alice, feedback=feedback)
    assert (tag.theme, tag.state, tag.source) == ("fit", TagState.CONFIRMED, Source.EMPLOYER)
    assert [r.theme.slug for r in themes_report(alice).found] == ["fit"]


def test_a_plain_form_only_goes_back_to_a_page_of_this_app(
    alice: Any, alice_client: Any, rejection: Any
) -> None:
    save_answer(rejection, "struggled", "They went with an internal candidate.")
    tag = ThemeTag.objects.get(owner=alice)
    response = alice_client.post(
        f"/insights/tags/{tag.pk}/remove/", {"back": "//evil.example/steal"}
    )
    assert response["Location"] == "/insights/themes/"


def test_someone_else_cannot_touch_your_tags(alice: Any, bob_client: Any, rejection: Any) -> None:
    save_answer(rejection, "struggled", "They went with an internal candidate.")
    tag = ThemeTag.objects.get(owner=alice)
    assert bob_client.post(f"/insights/tags/{tag.pk}/remove/").status_code == 404
    assert bob_client.post(f"/insights/tags/{tag.pk}/confirm/").status_code == 404
    assert (
        bob_client.post(
            f"/insights/tags/reflection/{tag.reflection_id}/add/", {"theme": "fit"}
        ).status_code
        == 404
    )
    tag.refresh_from_db()
    assert tag.state == TagState.AUTO


def test_the_themes_page_says_how_many_suggestions_wait_and_lists_them_first(
    alice: Any, alice_client: Any, rejection: Any
) -> None:
    save_answer(rejection, "struggled", "I was nervous, and I hadn’t researched the company.")
    html = alice_client.get("/insights/themes/").content.decode()
    assert "2 suggested themes wait for a look" in html
    assert "Yes, fits" in html and "Not this" in html and "from “" in html


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
    assert tag.words == ["portfolio"] and tag.state == TagState.AUTO
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


def test_the_reflection_page_shows_each_answers_suggestions_with_their_words(
    alice: Any, alice_client: Any, rejection: Any
) -> None:
    save_answer(rejection, "struggled", "I was nervous, and I hadn’t researched the company.")
    html = alice_client.get(f"/rejections/{rejection.pk}/reflect/").content.decode()
    block = html.split('id="themes-struggled"')[1].split("</section>")[0]
    assert "Preparation and company research" in block and "from “hadn’t researched" in block
    assert "Yes, fits" in block and "Not this" in block
    assert f'value="/rejections/{rejection.pk}/reflect/"' in block  # plain forms come back here


def test_the_feedback_shows_its_suggestions_on_the_application_page(
    alice: Any, alice_client: Any, rejection: Any
) -> None:
    Feedback.objects.create(
        owner=alice,
        application=rejection.application,
        text="The panel felt your answers lacked specific examples of what you did.",
    )
    html = alice_client.get(rejection.application.get_absolute_url()).content.decode()
    feedback = html.split('id="feedback"')[1]
    assert "Examples and storytelling" in feedback and "Yes, fits" in feedback
    assert "#feedback" in feedback
