"""Goals and fit: each application judged against the person's own goals, in words."""

from __future__ import annotations

import json
from datetime import timedelta
from typing import Any

import pytest

from bounceback.applications.services import add_application
from bounceback.goals.fit import fit_for, goals_of
from bounceback.goals.notes import goals_note
from bounceback.lib.fit import Goals, Job, fit, parse_money
from bounceback.wellbeing.models import Goal, GoalKind
from tests.clock import TODAY

GOALS = Goals(
    titles=("Product analyst", "Data analyst (health)"),
    sectors=("Climate tech", "Public health"),
    salary_floor=38_000,
    places=("Leeds", "Remote"),
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("£38,000", (38_000, None)),
        ("45k", (45_000, None)),
        ("35-40k", (35_000, 40_000)),
        ("£35,000 – £40,000", (35_000, 40_000)),
        ("competitive", (None, None)),
    ],
)
def test_salaries_are_read_as_ads_write_them(text: str, expected: tuple[Any, Any]) -> None:
    assert parse_money(text) == expected


def test_a_job_that_meets_three_of_four_goals_says_which_one_it_misses() -> None:
    job = Job(role="Senior Product Analyst", sector="Climate", salary_to=32_000, place="Leeds")
    result = fit(job, GOALS)
    assert (result.matched, result.total) == (3, 4)
    assert result.summary == "Matches 3 of your 4 goals; below your salary floor"
    assert result.misses[0].reason == "below your salary floor (32,000; your floor is 38,000)"


def test_what_the_ad_does_not_say_is_not_known_rather_than_a_miss() -> None:
    result = fit(Job(role="Data Analyst"), GOALS)
    assert result.misses == []
    assert "not known yet: sector, salary, place" in result.summary


def test_a_range_that_reaches_the_floor_counts_and_remote_meets_a_remote_goal() -> None:
    job = Job(role="Product analyst", salary_from=35_000, salary_to=40_000, work_place="remote")
    checks = {c.goal: c for c in fit(job, GOALS).checks}
    assert checks["salary"].result == "match"
    assert checks["place"].result == "match"


def test_a_value_is_met_only_when_the_notes_say_so() -> None:
    goals = Goals(values=("Flexible hours",))
    assert fit(Job(notes="Flexible hours after probation."), goals).matched == 1
    assert fit(Job(notes="Office five days."), goals).checks[0].result == "unknown"


def test_without_goals_there_is_no_fit_to_speak_of() -> None:
    assert fit(Job(role="Analyst"), Goals()).summary == ""


@pytest.mark.django_db
def test_goals_come_from_the_persons_goal_list_including_the_ikigai_kinds(alice: Any) -> None:
    for kind, text in [
        (GoalKind.TITLE, "Product analyst"),
        (GoalKind.SALARY, "£38,000"),
        (GoalKind.PLACE, "Remote"),
        (GoalKind.VALUE, "Flexible hours"),
        (GoalKind.MILESTONE, "Two coffee chats"),
    ]:
        Goal.objects.create(owner=alice, kind=kind, text=text)
    goals = goals_of(alice)
    assert goals.salary_floor == 38_000 and goals.count == 4  # a milestone is about you, not a job


def _goals(owner: Any) -> None:
    Goal.objects.create(owner=owner, kind=GoalKind.TITLE, text="Product analyst")
    Goal.objects.create(owner=owner, kind=GoalKind.SALARY, text="£38,000")


@pytest.mark.django_db
def test_show_json_carries_the_fit(cli: Any, alice: Any) -> None:
    _goals(alice)
    app = add_application(alice, company="Acme", role="Product Analyst", salary="30-32k")
    shown = json.loads(cli("show", str(app.pk), "--json").output)
    assert shown["fit"]["summary"] == "Matches 1 of your 2 goals; below your salary floor"
    assert shown["salary_from"] == 30_000 and shown["salary_to"] == 32_000
    listed = json.loads(cli("list", "--json").output)
    assert listed[0]["fit"]["matched"] == 1


@pytest.mark.django_db
def test_add_takes_the_offer_and_refuses_a_salary_it_cannot_read(cli: Any) -> None:
    ok = cli("add", "Ostara", "Product Analyst", "--salary", "40-45k", "--work", "remote", "--json")
    assert json.loads(ok.output)["work_place"] == "remote"
    bad = cli("add", "Ostara", "Analyst", "--salary", "competitive")
    assert bad.exit_code == 1 and "doesn't read as a salary" in bad.output


@pytest.mark.django_db
def test_the_application_page_and_the_list_show_the_fit_in_words(
    alice: Any, alice_client: Any
) -> None:
    _goals(alice)
    app = add_application(alice, company="Acme", role="Product Analyst", salary="30000")
    page = alice_client.get(f"/applications/{app.pk}/").content.decode()
    assert "Matches 1 of your 2 goals; below your salary floor." in page
    assert "never you" in page  # a fit judges the job, never the person
    listing = alice_client.get("/applications/").content.decode()
    assert "1 of 2" in listing and "below your salary floor" in listing


@pytest.mark.django_db
def test_the_edit_form_keeps_the_salary_and_explains_a_bad_one(
    alice: Any, alice_client: Any
) -> None:
    app = add_application(alice, company="Acme", role="Analyst", salary="35-40k")
    form = alice_client.get(f"/applications/{app.pk}/edit/").content.decode()
    assert 'value="35000-40000"' in form
    data = {
        "company_name": "Acme",
        "role": "Analyst",
        "applied_on": TODAY.isoformat(),
        "salary": "lots",
        "notes": "kept",
    }
    answer = alice_client.post(f"/applications/{app.pk}/edit/", data)
    assert "read as a salary" in answer.content.decode()
    app.refresh_from_db()
    assert app.salary_to == 40_000  # nothing saved was lost


@pytest.mark.django_db
def test_insights_notes_kindly_when_many_applications_miss_the_salary_floor(
    alice: Any, alice_client: Any
) -> None:
    _goals(alice)
    for days in range(6):
        add_application(
            alice,
            company=f"Company {days}",
            role="Product Analyst",
            applied_on=TODAY - timedelta(days=days),
            salary="30000",
        )
    note = goals_note(alice)
    assert note is not None and (note.goal, note.missed, note.judged) == ("salary", 6, 6)
    page = alice_client.get("/insights/").content.decode()
    assert "were below the salary floor you set" in page
    assert "yours to change" in page


@pytest.mark.django_db
def test_no_note_when_the_applications_mostly_fit(alice: Any) -> None:
    _goals(alice)
    for days in range(6):
        add_application(alice, company=f"C{days}", role="Product Analyst", salary="40000")
    assert goals_note(alice) is None
    assert fit_for(add_application(alice, company="D", role="Product analyst")).total == 2
