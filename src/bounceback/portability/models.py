"""What export keeps: only a zip a worker prepared on a hosted install.

- **PreparedExport**: a person's "Download everything" zip, made by a worker so that years
  of mail never hold up a web page; kept in the database (the only thing web and workers
  share) for ``prepared.KEEP_FOR``, then deleted.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone


class PrepareState(models.TextChoices):
    QUEUED = "queued", "Waiting for a worker"
    RUNNING = "running", "Being made"
    READY = "ready", "Ready"
    FAILED = "failed", "Failed"


class PreparedExport(models.Model):
    """A person's export zip, made by a worker (hosted mode); one per person at most."""

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    state = models.CharField(max_length=10, choices=PrepareState.choices)
    state_since = models.DateTimeField(default=timezone.now)
    file_name = models.CharField(max_length=100, blank=True)
    data = models.BinaryField(default=b"", editable=False)
    size = models.PositiveBigIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["owner"], name="one_prepared_export")]

    def __str__(self) -> str:
        return f"{self.file_name or 'export'} ({self.state})"
