"""Ready-to-send messages from editable template files (drafts/<kind>/<tone>.txt).

bounceback never sends anything: it renders the text and a mailto: link.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from django.contrib.auth.models import User
from django.template import Context, Engine

from bounceback.accounts.models import Profile
from bounceback.applications.models import Application, Contact
from bounceback.errors import UserError
from bounceback.recovery.models import Action, ActionKind, ActionStatus, Rejection, StageReached

DRAFTS_DIR = Path(__file__).resolve().parent / "drafts"
KINDS = {
    "thank_you": "Thank-you note",
    "feedback_request": "Feedback request",
    "second_ask": "A second, last ask",
    "reapply": "For later: when you apply again",
    "keep_in_touch": "For later: keeping in touch",
}
TONES = {"brief": "Brief", "warm": "Warm", "formal": "Formal"}
DEFAULT_TONE = "warm"

# Plain-text messages: no HTML escaping ("Keel & Compass" must stay as typed).
_ENGINE = Engine(autoescape=False)

_STAGE_WORDS = {
    StageReached.APPLICATION: "the application process",
    StageReached.SCREEN: "our call",
    StageReached.INTERVIEW: "the interviews",
    StageReached.FINAL: "the final round",
    StageReached.UNKNOWN: "the process",
}
# "Thank you ..." for what the person was given at each stage.
_THANKS_FOR = {
    StageReached.APPLICATION: "for considering my application",
    StageReached.SCREEN: "for taking the time to speak with me",
    StageReached.INTERVIEW: "for the time you and the team gave me in the interviews",
    StageReached.FINAL: "for the time you and the team gave me, all the way to the final round",
    StageReached.UNKNOWN: "for considering me",
}
# "... any feedback on ..." about the candidate, never asking them to critique their process.
_FEEDBACK_ON = {
    StageReached.APPLICATION: "my application",
    StageReached.SCREEN: "how I came across in our call",
    StageReached.INTERVIEW: "my interviews",
    StageReached.FINAL: "my interviews",
    StageReached.UNKNOWN: "my application",
}


@dataclass(frozen=True)
class Draft:
    kind: str
    tone: str
    subject: str
    body: str
    to_name: str
    to_email: str
    label: str = ""  # a heading for kinds other areas add (KINDS names the ones here)

    @property
    def title(self) -> str:
        return self.label or KINDS.get(self.kind, self.subject)

    @property
    def mailto(self) -> str:
        """A mailto: link with the subject and body encoded; the mail program does the sending."""
        return (
            f"mailto:{quote(self.to_email, safe='@')}"
            f"?subject={quote(self.subject, safe='')}&body={quote(self.body, safe='')}"
        )

    def as_dict(self) -> dict[str, str]:
        return {
            "kind": self.kind,
            "tone": self.tone,
            "to": self.to_name,
            "email": self.to_email,
            "subject": self.subject,
            "body": self.body,
        }


def template_path(kind: str, tone: str, shipped: Path = DRAFTS_DIR) -> Path:
    """The person's own copy in their data folder (drafts/<kind>/<tone>.txt) if they made
    one, else the one that ships with bounceback: wording is theirs to change or translate.

    Other areas keep their own templates (``shipped``) under the same scheme, so one
    folder in the data folder holds every wording the person changed.
    """
    from django.conf import settings

    own = Path(settings.HOME) / "drafts" / kind / f"{tone}.txt"
    return own if own.is_file() else shipped / kind / f"{tone}.txt"


def fill(path: Path, context: dict[str, object]) -> tuple[str, str]:
    """A template file filled in: its subject (the first line, after "Subject:") and body."""
    source = path.read_text(encoding="utf-8")
    text = _ENGINE.from_string(source).render(Context(context, autoescape=False))
    head, _, body = text.partition("\n")
    return head.removeprefix("Subject:").strip(), body.strip() + "\n"


def sender_name(owner: User) -> str:
    """The name drafts are signed with: the one the person gave for it (asked once, on the
    drafts page; Settings too), else what they are called, else the account's own; "" until
    there is one, so the page can ask."""
    profile = Profile.for_user(owner)
    return profile.sign_as or profile.display_name or owner.get_full_name()


def check_tone(tone: str) -> str:
    if tone not in TONES:
        raise UserError(f"'{tone}' is not a tone. Use one of: {', '.join(TONES)}.")
    return tone


def recipient(application: Application, rejection: Rejection | None = None) -> Contact | None:
    """Who to write to: the person on the rejection, else the first person on the application."""
    if rejection is not None and rejection.contact is not None:
        return rejection.contact
    return application.contacts.order_by("id").first()


def render(
    kind: str, tone: str, application: Application, rejection: Rejection | None = None
) -> Draft:
    """Fill the template for this kind and tone with the application's details."""
    if kind not in KINDS:
        raise UserError(f"'{kind}' is not a kind of draft. Use one of: {', '.join(KINDS)}.")
    check_tone(tone)
    contact = recipient(application, rejection)
    stage = rejection.stage_reached if rejection else StageReached.UNKNOWN
    subject, body = fill(
        template_path(kind, tone),
        {
            "contact_name": contact.name if contact else "",
            "contact_first": contact.first_name if contact else "",
            "company": application.company.name,
            "role": application.role or "[the role]",  # a gap to fill, never blank
            "stage": _STAGE_WORDS[StageReached(stage)],
            "thanks_for": _THANKS_FOR[StageReached(stage)],
            "feedback_on": _FEEDBACK_ON[StageReached(stage)],
            "my_name": sender_name(application.owner),
        },
    )
    return Draft(
        kind=kind,
        tone=tone,
        subject=subject,
        body=body,
        to_name=contact.name if contact else "",
        to_email=contact.email if contact else "",
    )


def wants_feedback_request(rejection: Rejection) -> bool:
    """A feedback request is always drafted unless the person said what they have is enough
    (or their feedback has already come). What the e-mail seemed to say never removes it: a
    stock line ("another candidate more closely matched") is not feedback."""
    if rejection.feedback_enough:
        return False
    return not rejection.application.feedback.exists()


def for_rejection(rejection: Rejection, tone: str = DEFAULT_TONE) -> list[Draft]:
    """The thank-you; the feedback request unless the person has enough; a note for keeping in
    touch when the role was put on hold or closed; the note for applying again when invited."""
    kinds = ["thank_you"]
    if rejection.outside_control:
        kinds.append("keep_in_touch")
    if wants_feedback_request(rejection):
        kinds.append("feedback_request")
    if rejection.reapply_invite:
        kinds.append("reapply")
    return [render(kind, tone, rejection.application, rejection) for kind in kinds]


# Steps about the person's own growth; notes, follow-ups and self-care don't belong in
# a message to an employer.
_GROWTH_KINDS = (ActionKind.PRACTICE, ActionKind.CUSTOM)


def done_since(rejection: Rejection) -> list[str]:
    """What the person has done since the "no": material for the note when applying again."""
    return list(
        Action.objects.filter(
            owner=rejection.owner,
            status=ActionStatus.DONE,
            done_on__gte=rejection.received_on,
        )
        .filter(kind__in=_GROWTH_KINDS)
        .order_by("done_on", "id")
        .values_list("title", flat=True)[:8]
    )
