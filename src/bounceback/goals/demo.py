"""Sample offer details for `bounceback demo`: pay, place and sector on most applications,
so each one shows its fit with the demo's goals (set by the Ikigai worksheet in wellbeing)."""

from __future__ import annotations

import random
from datetime import date

from django.contrib.auth.models import User

from bounceback.applications.models import Application, WorkPlace

# A sector for the demo companies whose names say one; the others are left blank, as
# ads often are.
_SECTORS = {
    "Brightpath Health": "Public health",
    "Ostara Energy": "Energy",
    "Nimbus Climate": "Climate tech",
    "Emberly Energy": "Energy",
    "Aurora Hospitals": "Public health",
    "Saltmarsh Water": "Utilities",
    "Harbourline Bank": "Banking",
    "Bluestem Credit Union": "Banking",
    "Lumen Retail Group": "Retail",
    "Copperleaf Games": "Games",
    "Castellan Pharma": "Pharmaceuticals",
    "Greyfield University": "Education",
    "Lattice Learning": "Education",
    "Solace Care": "Public health",
    "Meridian Council": "Local government",
    "Verity Research": "Climate tech",
}
_PLACES = ["Leeds", "Manchester", "London", "Leeds", "York", ""]
_NOTES = [
    "Flexible hours and a four-day week after probation.",
    "Small team; they mentioned mentoring for new analysts.",
    "",
    "",
    "Office five days a week.",
]


def build(owner: User, today: date, rng: random.Random) -> None:
    for application in Application.objects.filter(owner=owner).select_related("company"):
        if rng.random() < 0.15:
            continue  # some ads say nothing, and that's fine
        low = rng.choice([28, 30, 32, 34, 35, 36, 38, 40, 42, 45]) * 1000
        application.salary_from = low
        application.salary_to = low + rng.choice([0, 3000, 5000]) or None
        application.place = rng.choice(_PLACES)
        application.work_place = rng.choice(
            [WorkPlace.REMOTE, WorkPlace.HYBRID, WorkPlace.HYBRID, WorkPlace.ON_SITE, ""]
        )
        application.sector = _SECTORS.get(application.company.name, "")
        note = rng.choice(_NOTES)
        if note and not application.notes:
            application.notes = note
        application.save()
