"""Hosted mode and HTTPS: one setting each, and Django's deployment check passes with them."""

from __future__ import annotations

import io
import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import Client

from bounceback import conf


def test_a_database_url_means_a_career_centre_unless_told_otherwise() -> None:
    assert conf.hosted({}) is False
    assert conf.hosted({"DATABASE_URL": "postgres://db/x"}) is True
    assert conf.hosted({"DATABASE_URL": "postgres://db/x", "BOUNCEBACK_HOSTED": "0"}) is False
    assert conf.hosted({"BOUNCEBACK_HOSTED": "1"}) is True


def test_https_turns_on_secure_cookies_hsts_the_proxy_header_and_origins() -> None:
    assert conf.https_settings({}, ["careers.example.org"]) == {}
    on = conf.https_settings({"BOUNCEBACK_HTTPS": "1"}, ["careers.example.org", ".example.net"])
    assert on["SESSION_COOKIE_SECURE"] and on["CSRF_COOKIE_SECURE"] and on["SECURE_SSL_REDIRECT"]
    assert on["SECURE_HSTS_SECONDS"] >= 31_536_000
    assert on["SECURE_PROXY_SSL_HEADER"] == ("HTTP_X_FORWARDED_PROTO", "https")
    assert on["CSRF_TRUSTED_ORIGINS"] == ["https://careers.example.org", "https://*.example.net"]


def test_a_wildcard_host_never_becomes_a_trusted_origin() -> None:
    assert conf.https_origins(["*", "", "app.example.org"]) == ["https://app.example.org"]


def test_hosted_sessions_end_after_idle_minutes_and_local_ones_keep_thirty_days() -> None:
    assert conf.session_idle_seconds({}, hosted=False) is None
    assert conf.session_idle_seconds({}, hosted=True) == 30 * 60
    env = {"BOUNCEBACK_SESSION_IDLE_MINUTES": "10"}
    assert conf.session_idle_seconds(env, hosted=True) == 600
    assert conf.session_idle_seconds({"BOUNCEBACK_SESSION_IDLE_MINUTES": "-3"}, hosted=True) == 1800


def test_mail_is_sent_only_when_the_centre_sets_up_smtp() -> None:
    assert conf.email_settings({})["EMAIL_BACKEND"].endswith("dummy.EmailBackend")
    smtp = conf.email_settings({"BOUNCEBACK_SMTP_HOST": "mail.example.org"})
    assert smtp["EMAIL_HOST"] == "mail.example.org" and smtp["EMAIL_PORT"] == 587


@pytest.mark.slow
def test_check_deploy_is_clean_with_a_database_url_and_https(tmp_path: Path) -> None:
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("BOUNCEBACK_", "DJANGO_", "DATABASE_URL"))
    }
    env |= {
        "DJANGO_SETTINGS_MODULE": "bounceback.settings",
        "BOUNCEBACK_HOME": str(tmp_path),
        "DATABASE_URL": "postgres://bounceback@127.0.0.1:5432/bounceback",
        "BOUNCEBACK_HTTPS": "1",
        "BOUNCEBACK_ALLOWED_HOSTS": "careers.example.org",
        "BOUNCEBACK_SECRET_KEY": "k" * 10
        + "a-long-random-secret-key-for-this-test-only-0123456789",
    }
    result = subprocess.run(
        [sys.executable, "-m", "django", "check", "--deploy", "--fail-level", "WARNING"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


@pytest.mark.django_db
def test_a_wrong_host_header_is_one_line_in_the_log_not_a_traceback() -> None:
    handler = logging.getLogger("django.security.DisallowedHost").handlers[0]
    assert isinstance(handler, logging.StreamHandler)
    captured = io.StringIO()
    # Swapped by hand: setStream() would flush the old stream, which pytest may have closed.
    previous, handler.stream = handler.stream, captured
    try:
        response = Client().get("/", HTTP_HOST="evil.example")
    finally:
        handler.stream = previous
    assert response.status_code == 400
    lines = captured.getvalue().strip().splitlines()
    assert len(lines) == 1 and "evil.example" in lines[0]
    assert "Traceback" not in captured.getvalue()
