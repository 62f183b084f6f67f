"""Insights benchmark: page time and SQL queries per page for a light and a heavy user.

    uv run python bench/bench_insights.py              # 50 vs 5,000 applications
    uv run python bench/bench_insights.py --json
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/mine uv run python bench/bench_insights.py

Builds both users with bulk_create in a throw-away SQLite data folder (never yours), or,
with DATABASE_URL, in a throw-away PostgreSQL database named bench_<its name> that is
created and dropped around the run (the database in the URL itself is not touched):
the heavy one has 5,000 applications over two years, 50,000 timeline events, rejections,
feedback, reflections, theme tags, actions and wins. Each page is fetched once to warm
up (and to let it propose follow-ups), then timed over a few runs with Django's test
client; the SQL query count comes from CaptureQueriesContext. The count must be the
same for both users: a page whose queries grow with the data has an N+1.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
PAGES = ["/insights/", "/insights/themes/", "/insights/wins/", "/"]
STAGES = ["applied", "screen", "interview", "final", "offer"]
REACHED = {"applied": "application", "screen": "screen", "interview": "interview", "final": "final"}
FEEDBACK = [
    "The panel wanted a clearer story of how you handled disagreement with stakeholders.",
    "We felt you would benefit from more hands-on experience with dbt before a role at this level.",
    "We had many strong candidates and chose someone with more direct industry experience.",
    "The role has been put on hold after a budget review.",
]
ANSWERS = [
    "I was nervous and rambled on the stakeholder question.",
    "I did not prepare enough on their product.",
    "Salary expectations were far apart.",
]


def setup(home: Path) -> Callable[[], None]:
    """Django on a scratch database; returns what to call to throw it away."""
    os.environ["BOUNCEBACK_HOME"] = str(home)
    os.environ.setdefault("BOUNCEBACK_SECRET_KEY", "bench-only-not-secret")
    os.environ["DJANGO_SETTINGS_MODULE"] = "bounceback.settings"
    sys.path.insert(0, str(ROOT / "src"))
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection

    settings.ALLOWED_HOSTS = ["*"]
    if connection.vendor == "sqlite":
        call_command("migrate", verbosity=0)
        return lambda: None
    # Django's own test-database machinery: a fresh database beside the named one.
    name = connection.settings_dict["NAME"]
    connection.settings_dict.setdefault("TEST", {})["NAME"] = f"bench_{name}"
    connection.creation.create_test_db(verbosity=0, autoclobber=True)
    return lambda: connection.creation.destroy_test_db(name, verbosity=0)


def build_user(name: str, applications: int, events_per_app: int, today: date) -> Any:
    """A search of ``applications`` over two years, written in a few bulk inserts."""
    from django.contrib.auth.models import User

    from bounceback.applications.models import Application, Company, StageEvent
    from bounceback.recovery.models import Action, Feedback, Reflection, Rejection, Win

    rng = random.Random(applications)
    user = User.objects.create_user(username=name)
    companies = Company.objects.bulk_create(
        Company(owner=user, name=f"Company {i}", key=f"company {i}") for i in range(200)
    )
    plan = []
    for i in range(applications):
        furthest = rng.choices(STAGES, weights=[60, 22, 12, 5, 1])[0]
        applied_on = today - timedelta(days=rng.randint(1, 730))
        status = (
            "active"
            if (today - applied_on).days < 40
            else rng.choice(["rejected", "rejected", "ghosted", "withdrawn"])
        )
        if furthest == "offer":
            status = "offer"
        plan.append((i, furthest, applied_on, status))
    apps = Application.objects.bulk_create(
        (
            Application(
                owner=user,
                company=companies[i % len(companies)],
                role="Data Analyst",
                applied_on=applied_on,
                stage=furthest,
                status=status,
            )
            for i, furthest, applied_on, status in plan
        ),
        batch_size=1000,
    )
    events = []
    for app in apps:
        reached = STAGES.index(app.stage)
        for n in range(events_per_app):
            kind = STAGES[min(n, reached)] if n <= reached else "note"
            day = min(today, app.applied_on + timedelta(days=n * 4))
            events.append(StageEvent(owner=user, application=app, kind=kind, occurred_on=day))
    StageEvent.objects.bulk_create(events, batch_size=2000)
    rejected = [a for a in apps if a.status == "rejected"]
    rejections = Rejection.objects.bulk_create(
        (
            Rejection(
                owner=user,
                application=a,
                received_on=min(today, a.applied_on + timedelta(days=10)),
                stage_reached=REACHED.get(a.stage, "unknown"),
            )
            for a in rejected
        ),
        batch_size=1000,
    )
    Feedback.objects.bulk_create(
        (
            Feedback(
                owner=user,
                application=r.application,
                received_on=r.received_on,
                text=FEEDBACK[i % 4],
            )
            for i, r in enumerate(rejections)
            if r.stage_reached in ("interview", "final")
        ),
        batch_size=1000,
    )
    Reflection.objects.bulk_create(
        (
            Reflection(
                owner=user,
                rejection=r,
                question_key="struggled",
                question="What did you struggle with?",
                answer=ANSWERS[i % 3],
            )
            for i, r in enumerate(rejections[::3])
        ),
        batch_size=1000,
    )
    # bulk_create sends no signals: tag everything the way `insights --retag` does.
    from bounceback.insights.tagging import retag_all

    retag_all(user)
    Action.objects.bulk_create(
        Action(
            owner=user,
            title="Practise a story",
            theme=["examples", "core-skill", "communication"][i % 3],
            status="done",
            done_on=today - timedelta(days=100 + i),
        )
        for i in range(30)
    )
    Win.objects.bulk_create(
        (
            Win(
                owner=user,
                application=a,
                kind="reply",
                title=f"A reply from {a.company_id}",
                occurred_on=a.applied_on,
            )
            for a in apps
            if a.stage != "applied"
        ),
        batch_size=1000,
    )
    return user


def measure(user: Any, runs: int) -> dict[str, dict[str, float]]:
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client()
    client.force_login(user)
    results: dict[str, dict[str, float]] = {}
    for url in PAGES:
        assert client.get(url).status_code == 200, url  # warm-up, proposals made
        times = []
        queries = 0
        for _ in range(runs):
            with CaptureQueriesContext(connection) as captured:
                start = time.perf_counter()
                response = client.get(url)
                times.append(time.perf_counter() - start)
            assert response.status_code == 200, url
            queries = len(captured)
        results[url] = {"ms": round(statistics.median(times) * 1000, 1), "queries": queries}
    # What `bounceback insights --json` does, in-process.
    from bounceback.insights.services import as_json, overview

    times = []
    for _ in range(runs):
        with CaptureQueriesContext(connection) as captured:
            start = time.perf_counter()
            json.dumps(as_json(overview(user)), default=str)
            times.append(time.perf_counter() - start)
        queries = len(captured)
    results["insights --json"] = {
        "ms": round(statistics.median(times) * 1000, 1),
        "queries": queries,
    }
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--small", type=int, default=50, help="Applications, light user.")
    parser.add_argument("--large", type=int, default=5000, help="Applications, heavy user.")
    parser.add_argument("--events", type=int, default=10, help="Timeline events per application.")
    parser.add_argument("--runs", type=int, default=5, help="Timed fetches per page.")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bounceback-bench-insights-") as home:
        teardown = setup(Path(home))
        try:
            from django.db import connection

            from bounceback.applications.models import StageEvent

            today = date.today()
            start = time.perf_counter()
            small = build_user("small", args.small, args.events, today)
            large = build_user("large", args.large, args.events, today)
            built = time.perf_counter() - start
            events = StageEvent.objects.filter(owner=large).count()
            report = {
                "database": connection.vendor,
                "build_seconds": round(built, 1),
                "large_events": events,
                "small": measure(small, args.runs),
                "large": measure(large, args.runs),
            }
        finally:
            teardown()
    if args.json:
        print(json.dumps(report, indent=2))
        return
    print(
        f"Built {args.small} and {args.large} applications ({events} events) in {built:.1f} s "
        f"on {report['database']}."
    )
    print(f"{'page':<20}{args.small:>8} apps{'':>4}{args.large:>8} apps   queries (small/large)")
    for url in [*PAGES, "insights --json"]:
        s, big = report["small"][url], report["large"][url]  # type: ignore[index]
        same = "same" if s["queries"] == big["queries"] else "DIFFERENT"
        print(
            f"{url:<20}{s['ms']:>9.1f} ms{big['ms']:>10.1f} ms   "
            f"{int(s['queries'])}/{int(big['queries'])} {same}"
        )


if __name__ == "__main__":
    main()
