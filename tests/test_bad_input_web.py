"""Every page and form survives nonsense: wrong ids, bad dates, junk fields, NUL bytes.

A clear message or a 404 is fine; a server error is not. This walks every URL of the
app (the admin aside) on a realistic demo search, so a new page is covered the day it
is added.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

from bounceback.demo import build_demo

pytestmark = pytest.mark.django_db

JUNK = {
    "text": "\x00 null byte",
    "title": "x" * 5000,
    "company": "",
    "role": "\x00",
    "received_on": "2099-13-45",
    "applied_on": "yesterday-ish",
    "due_on": "nope",
    "occurred_on": "2999-01-01",
    "mood": "eleven",
    "tags": ["not-a-tag"],
    "stage": "astronaut",
    "status": "maybe",
    "kind": "\x00",
    "do": "explode",
    "tone": "sarcastic",
    "application": "-1",
    "answer": "\x00",
    "question": "no-such-question",
    "days": "-5",
    "name": "\x00",
    "step": "teleport",
}
QUERY = "?page=-1&after=zzz&q=%00%3Cscript%3E&tone=zzz&status=zzz&application=abc&since=2026-99-01"


def _patterns(patterns: list[Any], prefix: str = "") -> Iterator[str]:
    for entry in patterns:
        if isinstance(entry, URLResolver):
            yield from _patterns(entry.url_patterns, prefix + str(entry.pattern))
        elif isinstance(entry, URLPattern):
            yield prefix + str(entry.pattern)


ROUTES = sorted(r for r in _patterns(get_resolver().url_patterns) if not r.startswith("admin"))


def _fill(route: str, number: int) -> str:
    path = re.sub(r"<int:[^>]+>", str(number), route)
    path = re.sub(r"<slug:[^>]+>", "no-such-theme", path)
    path = re.sub(r"<str:kind>", "feedback", path)
    path = re.sub(r"<str:[^>]+>", "not-a-real-token", path)
    return "/" + path


def test_no_page_answers_junk_with_a_server_error(alice: Any, alice_client: Any) -> None:
    build_demo(alice)  # once: real ids for every kind of object, and a full dashboard
    failures = []
    for route in ROUTES:
        for number in (1, 3, 999_999) if "<int:" in route else (0,):
            path = _fill(route, number)
            for how, response in (
                ("GET", alice_client.get(path + QUERY)),
                ("POST junk", alice_client.post(path, JUNK)),
                ("htmx POST junk", alice_client.post(path, JUNK, HTTP_HX_REQUEST="true")),
                ("empty POST", alice_client.post(path, {})),
            ):
                if response.status_code >= 500:
                    failures.append(f"{how} {path}: {response.status_code}")
    assert not failures
    assert len(ROUTES) > 50  # the walk really found the app's pages


def test_nul_characters_are_dropped_and_the_words_are_kept(alice: Any, alice_client: Any) -> None:
    from bounceback.wellbeing.models import Goal

    response = alice_client.post("/wellbeing/goals/", {"text": "Climate\x00 tech", "kind": "other"})
    assert response.status_code == 302
    assert Goal.objects.get(owner=alice).text == "Climate tech"
