"""Momentum benchmark: time and SQL queries for Today, people, practice, the week and the list.

    uv run python bench/bench_momentum.py                 # the demo, then a search 10x bigger
    uv run python bench/bench_momentum.py --scale 20 --json

Builds the demo search in a throw-away SQLite data folder (never yours), times each page
with Django's test client (median of a few runs, after one warm-up), then multiplies the
search: more applications with offer details, more contacts with exchanges, more practice
cards with reviews, and times the pages again. The query count should stay put as the
data grows; a count that grows with it is an N+1.
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
from datetime import date, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
PAGES = ["/rejections/today/", "/", "/contacts/", "/practice/", "/week/", "/applications/"]


def setup(home: Path) -> None:
    os.environ["BOUNCEBACK_HOME"] = str(home)
    os.environ.setdefault("BOUNCEBACK_SECRET_KEY", "bench-only-not-secret")
    os.environ["DJANGO_SETTINGS_MODULE"] = "bounceback.settings"
    sys.path.insert(0, str(ROOT / "src"))
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command

    settings.ALLOWED_HOSTS = ["testserver"]
    call_command("migrate", verbosity=0)


def grow(owner: Any, scale: int, rng: random.Random) -> dict[str, int]:
    """Copies of the search's shape: applications, contacts with exchanges, cards with reviews."""
    from bounceback.applications.models import Application, Company, Contact, ContactRole
    from bounceback.contacts.models import Exchange
    from bounceback.practice.models import Card, Review

    today = date.today()
    companies = Company.objects.bulk_create(
        Company(owner=owner, name=f"Bench Company {i}", key=f"bench company {i}")
        for i in range(scale * 40)
    )
    Application.objects.bulk_create(
        Application(
            owner=owner,
            company=rng.choice(companies),
            role=rng.choice(["Data Analyst", "Product Analyst", "Insights Analyst"]),
            applied_on=today - timedelta(days=rng.randint(0, 700)),
            salary_from=rng.choice([28, 32, 36, 40, 44]) * 1000,
            place=rng.choice(["Leeds", "London", ""]),
            work_place=rng.choice(["remote", "hybrid", "on_site", ""]),
            sector=rng.choice(["Public health", "Energy", "Banking", ""]),
        )
        for _ in range(scale * 40)
    )
    contacts = Contact.objects.bulk_create(
        Contact(
            owner=owner,
            name=f"Person {i}",
            email=f"person{i}@example.com",
            role=rng.choice(ContactRole.values),
            company=rng.choice(companies),
            last_contacted_on=today - timedelta(days=rng.randint(0, 400)),
        )
        for i in range(scale * 10)
    )
    Exchange.objects.bulk_create(
        Exchange(owner=owner, contact=c, on=today - timedelta(days=rng.randint(0, 300)))
        for c in contacts
        for _ in range(3)
    )
    from django.utils import timezone

    now = timezone.now()
    cards = Card.objects.bulk_create(
        Card(
            owner=owner,
            bank_key=f"bench-{i}",
            state=2,
            stability=rng.uniform(1, 30),
            difficulty=rng.uniform(1, 9),
            due=now + timedelta(days=rng.randint(-3, 30)),
            last_review=now - timedelta(days=rng.randint(1, 30)),
            reviews=3,
        )
        for i in range(scale * 10)
    )
    Review.objects.bulk_create(
        Review(owner=owner, card=c, rating=3, reviewed_at=now - timedelta(days=rng.randint(0, 20)))
        for c in cards
        for _ in range(3)
    )
    return {
        "applications": Application.objects.filter(owner=owner).count(),
        "contacts": Contact.objects.filter(owner=owner).count(),
        "cards": Card.objects.filter(owner=owner).count(),
    }


def measure(client: Any, runs: int) -> dict[str, dict[str, float]]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    found = {}
    for page in PAGES:
        client.get(page)  # warm-up (and any step a page makes on its first visit)
        times = []
        for _ in range(runs):
            with CaptureQueriesContext(connection) as queries:
                start = time.perf_counter()
                answer = client.get(page)
                times.append(time.perf_counter() - start)
            assert answer.status_code == 200, (page, answer.status_code)
        found[page] = {"ms": round(statistics.median(times) * 1000, 1), "queries": len(queries)}
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=int, default=10, help="how many times the demo's size")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-momentum-") as home:
        setup(Path(home))
        from django.test import Client

        from bounceback.accounts.services import local_user
        from bounceback.demo import build_demo

        me = local_user()
        build_demo(me)
        client = Client()
        client.force_login(me)
        small = measure(client, args.runs)
        sizes = grow(me, args.scale, random.Random(3))
        large = measure(client, args.runs)
    if args.json:
        print(json.dumps({"demo": small, "grown": large, "sizes": sizes}, indent=2))
        return
    print(
        f"grown search: {sizes['applications']} applications, {sizes['contacts']} contacts, "
        f"{sizes['cards']} practice cards"
    )
    print(f"{'page':<22}{'demo ms':>9}{'queries':>9}{'grown ms':>10}{'queries':>9}")
    for page in PAGES:
        print(
            f"{page:<22}{small[page]['ms']:>9}{small[page]['queries']:>9}"
            f"{large[page]['ms']:>10}{large[page]['queries']:>9}"
        )


if __name__ == "__main__":
    main()
