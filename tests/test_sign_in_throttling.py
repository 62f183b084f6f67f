"""Guessing passwords gets slower and slower: per account and per address (django-axes)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from axes.models import AccessAttempt
from django.test import Client
from django.urls import reverse

from bounceback.accounts import throttle
from tests.people import person

pytestmark = pytest.mark.django_db

PASSWORD = "the-right-pass-phrase"


@pytest.fixture(autouse=True)
def hosted(settings: Any) -> None:
    settings.BOUNCEBACK_HOSTED = True


def _try(client: Client, username: str, password: str, address: str = "192.0.2.10") -> Any:
    return client.post(
        reverse("accounts:sign_in"),
        {"username": username, "password": password},
        REMOTE_ADDR=address,
    )


def _signed_in(client: Client) -> bool:
    return "_auth_user_id" in client.session


def test_the_delay_starts_at_the_limit_and_doubles_with_every_limit_more() -> None:
    limit = throttle.ACCOUNT_LIMIT
    assert throttle.delay_after(limit - 1, limit) == throttle.FIRST_DELAY  # failures remembered
    assert throttle.delay_after(limit, limit) == timedelta(minutes=15)
    assert throttle.delay_after(2 * limit, limit) == timedelta(minutes=30)
    assert throttle.delay_after(3 * limit, limit) == timedelta(hours=1)
    assert throttle.delay_after(1000 * limit, limit) == throttle.LONGEST_DELAY


def test_thirty_wrong_passwords_lock_the_account_and_even_the_right_one_waits(
    frozen_clock: Any,
) -> None:
    person("sam@example.org", password=PASSWORD)
    client = Client()
    statuses = [_try(client, "sam@example.org", f"guess-{n}").status_code for n in range(30)]
    assert statuses[: throttle.ACCOUNT_LIMIT - 1] == [200] * (throttle.ACCOUNT_LIMIT - 1)
    assert statuses[-1] == 429

    refused = _try(client, "sam@example.org", PASSWORD)
    assert refused.status_code == 429
    assert "Too many tries" in refused.content.decode()
    assert "about 60 minutes" in refused.content.decode()
    assert not _signed_in(client)

    frozen_clock.shift(timedelta(minutes=61))  # 31 failures: an hour from the last
    assert _try(client, "sam@example.org", PASSWORD).status_code == 302
    assert _signed_in(client)


def test_every_try_during_a_lock_starts_the_wait_again(frozen_clock: Any) -> None:
    person("sam@example.org", password=PASSWORD)
    client = Client()
    for n in range(throttle.ACCOUNT_LIMIT):
        _try(client, "sam@example.org", f"guess-{n}")
    frozen_clock.shift(timedelta(minutes=14))
    assert _try(client, "sam@example.org", PASSWORD).status_code == 429  # counts as a try
    frozen_clock.shift(timedelta(minutes=14))
    assert _try(client, "sam@example.org", PASSWORD).status_code == 429
    frozen_clock.shift(timedelta(minutes=16))
    assert _try(client, "sam@example.org", PASSWORD).status_code == 302


def test_a_locked_account_is_locked_from_every_address_and_in_any_letter_case() -> None:
    person("sam@example.org", password=PASSWORD)
    for n in range(throttle.ACCOUNT_LIMIT):
        _try(Client(), "Sam@Example.org ", f"guess-{n}", address=f"192.0.2.{n + 1}")
    assert _try(Client(), "sam@example.org", PASSWORD, address="198.51.100.7").status_code == 429


def test_one_address_guessing_many_accounts_is_stopped_but_others_still_sign_in() -> None:
    person("sam@example.org", password=PASSWORD)
    guesser = Client()
    for n in range(throttle.ADDRESS_LIMIT):
        _try(guesser, f"someone-{n}@example.org", "password1", address="203.0.113.9")
    assert _try(guesser, "sam@example.org", PASSWORD, address="203.0.113.9").status_code == 429

    elsewhere = Client()
    assert _try(elsewhere, "sam@example.org", PASSWORD, address="192.0.2.44").status_code == 302


def test_a_refused_try_is_cheap_and_still_counts(
    frozen_clock: Any, django_assert_max_num_queries: Any, caplog: Any
) -> None:
    # A guesser who never pauses sends little else once locked: those refusals must not
    # cost the whole sign-in form, or the flood slows everyone (bench/bench_load.py).
    person("sam@example.org", password=PASSWORD)
    client = Client()
    for n in range(throttle.ACCOUNT_LIMIT):
        _try(client, "sam@example.org", f"guess-{n}")
    with django_assert_max_num_queries(6):
        refused = _try(client, "sam@example.org", "guess-again")
    assert refused.status_code == 429
    assert "Too many tries" in refused.content.decode()
    assert "Too Many Requests" not in caplog.text  # no log line per refused guess

    for n in range(2 * throttle.ACCOUNT_LIMIT - 1):  # 30 in all: an hour
        _try(client, "sam@example.org", f"guess-{n}")
    frozen_clock.shift(timedelta(minutes=59))
    assert _try(Client(), "sam@example.org", PASSWORD, address="192.0.2.99").status_code == 429


def test_a_locked_account_refuses_a_new_computer_too_and_counts_it() -> None:
    person("sam@example.org", password=PASSWORD)
    for n in range(throttle.ACCOUNT_LIMIT):
        _try(Client(), "sam@example.org", f"guess-{n}")
    newcomer = Client(HTTP_USER_AGENT="another browser")
    assert _try(newcomer, "sam@example.org", PASSWORD, address="192.0.2.77").status_code == 429
    assert _try(newcomer, "sam@example.org", PASSWORD, address="192.0.2.77").status_code == 429
    attempts = AccessAttempt.objects.filter(ip_address="192.0.2.77")
    assert attempts.get().failures_since_start == 2


def test_a_few_typos_are_forgotten_after_a_right_password() -> None:
    person("sam@example.org", password=PASSWORD)
    client = Client()
    for n in range(throttle.ACCOUNT_LIMIT - 1):
        _try(client, "sam@example.org", f"typo-{n}")
    assert _try(client, "sam@example.org", PASSWORD).status_code == 302
    client.logout()
    _try(client, "sam@example.org", "one-more-typo")
    assert _try(client, "sam@example.org", PASSWORD).status_code == 302


def test_behind_the_proxy_the_address_is_the_one_the_proxy_added(settings: Any, rf: Any) -> None:
    settings.BOUNCEBACK_BEHIND_PROXY = True
    request = rf.get("/", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="6.6.6.6, 192.0.2.5")
    assert throttle.client_address(request) == "192.0.2.5"  # the first one was made up
    settings.BOUNCEBACK_BEHIND_PROXY = False
    assert throttle.client_address(request) == "127.0.0.1"
