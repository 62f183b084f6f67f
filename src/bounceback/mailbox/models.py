"""What the mailbox import remembers.

- **ImportedMessage**: one job-search e-mail already processed (never twice: the
  dedupe key is the normalised Message-ID, or a hash of the raw bytes).
- **ReviewItem**: an e-mail bounceback was not sure about, waiting for the person.
- **SenderRule**: a correction the person made ("mail from this sender is about
  Acme"), used by later imports.
- **LabelCorrection**: the person said mail from this sender that read like X was
  really Y; later mail from them that reads like X is asked about, never filed.
- **LearnedExample**: an e-mail the person confirmed or corrected, kept (as hashed
  features, no text) for the personal layer to learn from.
- **ImapCursor**: how far an IMAP folder has been read (UIDVALIDITY + last UID).
- **MailConnection**: a mailbox a person connected from the web on a hosted install,
  its app password locked with the centre's key, and how its last check went
  (``connection.py``, ``tasks.py``).
- **OriginalMail**: the bytes of an imported job e-mail as it arrived, so the person's
  export holds the e-mail itself (``originals.py``).
"""

from __future__ import annotations

from django.db import models
from django.utils import timezone

from bounceback.applications.models import Application, Owned
from bounceback.recovery.models import StageReached


class Label(models.TextChoices):
    REJECTION = "rejection", "Rejection"
    INTERVIEW_INVITE = "interview_invite", "Interview invitation"
    OFFER = "offer", "Offer"
    APPLICATION_RECEIVED = "application_received", "Application received"
    ASSESSMENT_INVITE = "assessment_invite", "Assessment invitation"
    OTHER_JOB = "other_job", "Other job-search mail"
    NOT_JOB = "not_job", "Not about my job search"


class Outcome(models.TextChoices):
    CREATED = "created", "Added as a new application"
    UPDATED = "updated", "Added to an application"
    QUEUED = "queued", "Waiting for review"
    SKIPPED = "skipped", "Nothing to record"


class ImportedMessage(Owned):
    dedupe_key = models.CharField(max_length=600)
    message_id = models.CharField(max_length=500, blank=True)
    raw_hash = models.CharField(max_length=64, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    from_addr = models.CharField(max_length=320, blank=True)
    subject = models.CharField(max_length=500, blank=True)
    label = models.CharField(max_length=30, choices=Label.choices)
    confidence = models.FloatField()
    outcome = models.CharField(max_length=20, choices=Outcome.choices)
    application = models.ForeignKey(
        Application, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    source = models.CharField(max_length=300, blank=True, help_text="The mailbox it came from.")
    imported_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-imported_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["owner", "dedupe_key"], name="imported_message_once_per_owner"
            )
        ]

    def __str__(self) -> str:
        return self.subject or self.dedupe_key


class OriginalMail(models.Model):
    """The e-mail as it arrived, kept in the database itself so that forget, backups and
    deleting an account cover it with no file to miss. Job mail only, at most
    ``originals.MAX_ORIGINAL_BYTES`` (a bigger one keeps its headers and text, and says so).
    Its owner is its message's: it travels in the export as a file (``mail/<id>.eml``)."""

    message = models.OneToOneField(
        ImportedMessage, on_delete=models.CASCADE, primary_key=True, related_name="original"
    )
    data = models.BinaryField()

    def __str__(self) -> str:
        return f"original of {self.message_id}"


class ReviewStatus(models.TextChoices):
    OPEN = "open", "Waiting"
    CONFIRMED = "confirmed", "Confirmed"
    CORRECTED = "corrected", "Corrected"
    DISMISSED = "dismissed", "Not job mail"


