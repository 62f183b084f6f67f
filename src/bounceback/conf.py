"""Settings read from the environment, as small pure functions that tests can call.

Kept apart from ``settings.py`` so the CLI can find the data folder without
importing Django, and so the rules are unit-tested rather than trusted.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import dj_database_url
import platformdirs

APP_NAME = "bounceback"


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
        config: dict[str, Any] = dict(
            dj_database_url.parse(url, conn_max_age=60, conn_health_checks=True)
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
