"""Shared fixtures: named people (alice owns, bob is someone else), signed-in clients, the CLI."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import time_machine
from django.test import Client
from hypothesis import settings as hypothesis_settings
from typer.testing import CliRunner

from bounceback.accounts.models import LOCAL_USERNAME
from tests import clock

# The same examples on every run: a property that fails does so for everyone, every time
# (run with --hypothesis-seed=random to explore further).
hypothesis_settings.register_profile("bounceback", derandomize=True, deadline=None)
hypothesis_settings.load_profile("bounceback")

_SESSION_TRAVEL = pytest.StashKey[time_machine.travel]()


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--today",
        default=None,
        help="Run the whole suite at this moment (ISO 8601, e.g. 2027-01-01T00:00:30+00:00).",
    )


def pytest_configure(config: pytest.Config) -> None:
    # Before collection, so test modules that import TODAY see the moved clock, and frozen
    # for the whole run, so that not even an import reads the real time.
    clock.set_current_time(config.getoption("--today"))
    config.stash[_SESSION_TRAVEL] = traveller = time_machine.travel(clock.CURRENT_TIME, tick=False)
    traveller.start()


def pytest_unconfigure(config: pytest.Config) -> None:
    traveller = config.stash.get(_SESSION_TRAVEL, None)
    if traveller is not None:
        traveller.stop()


def pytest_report_header(config: pytest.Config) -> str:
    return f"frozen clock: {clock.CURRENT_TIME.isoformat()} ({clock.local_zone().key})"


@pytest.fixture(autouse=True)
def frozen_clock() -> Iterator[time_machine.Traveller]:
    """Every test starts at ``clock.CURRENT_TIME``, wherever the test before left the clock.

    Move it inside a test with ``frozen_clock.move_to(...)`` or ``frozen_clock.shift(...)``.
    """
    with time_machine.travel(clock.CURRENT_TIME, tick=False) as traveller:
        yield traveller


@pytest.fixture
def alice(django_user_model: Any) -> Any:
    """The local person: owns the data the CLI works on."""
    return django_user_model.objects.create_user(username=LOCAL_USERNAME, password="alice-pass-123")


@pytest.fixture
def bob(django_user_model: Any) -> Any:
    return django_user_model.objects.create_user(username="bob", password="bob-pass-123")


@pytest.fixture
def alice_client(alice: Any) -> Client:
    client = Client()
    client.force_login(alice)
    return client


@pytest.fixture
def bob_client(bob: Any) -> Client:
    client = Client()
    client.force_login(bob)
    return client


class Cli:
    """Runs `bounceback ...` in-process, against the test database."""

    def __init__(self) -> None:
        self.runner = CliRunner()

    def __call__(self, *args: str, input: str | None = None) -> Any:
        from bounceback.cli.main import app

        return self.runner.invoke(app, list(args), input=input, catch_exceptions=False)


@pytest.fixture
def cli(db: Any) -> Cli:
    return Cli()


CHROMIUM = Path(shutil.which("chromium") or "/usr/bin/chromium")
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """Debian's Chromium through Playwright; skipped where absent, but never under CI."""
    if not CHROMIUM.exists():
        if os.environ.get("CI") == "true":
            pytest.fail(
                f"Chromium is missing at {CHROMIUM}; CI must install it (apt-get install chromium)."
            )
        pytest.skip(
            "Chromium is not installed here (apt-get install chromium) - browser tests skipped."
        )
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread; Django then refuses ORM
    # calls from it unless told this is a test.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS)
        yield launched
        launched.close()


@pytest.fixture
def signed_in_page(browser: Any, live_server: Any, transactional_db: Any) -> Iterator[Any]:
    """A fresh browser page signed in as the local person through a one-time link."""
    from django.urls import reverse

    from bounceback.accounts.models import SignInToken
    from bounceback.accounts.services import local_user

    context = browser.new_context(viewport={"width": 1200, "height": 900})
    page = context.new_page()
    token = SignInToken.issue(local_user())
    page.goto(live_server.url + reverse("accounts:sign_in_link", args=[token]))
    yield page
    context.close()


SCREENSHOTS = Path(__file__).resolve().parent.parent / "screenshots"


def screenshot(page: Any, name: str) -> None:
    """Keep a picture of each step so a person can look at what the tests saw."""
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=SCREENSHOTS / f"{name}.png", full_page=True)


def shoot(page: Any, name: str) -> None:
    """A desktop picture, then the same page at a phone's width (nothing may scroll sideways)."""
    screenshot(page, f"{name}-desktop")
    page.set_viewport_size({"width": 390, "height": 844})
    assert page.evaluate("document.documentElement.scrollWidth") <= 390, name
    screenshot(page, f"{name}-phone")
    page.set_viewport_size({"width": 1200, "height": 900})
