""" "Download everything" on a hosted install: a worker makes the zip, the page offers it.

The zip is the same as ``bounceback export`` and the local download make
(``export.export_zip``). It waits in the database, the one thing web and workers share,
for ``KEEP_FOR``; asking again replaces it, and an old one is deleted the next time
anyone's export is made or the person looks at Settings.
"""

from __future__ import annotations

from datetime import timedelta

from django.contrib.auth.models import User
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from bounceback.portability.export import default_file_name, export_zip
from bounceback.portability.models import PreparedExport, PrepareState

KEEP_FOR = timedelta(days=1)
STALE_AFTER = timedelta(hours=1)  # a zip still "being made" after this: its worker died
FAILED = (
    "Your download could not be made this time; nothing of yours was changed. "
    "Ask for it again, and if it keeps failing, tell your career centre."
)


def _expired() -> Q:
    return Q(state=PrepareState.READY, state_since__lt=timezone.now() - KEEP_FOR)


def current(owner: User) -> PreparedExport | None:
    """The person's prepared export, if any and not too old (an old one is deleted)."""
    PreparedExport.objects.filter(_expired(), owner=owner).delete()
    return PreparedExport.objects.filter(owner=owner).defer("data").first()


def request(owner: User) -> bool:
    """Queue the making of the person's zip; False when one is already on its way."""
    from bounceback.portability.tasks import prepare_export

    now = timezone.now()
    busy = Q(state__in=[PrepareState.QUEUED, PrepareState.RUNNING]) & Q(
        state_since__gte=now - STALE_AFTER
    )
    with transaction.atomic():
        if PreparedExport.objects.filter(busy, owner=owner).exists():
            return False
        PreparedExport.objects.update_or_create(
            owner=owner,
            defaults={
                "state": PrepareState.QUEUED,
                "state_since": now,
                "data": b"",
                "size": 0,
                "file_name": "",
            },
        )
        prepare_export.enqueue(owner.pk)  # the person's id only: the worker reads the rest
    return True


def build(owner_id: int) -> str:
    """Make the zip now (the worker's side); "done", "failed" or "gone"."""
    PreparedExport.objects.filter(_expired()).delete()
    taken = PreparedExport.objects.filter(
        owner_id=owner_id, state__in=[PrepareState.QUEUED, PrepareState.RUNNING]
    ).update(state=PrepareState.RUNNING, state_since=timezone.now())
    owner = User.objects.filter(pk=owner_id, is_active=True).first()
    if not taken or owner is None:
        return "gone"
    name = default_file_name()
    try:
        data = export_zip(owner, name)
    except Exception:
        PreparedExport.objects.filter(owner_id=owner_id).update(
            state=PrepareState.FAILED, state_since=timezone.now()
        )
        raise  # the worker logs it; the task's arguments are an id, nothing private
    PreparedExport.objects.filter(owner_id=owner_id).update(
        state=PrepareState.READY,
        state_since=timezone.now(),
        file_name=name,
        data=data,
        size=len(data),
    )
    return "done"


def ready_file(owner: User) -> tuple[str, bytes] | None:
    """The ready zip's name and bytes, or None when there is none (yet)."""
    PreparedExport.objects.filter(_expired(), owner=owner).delete()
    found = PreparedExport.objects.filter(owner=owner, state=PrepareState.READY).first()
    return (found.file_name, bytes(found.data)) if found else None
