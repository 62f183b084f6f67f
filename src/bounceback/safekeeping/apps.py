from __future__ import annotations

from typing import Any

from django.apps import AppConfig


class SafekeepingConfig(AppConfig):
    name = "bounceback.safekeeping"
    label = "safekeeping"
    verbose_name = "Backups, upgrades and forgetting"

    def ready(self) -> None:
        from django.db.backends.signals import connection_created

        connection_created.connect(_private_database_files)
        # "Delete everything" on Settings: accounts owns the page, this app the deleting.
        from bounceback.accounts import sections

        sections.add(_settings_section)


def _settings_section(request: Any) -> str:
    from django.template.loader import render_to_string

    return render_to_string("safekeeping/_settings_section.html", request=request)


def _private_database_files(sender: Any, connection: Any, **kwargs: Any) -> None:
    """SQLite creates the database file with the default mode: make it (and -wal, -shm) 600."""
    if connection.vendor != "sqlite":
        return
    from bounceback.safekeeping.backup import database_files

    for path in database_files(connection.settings_dict["NAME"]):
        if path.exists():
            from bounceback.safekeeping.permissions import private_file

            private_file(path)
