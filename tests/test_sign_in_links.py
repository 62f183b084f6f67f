"""One-time sign-in links: a used link and a link this bounceback never made get different advice."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from django.urls import reverse

from bounceback.accounts.models import SignInToken
from tests.clock import CURRENT_TIME

pytestmark = pytest.mark.django_db


def _open(client: Any, token: str) -> Any:
    return client.get(reverse("accounts:sign_in_link", args=[token]))


def test_a_used_link_says_it_was_used_and_how_to_get_another(client: Any, alice: Any) -> None:
    token = SignInToken.issue(alice)
    assert _open(client, token).status_code == 302
    client.logout()
    response = _open(client, token)
    assert response.status_code == 403
    page = response.content.decode()
    assert "already been used" in page and "bounceback signin-link" in page


def test_a_link_this_bounceback_never_made_is_not_called_used(client: Any, alice: Any) -> None:
    response = _open(client, "made-by-another-data-folder")
    assert response.status_code == 403
    page = response.content.decode()
    assert "isn&#x27;t one this bounceback made" in page or "isn't one this bounceback made" in page
    assert "already been used" not in page
    assert "bounceback signin-link --demo" in page


def test_an_expired_link_gets_the_unknown_or_expired_message(client: Any, alice: Any) -> None:
    token = SignInToken.issue(alice)
    SignInToken.objects.update(created_at=CURRENT_TIME - SignInToken.LIFETIME - timedelta(1))
    page = _open(client, token).content.decode()
    assert "or it has expired" in page and "already been used" not in page
    assert not SignInToken.objects.exists()  # old links are cleared away


def test_the_database_still_holds_only_a_hash_of_a_used_link(client: Any, alice: Any) -> None:
    token = SignInToken.issue(alice)
    _open(client, token)
    stored = SignInToken.objects.get()
    assert stored.used_at is not None and token not in stored.token_hash


def test_the_sign_in_page_says_how_to_get_a_link_for_the_demo_too(client: Any) -> None:
    page = client.get(reverse("accounts:sign_in")).content.decode()
    assert "bounceback signin-link --demo" in page


# --- the command line ------------------------------------------------------------------------


def test_signin_link_help_says_host_and_port_are_where_serve_listens(cli: Any) -> None:
    help_text = " ".join(cli("signin-link", "--help").output.split())
    assert "Address to listen on" not in help_text
    assert "listens on" in help_text and "--demo" in help_text


def test_signin_link_demo_without_a_demo_says_to_build_it(
    cli: Any, tmp_path: Path, monkeypatch: Any
) -> None:
    monkeypatch.setenv("BOUNCEBACK_DEMO_HOME", str(tmp_path / "no-demo-here"))
    result = cli("signin-link", "--demo")
    assert result.exit_code == 1
    assert "bounceback demo" in " ".join(result.output.split())
    assert not (tmp_path / "no-demo-here").exists()


def _tokens_in(database: Path) -> set[str]:
    with sqlite3.connect(database) as connection:
        return {row[0] for row in connection.execute("SELECT token_hash FROM accounts_signintoken")}


@pytest.mark.slow
def test_signin_link_demo_issues_the_link_from_the_demo_folder(
    cli: Any, tmp_path: Path, monkeypatch: Any
) -> None:
    demo = tmp_path / "demo"
    # The real settings in the child processes (the test settings pick their own folder).
    monkeypatch.setenv("DJANGO_SETTINGS_MODULE", "bounceback.settings")
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    # An existing demo folder (its database, migrated), as `bounceback demo` leaves it.
    subprocess.run(
        [sys.executable, "-c", "from bounceback.cli.main import run; run()", "signin-link"],
        env={**env, "BOUNCEBACK_HOME": str(demo)},
        capture_output=True,
        check=True,
        timeout=120,
    )
    before = _tokens_in(demo / "bounceback.sqlite3")
    monkeypatch.setenv("BOUNCEBACK_DEMO_HOME", str(demo))
    result = cli("signin-link", "--demo", "--port", "8811")
    assert result.exit_code == 0, result.output
    url = result.output.strip()
    assert url.startswith("http://127.0.0.1:8811/sign-in/")
    token = url.rstrip("/").rsplit("/", 1)[1]
    assert _tokens_in(demo / "bounceback.sqlite3") - before == {SignInToken.hash(token)}
    assert not SignInToken.objects.exists()  # nothing issued in the person's own database


def test_the_demo_tells_how_to_get_another_link_for_the_demo(
    monkeypatch: Any, capsys: Any, alice: Any
) -> None:
    import waitress

    from bounceback.cli import server

    monkeypatch.setattr(waitress, "serve", lambda *args, **kwargs: None)
    monkeypatch.setattr(server, "_check_port_free", lambda host, port: None)
    server._serve("127.0.0.1", 8811, True, demo=True)
    out = " ".join(capsys.readouterr().out.split())
    assert "bounceback signin-link --demo --port 8811" in out
