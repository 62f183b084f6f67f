"""Plain-dict shapes of applications, for `--json` output and exports."""

from __future__ import annotations

from typing import Any

from bounceback.applications.models import Application, StageEvent


def event_dict(event: StageEvent) -> dict[str, Any]:
    return {
        "id": event.pk,
        "kind": event.kind,
        "occurred_on": event.occurred_on,
        "round": event.round,
        "note": event.note,
        "date_guessed": event.date_guessed,
    }


def application_dict(application: Application, *, with_events: bool = False) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": application.pk,
        "company": application.company.name,
        "role": application.role,
        "applied_on": application.applied_on,
        "applied_on_guessed": application.applied_on_guessed,
        "stage": application.stage,
        "status": application.status,
        "source": application.source,
        "link": application.link,
        "notes": application.notes,
        "salary_from": application.salary_from,
        "salary_to": application.salary_to,
        "place": application.place,
        "work_place": application.work_place,
        "sector": application.sector,
        "referred_by": application.referred_by_id,
    }
    if with_events:
        data["events"] = [event_dict(e) for e in application.events.all()]
        rejection = getattr(application, "rejection", None)
        data["rejection_confirmed"] = rejection.confirmed if rejection is not None else None
    return data
