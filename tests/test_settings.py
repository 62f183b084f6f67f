from __future__ import annotations

from pathlib import Path

from bounceback import conf


def test_the_data_folder_comes_from_bounceback_home(tmp_path: Path) -> None:
    assert conf.data_dir({"BOUNCEBACK_HOME": str(tmp_path)}) == tmp_path.resolve()


def test_without_bounceback_home_the_platform_data_folder_is_used() -> None:
    assert conf.data_dir({}).name == "bounceback"


def test_sqlite_in_the_data_folder_is_the_default(tmp_path: Path) -> None:
    config = conf.database_config({}, tmp_path)
    assert config["ENGINE"] == "django.db.backends.sqlite3"
    assert config["NAME"] == str(tmp_path / "bounceback.sqlite3")
    assert config["OPTIONS"]["transaction_mode"] == "IMMEDIATE"
    pragmas = config["OPTIONS"]["init_command"]
    assert "journal_mode=WAL" in pragmas
    assert "foreign_keys=ON" in pragmas
    assert "busy_timeout" in pragmas


def test_database_url_switches_to_postgresql(tmp_path: Path) -> None:
    config = conf.database_config(
        {"DATABASE_URL": "postgres://bb:pw@db.example:5433/career"}, tmp_path
    )
    assert config["ENGINE"] == "django.db.backends.postgresql"
    assert (config["NAME"], config["HOST"], config["PORT"]) == ("career", "db.example", 5433)


def test_the_secret_key_is_generated_once_and_kept_private(tmp_path: Path) -> None:
    first = conf.secret_key(tmp_path, {})
    assert conf.secret_key(tmp_path, {}) == first
    assert len(first) > 40
    assert (tmp_path / "secret_key").stat().st_mode & 0o077 == 0


def test_a_secret_key_from_the_environment_wins(tmp_path: Path) -> None:
    assert conf.secret_key(tmp_path, {"BOUNCEBACK_SECRET_KEY": "abc"}) == "abc"
    assert not (tmp_path / "secret_key").exists()


def test_env_helpers_read_booleans_and_lists() -> None:
    assert conf.env_bool({"X": "yes"}, "X") is True
    assert conf.env_bool({}, "X", default=True) is True
    assert conf.env_list({"H": "a.example, b.example"}, "H", []) == ["a.example", "b.example"]
