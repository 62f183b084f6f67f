"""Settings read from the environment, as small pure functions that tests can call.

Kept apart from ``settings.py`` so the CLI can find the data folder without
importing Django, and so the rules are unit-tested rather than trusted.
"""

from __future__ import annotations

import os
import secrets
import zoneinfo
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import dj_database_url
import platformdirs

from bounceback.errors import UserError

APP_NAME = "bounceback"
DATABASE_ENGINES = ("django.db.backends.postgresql", "django.db.backends.sqlite3")


class SettingsError(UserError):
    """The environment names something bounceback cannot use; said before anything starts."""


def data_dir(env: Mapping[str, str] | None = None) -> Path:
    """The folder holding the database and secret key: BOUNCEBACK_HOME, else the platform's."""
    env = os.environ if env is None else env
    home = env.get("BOUNCEBACK_HOME", "").strip()
    if home:
        return Path(home).expanduser().resolve()
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def database_config(env: Mapping[str, str], home: Path) -> dict[str, Any]:
    """DATABASE_URL wins (PostgreSQL for a career centre); otherwise SQLite in the data folder."""
    url = env.get("DATABASE_URL", "").strip()
    if url:
        try:
            config: dict[str, Any] = dict(
                dj_database_url.parse(url, conn_max_age=60, conn_health_checks=True)
            )
        except ValueError:  # dj_database_url's ParseError and UnknownSchemeError are ValueErrors
            config = {}
        if config.get("ENGINE") not in DATABASE_ENGINES or "\x00" in url:
            # The URL itself is never repeated: it may hold a password.
            raise SettingsError(
                "DATABASE_URL is not a database address bounceback can use. Give a PostgreSQL "
                "one, e.g. postgres://user@127.0.0.1:5432/bounceback, or unset DATABASE_URL to "
                "keep your data in a file on this computer. Nothing was changed."
            )
        return config
    return {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": str(home / "bounceback.sqlite3"),
        # IMMEDIATE takes the write lock when a transaction starts, so two writers
        # wait for each other (busy timeout) instead of failing with "database is locked".
        "OPTIONS": {
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
            "init_command": (
                "PRAGMA journal_mode=WAL;"
                "PRAGMA synchronous=NORMAL;"
                "PRAGMA foreign_keys=ON;"
                "PRAGMA busy_timeout=20000;"
                "PRAGMA temp_store=MEMORY;"
                "PRAGMA cache_size=-20000;"
            ),
        },
    }


def check_data_dir(home: Path) -> None:
    """Refuse a BOUNCEBACK_HOME that is a file, or inside one, before anything is written."""
    for folder in (home, *home.parents):
        if folder.exists():
            if not folder.is_dir():
                raise SettingsError(
                    f"BOUNCEBACK_HOME is {_shown(home)}, but {_shown(folder)} is a file, not a "
                    "folder. Point BOUNCEBACK_HOME at a folder (it is made if missing), or unset it."
                )
            return


def time_zone(env: Mapping[str, str]) -> str:
    """TZ as a zone name Django accepts (e.g. Europe/London); UTC when unset."""
    value = env.get("TZ", "").strip().removeprefix(":")
    if not value:
        return "UTC"
    try:
        zoneinfo.ZoneInfo(value)
    except (ValueError, OSError, zoneinfo.ZoneInfoNotFoundError):
        raise SettingsError(
            f"TZ is set to {_shown(value)}, which is not a time zone bounceback knows. "
            "Use a name such as Europe/London or America/New_York, or unset TZ."
        ) from None
    return value


def _shown(value: object) -> str:
    text = "".join(ch for ch in str(value) if ch.isprintable())
    return text if len(text) <= 80 else f"{text[:79]}… ({len(text):,} characters)"


def secret_key(home: Path, env: Mapping[str, str]) -> str:
    """BOUNCEBACK_SECRET_KEY if set, else a key generated once into the data folder (mode 600)."""
    from_env = env.get("BOUNCEBACK_SECRET_KEY", "").strip()
    if from_env:
        return from_env
    path = home / "secret_key"
    if path.exists():
        return path.read_text().strip()
    home.mkdir(parents=True, exist_ok=True)
    key = secrets.token_urlsafe(50)
    # O_EXCL: if two processes start at once, one writes and the other reads its key.
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return path.read_text().strip()
    with os.fdopen(fd, "w") as handle:
        handle.write(key)
    return key


def env_bool(env: Mapping[str, str], name: str, default: bool = False) -> bool:
    value = env.get(name, "").strip().lower()
    if not value:
        return default
    return value in {"1", "true", "yes", "on"}


def env_list(env: Mapping[str, str], name: str, default: list[str]) -> list[str]:
    value = env.get(name, "").strip()
    if not value:
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


# --- Hosted mode (a career centre) and HTTPS --------------------------------------------
# Kept together, apart from the rest, so the rules for hosting many people read as one.


def hosted(env: Mapping[str, str]) -> bool:
    """Whether this install serves many people (passwords, roles) rather than one person.

    BOUNCEBACK_HOSTED decides when set; otherwise a DATABASE_URL means a career centre,
    as the README has always said, and SQLite in a data folder means one person.
    """
    if env.get("BOUNCEBACK_HOSTED", "").strip():
        return env_bool(env, "BOUNCEBACK_HOSTED")
    return bool(env.get("DATABASE_URL", "").strip())


