"""Themes of your own: edit and delete them on the web; the built-in ones stay put."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest

from bounceback.applications.services import add_application
from bounceback.insights.models import Theme, ThemeTag
from bounceback.recovery.models import Action, ActionStatus, Feedback, Reflection
from bounceback.recovery.reflection import save_answer
from bounceback.recovery.services import record_rejection
from tests.clock import TODAY
from tests.suggestions import confirm_all

pytestmark = pytest.mark.django_db


@pytest.fixture
def portfolio(alice: Any, alice_client: Any) -> Theme:
    """Alice's own theme, found in one reflection answer and one feedback text."""
    application = add_application(
        alice, company="Acme", role="Designer", applied_on=TODAY - timedelta(days=20)
    )
    rejection = record_rejection(application, stage_reached="interview")
    save_answer(rejection, "struggled", "They asked for my portfolio and I had none ready.")
    Feedback.objects.create(
        owner=alice, application=application, text="We hoped to see a case portfolio."
    )
    response = alice_client.post(
        "/insights/themes/new/",
        {"name": "Portfolio", "triggers": "portfolio", "actions": "Put three projects online"},
    )
    assert response.status_code == 302
    return Theme.objects.get(owner=alice)


def test_your_own_themes_are_listed_with_a_way_to_edit_and_delete(
    alice: Any, alice_client: Any, portfolio: Theme
) -> None:
    confirm_all(alice)
    html = alice_client.get("/insights/themes/").content.decode()
    assert "Your own themes" in html and "in 2 texts" in html
    assert "/insights/themes/portfolio/edit/" in html
    assert "/insights/themes/portfolio/delete/" in html
    assert "/insights/themes/communication/delete/" not in html


def test_a_theme_is_edited_and_new_words_tag_the_texts_again(
    alice: Any, alice_client: Any, portfolio: Theme
) -> None:
    response = alice_client.post(
        "/insights/themes/portfolio/edit/",
        {
            "name": "Portfolio and samples",
            "description": "Showing my work",
            "triggers": "none ready, work samples",
            "actions": "Put three projects online\nAsk a friend to review it",
        },
        follow=True,
    )
    assert "Saved “Portfolio and samples”. Your texts were tagged again." in (
        response.content.decode()
    )
    portfolio.refresh_from_db()
    assert portfolio.slug == "portfolio"  # tags and steps point to it; a new name keeps it
    assert portfolio.triggers == ["none ready", "work samples"]
    assert [a["title"] for a in portfolio.actions] == [
        "Put three projects online",
        "Ask a friend to review it",
    ]
    tags = ThemeTag.objects.filter(owner=alice, theme="portfolio")
    assert [t.words for t in tags] == [["none ready"]]  # the feedback text no longer matches


def test_a_new_name_alone_keeps_every_tag(alice: Any, alice_client: Any, portfolio: Theme) -> None:
    before = set(ThemeTag.objects.filter(owner=alice).values_list("id", flat=True))
    alice_client.post(
        "/insights/themes/portfolio/edit/", {"name": "My portfolio", "triggers": "portfolio"}
    )
    assert set(ThemeTag.objects.filter(owner=alice).values_list("id", flat=True)) == before
    assert "My portfolio" in alice_client.get("/insights/themes/").content.decode()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"name": ""}, "Please give the theme a short name."),
        ({"name": "Communication"}, "There is already a theme called"),
        ({"name": "  ...  "}, "Please use at least one letter or digit in the name."),
        ({"name": "Portfolio", "triggers": "portfolio, ***"}, "has no letters or digits"),
        ({"name": "Portfolio", "triggers": ", ".join(f"w{i}" for i in range(41))}, "40 or fewer"),
    ],
)
def test_a_wrong_edit_is_explained_and_nothing_changes(
    alice_client: Any, portfolio: Theme, data: dict[str, str], message: str
) -> None:
    response = alice_client.post("/insights/themes/portfolio/edit/", data)
    assert response.status_code == 400
    assert message in response.content.decode()
    portfolio.refresh_from_db()
    assert portfolio.name == "Portfolio" and portfolio.triggers == ["portfolio"]


def test_htmx_gets_the_edit_form_in_place_of_the_themes_line(
    alice_client: Any, portfolio: Theme
) -> None:
    response = alice_client.get("/insights/themes/portfolio/edit/", HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert response.status_code == 200 and "<html" not in html
    assert 'id="own-portfolio"' in html and 'value="Portfolio"' in html
    assert 'id="edit-name"' in html  # never clashes with the "add a theme" form's ids
    page = alice_client.get("/insights/themes/portfolio/edit/").content.decode()
    assert "<html" in page and "Put three projects online" in page


def test_deleting_asks_first_then_removes_the_tags_but_keeps_the_texts(
    alice: Any, alice_client: Any, portfolio: Theme
) -> None:
    step = Action.objects.create(
        owner=alice, title="Put projects online", theme="portfolio", status=ActionStatus.DONE
    )
    ask = alice_client.get("/insights/themes/portfolio/delete/").content.decode()
    assert "Delete “Portfolio”?" in ask and "2 texts" in ask and "stay exactly as they are" in ask
    assert Theme.objects.filter(owner=alice).exists()  # asking deletes nothing
    done = alice_client.post("/insights/themes/portfolio/delete/", follow=True)
    assert "Deleted “Portfolio”. It came off 2 texts" in done.content.decode()
    assert not Theme.objects.filter(owner=alice).exists()
    assert not ThemeTag.objects.filter(owner=alice, theme="portfolio").exists()
    assert Feedback.objects.filter(owner=alice).count() == 1
    assert Reflection.objects.filter(owner=alice).count() == 1
    step.refresh_from_db()
    assert step.theme == "" and step.status == ActionStatus.DONE


def test_a_built_in_theme_cannot_be_deleted_or_edited(
    alice: Any, alice_client: Any, portfolio: Theme
) -> None:
    feedback = Feedback.objects.get(owner=alice)
    feedback.text = "I rambled on the stakeholder question."
    feedback.save()
    tags = ThemeTag.objects.filter(owner=alice, theme="communication").count()
    assert tags
    response = alice_client.post("/insights/themes/communication/delete/", follow=True)
    assert "That theme comes with bounceback" in response.content.decode()
    assert ThemeTag.objects.filter(owner=alice, theme="communication").count() == tags
    edit = alice_client.post("/insights/themes/communication/edit/", {"name": "Mine now"})
    assert edit.status_code == 302


def test_bob_cannot_see_edit_or_delete_alices_theme(bob_client: Any, portfolio: Theme) -> None:
    assert bob_client.get("/insights/themes/portfolio/edit/").status_code == 404
    assert bob_client.post("/insights/themes/portfolio/edit/", {"name": "Bob's"}).status_code == 404
    assert bob_client.get("/insights/themes/portfolio/delete/").status_code == 404
    assert bob_client.post("/insights/themes/portfolio/delete/").status_code == 404
    portfolio.refresh_from_db()
    assert portfolio.name == "Portfolio"