class ReviewItem(Owned):
    message = models.OneToOneField(ImportedMessage, on_delete=models.CASCADE, related_name="review")
    from_name = models.CharField(max_length=300, blank=True)
    from_addr = models.CharField(max_length=320, blank=True)
    subject = models.CharField(max_length=500, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    text = models.TextField(blank=True, help_text="The plain-text body.")
    html = models.TextField(blank=True, help_text="The HTML body; only ever shown sanitised.")
    # What the analyser proposed
    label = models.CharField(max_length=30, choices=Label.choices)
    confidence = models.FloatField()
    company = models.CharField(max_length=200, blank=True)
    role = models.CharField(max_length=200, blank=True)
    contact_name = models.CharField(max_length=200, blank=True)
    stage = models.CharField(max_length=20, blank=True)
    has_feedback = models.BooleanField(null=True)
    reapply_invite = models.BooleanField(null=True)
    evidence = models.JSONField(default=list, blank=True)
    reason = models.CharField(max_length=300, help_text="Why bounceback asked.")
    candidates = models.ManyToManyField(Application, blank=True, related_name="+")
    # The person's answer
    status = models.CharField(
        max_length=20, choices=ReviewStatus.choices, default=ReviewStatus.OPEN
    )
    application = models.ForeignKey(
        Application, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    resolved_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-sent_at", "-id"]
        indexes = [models.Index(fields=["owner", "status"])]

    def __str__(self) -> str:
        return self.subject or f"E-mail from {self.from_addr}"

    @property
    def is_open(self) -> bool:
        return self.status == ReviewStatus.OPEN

    @property
    def sureness(self) -> str:
        """How sure the analyser was, in words: a person reads "fairly sure", not 0.57."""
        if self.confidence >= 0.85:
            return "Quite sure"
        if self.confidence >= 0.6:
            return "Fairly sure"
        if self.confidence >= 0.4:
            return "Not very sure"
        return "Only guessing"

    @property
    def quotes(self) -> list[str]:
        """The evidence that is the e-mail's own words, as written (not the analyser's notes)."""
        lowered = self.text.lower()
        found = []
        for phrase in self.evidence:
            at = lowered.find(str(phrase).lower()) if phrase else -1
            if at >= 0:
                found.append(self.text[at : at + len(phrase)])
        return found[:3]

    @property
    def stage_display(self) -> str:
        """How far the person got, when the e-mail is a rejection that says so."""
        if self.label != Label.REJECTION or self.stage not in StageReached.values:
            return ""
        if self.stage == StageReached.UNKNOWN:
            return ""
        return str(StageReached(self.stage).label)


class SenderRule(Owned):
    """Mail from ``sender`` is about ``company`` (and, if set, this application)."""

    sender = models.CharField(
        max_length=400,
        help_text="An address, '@domain', or 'address|display name' for shared ATS senders.",
    )
    company = models.CharField(max_length=200)
    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["sender"]
        constraints = [
            models.UniqueConstraint(fields=["owner", "sender"], name="one_rule_per_sender")
        ]

    def __str__(self) -> str:
        return f"{self.sender} → {self.company}"


class LabelCorrection(Owned):
    """Mail from ``sender`` that bounceback read as ``was`` was really ``now`` (the person said)."""

    sender = models.CharField(max_length=400, help_text="The same key as a SenderRule's.")
    was = models.CharField(max_length=30, choices=Label.choices)
    now = models.CharField(max_length=30, choices=Label.choices)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["sender", "was"]
        constraints = [
            models.UniqueConstraint(
                fields=["owner", "sender", "was"], name="one_label_correction_per_sender_and_label"
            )
        ]

    def __str__(self) -> str:
        return f"{self.sender}: {self.was} → {self.now}"


class ImapCursor(Owned):
    host = models.CharField(max_length=255)
    username = models.CharField(max_length=255)
    folder = models.CharField(max_length=255)
    uidvalidity = models.BigIntegerField()
    last_uid = models.BigIntegerField(default=0)
    synced_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["owner", "host", "username", "folder"], name="one_cursor_per_folder"
            )
        ]

    def __str__(self) -> str:
        return f"{self.username}@{self.host}/{self.folder}"


class LearnedExample(Owned):
    """An e-mail the person answered in Mail review, kept so bounceback learns from it.

    No text: the hashed features the personal layer compares (``lib/mail/personal``),
    the label bounceback proposed and the one the person gave. The subject shown on
    "What I've learned from you" is the imported message's own.
    """

    message = models.OneToOneField(
        ImportedMessage, on_delete=models.CASCADE, related_name="learned"
    )
    sender = models.CharField(max_length=400, help_text="Who it is from, as the layer groups it.")
    sender_name = models.CharField(max_length=300, blank=True)
    proposed = models.CharField(max_length=30, choices=Label.choices)
    label = models.CharField(max_length=30, choices=Label.choices)
    features = models.JSONField(default=list, help_text="Hashed features: numbers, not words.")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["sender", "-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.sender}: {self.label}"

    @property
    def corrected(self) -> bool:
        return self.label != self.proposed


class CheckState(models.TextChoices):
    IDLE = "idle", "Idle"
    QUEUED = "queued", "Waiting for a worker"
    RUNNING = "running", "Checking"


class MailConnection(Owned):
    """A mailbox a person connected from the web, read by the workers (hosted mode only).

    ``secret`` holds the app password locked with the centre's key (a Fernet token,
    ``mailbox/vault.py``), never the password itself; disconnecting deletes the row.
    The rest says how the last check went, in words for the person.
    """

    host = models.CharField(max_length=253)
    port = models.PositiveIntegerField(default=993)
    username = models.CharField(max_length=255)
    folder = models.CharField(max_length=255, default="INBOX")
    secret = models.TextField(editable=False, help_text="The app password, locked.")
    state = models.CharField(max_length=10, choices=CheckState.choices, default=CheckState.IDLE)
    state_since = models.DateTimeField(default=timezone.now)
    checked_at = models.DateTimeField(null=True, blank=True, help_text="The last check that ran.")
    found = models.PositiveIntegerField(default=0, help_text="New job mails in the last check.")
    failure = models.CharField(max_length=400, blank=True, help_text="Why the last check failed.")
    login_failures = models.PositiveIntegerField(
        default=0, help_text="Checks in a row the server refused the password."
    )
    retry_after = models.DateTimeField(
        null=True, blank=True, help_text="Scheduled checks wait until then."
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["owner"], name="one_mail_connection")]

    def __str__(self) -> str:
        return f"{self.username}@{self.host}/{self.folder}"