def https_origins(allowed_hosts: list[str]) -> list[str]:
    """The HTTPS origins a form may be posted from: one per allowed host name.

    A leading dot (".example.org", any subdomain) becomes a wildcard origin; "*" names no
    origin and is left out, so a wildcard host never trusts every site.
    """
    origins = []
    for host in allowed_hosts:
        if host == "*" or not host:
            continue
        origins.append(f"https://*{host}" if host.startswith(".") else f"https://{host}")
    return origins


def https_settings(env: Mapping[str, str], allowed_hosts: list[str]) -> dict[str, Any]:
    """Everything BOUNCEBACK_HTTPS=1 turns on, for an install behind a TLS reverse proxy.

    Secure cookies, HSTS, a redirect of plain HTTP, the proxy's X-Forwarded-Proto header
    trusted, and forms accepted from the allowed hosts over HTTPS. Off: nothing changes.
    """
    if not env_bool(env, "BOUNCEBACK_HTTPS"):
        return {}
    hsts = env.get("BOUNCEBACK_HSTS_SECONDS", "").strip()
    return {
        "SESSION_COOKIE_SECURE": True,
        "CSRF_COOKIE_SECURE": True,
        "SECURE_SSL_REDIRECT": True,
        # A year, the figure browsers' preload lists ask for; a centre trying HTTPS out
        # first can set a few minutes instead.
        "SECURE_HSTS_SECONDS": int(hsts) if hsts.isdigit() else 365 * 24 * 60 * 60,
        "SECURE_HSTS_INCLUDE_SUBDOMAINS": True,
        "SECURE_HSTS_PRELOAD": True,
        "SECURE_PROXY_SSL_HEADER": ("HTTP_X_FORWARDED_PROTO", "https"),
        "CSRF_TRUSTED_ORIGINS": https_origins(allowed_hosts),
    }


def session_idle_seconds(env: Mapping[str, str], *, hosted: bool) -> int | None:
    """How long a hosted session lasts without a request (BOUNCEBACK_SESSION_IDLE_MINUTES).

    None in local mode: one person on their own computer keeps the 30-day session.
    Hosted sessions end after 30 minutes idle by default, since computers at a centre
    are shared.
    """
    if not hosted:
        return None
    minutes = env.get("BOUNCEBACK_SESSION_IDLE_MINUTES", "").strip()
    return (int(minutes) if minutes.isdigit() and int(minutes) > 0 else 30) * 60


def email_settings(env: Mapping[str, str]) -> dict[str, Any]:
    """SMTP for password resets, invitations and reminders, when the centre sets one up.

    Without BOUNCEBACK_SMTP_HOST nothing is ever sent: staff hand people one-time links.
    """
    host = env.get("BOUNCEBACK_SMTP_HOST", "").strip()
    if not host:
        return {"EMAIL_BACKEND": "django.core.mail.backends.dummy.EmailBackend"}
    port = env.get("BOUNCEBACK_SMTP_PORT", "").strip()
    return {
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": host,
        "EMAIL_PORT": int(port) if port.isdigit() else 587,
        "EMAIL_HOST_USER": env.get("BOUNCEBACK_SMTP_USER", ""),
        "EMAIL_HOST_PASSWORD": env.get("BOUNCEBACK_SMTP_PASSWORD", ""),
        "EMAIL_USE_TLS": env_bool(env, "BOUNCEBACK_SMTP_STARTTLS", default=True),
        "DEFAULT_FROM_EMAIL": env.get("BOUNCEBACK_MAIL_FROM", "") or f"bounceback@{host}",
    }


# --- Mailboxes connected from the web (hosted mode) --------------------------------------


def mail_keys(env: Mapping[str, str]) -> list[str]:
    """BOUNCEBACK_MAIL_KEY: the keys that lock people's mailbox passwords, newest first.

    Comma-separated Fernet keys (``bounceback mail-key`` makes one). The first locks new
    passwords; the others still open what they locked, so a new key goes first and the
    old one stays after it until ``bounceback mail-key --rotate`` has re-locked them all.
    Empty: the centre has not switched mailbox connections on.
    """
    keys = env_list(env, "BOUNCEBACK_MAIL_KEY", [])
    for position, key in enumerate(keys, start=1):
        if not _is_fernet_key(key):
            # The value itself is never repeated: it is a secret.
            raise SettingsError(
                f"BOUNCEBACK_MAIL_KEY's key number {position} is not a key bounceback can use. "
                "Make one with `bounceback mail-key` (44 letters, digits, - and _, ending in =), "
                "or unset BOUNCEBACK_MAIL_KEY to leave mailbox connections off."
            )
    return keys


def _is_fernet_key(key: str) -> bool:
    import base64
    import binascii

    try:
        return len(base64.urlsafe_b64decode(key.encode("ascii"))) == 32 and len(key) == 44
    except (binascii.Error, UnicodeEncodeError, ValueError):
        return False
