"""A spreadsheet uploaded on the web, kept only between its upload and the person's yes.

Stored in the database (not a session) so the preview page has an address of its own,
works in any browser tab, and goes with the person's other rows if they forget their data.
It is deleted as soon as it is brought in, and whenever a newer one is uploaded.
"""

from __future__ import annotations

from django.db import models
from django.utils import timezone

from bounceback.applications.models import Owned


class SheetUpload(Owned):
    name = models.CharField(max_length=200)
    data = models.BinaryField()
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return self.name
