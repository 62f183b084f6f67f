"""The export zip made by `bounceback worker` on a hosted install (``prepared.py``)."""

from __future__ import annotations

from django_tasks import task

from bounceback.portability.prepared import build


@task()
def prepare_export(owner_id: int) -> str:
    """Make one person's "Download everything" zip and keep it for them to download."""
    return build(owner_id)
